package io.mproc.process;

import io.mproc.memory.ProcessIdentity;
import io.mproc.memory.Region;
import io.mproc.memory.RegionNamespace;
import io.mproc.process.internal.ChildMain;
import io.mproc.process.internal.ControlBlock;
import io.mproc.process.internal.ExitStatus;
import io.mproc.process.internal.LaunchSpec;
import io.mproc.process.internal.Outcome;
import io.mproc.process.internal.SpecLayout;
import io.mproc.process.internal.SpecPipe;
import io.mproc.process.internal.StandbyPreload;
import java.io.File;
import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Starts child JVMs: the parent's own {@code java} (from {@code java.home}), its class path
 * and module configuration, the flags mproc needs, the process's {@link LaunchSettings}, and
 * {@link ChildMain} told where its control region is.
 *
 * <p>The command line, in order: {@code java}; {@code --enable-native-access=ALL-UNNAMED}
 * (futex, {@code kill}); {@code --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED} (Agrona,
 * when the application uses it); the parent's module configuration ({@link ChildModules}:
 * module path, root modules, module-graph options, native access for mproc's module), when it
 * has one; the {@link StartupCache} for its kind of child (cold or standby) when there is one
 * and the options neither choose their own archive nor change the module graph; every
 * {@code mproc.*} system property of this JVM (so the child finds the same region root and
 * filters); the settings' properties and options; {@code -cp} with the class path made absolute
 * (the working directory may differ), unless it is empty; the main class (by module when mproc
 * is one) and its arguments {@code <root> <namespace> <id> [standby]}.
 */
final class Launcher {
    private Launcher() {
    }

    /** The flags every JVM mproc starts gets ({@link ChildMain#JVM_FLAGS}). */
    static final List<String> MPROC_FLAGS = ChildMain.JVM_FLAGS;

    /**
     * A child JVM that was started: its id in the process namespace, the JVM, its control block,
     * its spec region (for a standby: the empty one it will be handed its spec in; for a cold
     * child: null when the spec went through the pipe), and the region of a spec too large for
     * a standby's spec region (else null).
     */
    record Launched(String id, Process process, ControlBlock control, Region spec, Region largeSpec) {
        Launched withLargeSpec(Region region) {
            return new Launched(id, process, control, spec, region);
        }

        /**
         * Once the JVM has exited: decodes its exit code, reads (and unlinks) its outcome, and
         * releases its regions.
         */
        Ended reap(Set<Integer> signalsSent) {
            int exitCode = ExitStatus.decode(process.exitValue(), control.exitRecord(), signalsSent);
            RegionNamespace namespace = Children.namespace();
            Outcome outcome = control.outcomeLength() >= 0 ? readOutcome(namespace) : null;
            namespace.release(control.region());
            if (spec != null) {
                namespace.release(spec);
            }
            if (largeSpec != null) {
                namespace.release(largeSpec);
            }
            if (exitCode < 0) {
                // A child killed while it created its outcome region leaves a half-built file.
                namespace.removeLeftovers();
            }
            return new Ended(exitCode, outcome);
        }

        private Outcome readOutcome(RegionNamespace namespace) {
            Region region = namespace.attach(Outcome.regionName(id), Outcome.KIND);
            try {
                return Outcome.read(region.body().toArray(ValueLayout.JAVA_BYTE));
            } catch (IOException | ClassNotFoundException | RuntimeException unreadable) {
                return null;
            } finally {
                namespace.release(region);
                region.unlink();
            }
        }
    }

    /**
     * How a child ended: its exit code, and its outcome (null when it exited before its target
     * ended, or the outcome could not be read).
     */
    record Ended(int exitCode, Outcome outcome) {
    }

    /**
     * Starts a JVM for {@code spec} (encoded) with {@code settings}; with a null spec, a standby
     * JVM that waits for one, and preloads the classes {@code preload} names. A cold child's spec goes into its standard input with the
     * {@link SpecPipe} message when it fits, else into the region {@code <id>.spec}.
     *
     * <p>A cold child's regions are made right after its JVM is spawned, while it boots: it
     * looks for them only once it has read the message, which is written after them. A standby
     * attaches its regions first thing, so they are made before it is spawned.
     *
     * @throws IllegalStateException if the JVM cannot be started
     */
    static Launched launch(String processName, LaunchSettings settings, byte[] spec, List<String> preload) {
        RegionNamespace namespace = Children.namespace();
        boolean standby = spec == null;
        String id = Children.nextId(standby ? "s" : "p");
        ControlBlock control = null;
        Region specRegion = null;
        Process process = null;
        try {
            if (standby) {
                control = ControlBlock.create(namespace, id);
                byte[] hints = preload.isEmpty() ? null : StandbyPreload.encode(preload);
                specRegion = namespace.create(LaunchSpec.regionName(id), LaunchSpec.KIND, SpecLayout.STANDBY_CAPACITY,
                    hints == null || !SpecLayout.fits(hints.length) ? null : body -> SpecLayout.write(body, hints));
            }
            process = spawn(namespace, id, standby, settings);
            if (!standby) {
                control = ControlBlock.create(namespace, id);
                boolean piped = SpecPipe.fits(spec.length);
                if (!piped) {
                    specRegion = writeSpec(namespace, LaunchSpec.regionName(id), spec);
                }
                sendSpec(process, piped ? spec : null);
            }
            return new Launched(id, process, control, specRegion, null);
        } catch (IOException | RuntimeException failed) {
            if (process != null) {
                // It waits for its message, which it will not get: it must not be left behind.
                process.destroyForcibly();
                awaitExit(process);
            }
            if (control != null) {
                namespace.release(control.region());
            }
            if (specRegion != null) {
                namespace.release(specRegion);
            }
            throw new IllegalStateException("process " + processName + ": cannot start a JVM: " + failed, failed);
        }
    }

    private static Process spawn(RegionNamespace namespace, String id, boolean standby, LaunchSettings settings)
        throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(namespace, id, standby, settings))
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .redirectOutput(settings.stdout())
            .redirectError(settings.stderr());
        settings.workingDirectoryIfSet().ifPresent(directory -> builder.directory(directory.toFile()));
        builder.environment().putAll(settings.environment());
        return builder.start();
    }

    private static void awaitExit(Process process) {
        boolean interrupted = false;
        while (true) {
            try {
                process.waitFor();
                break;
            } catch (InterruptedException later) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Writes the {@link SpecPipe} message into the child's standard input, and keeps the pipe
     * open: it is the child's lifeline. A child that died at once (a JVM option it refused)
     * breaks the pipe; its exit status says what happened, so that is not an error here.
     */
    private static void sendSpec(Process process, byte[] spec) {
        try {
            SpecPipe.write(process.getOutputStream(), ProcessIdentity.current(), spec);
        } catch (IOException childGone) {
            // reaped like any child that exited
        }
    }

    /** Creates the spec region {@code name} holding {@code spec}. */
    static Region writeSpec(RegionNamespace namespace, String name, byte[] spec) {
        return namespace.create(name, LaunchSpec.KIND, SpecLayout.bodySize(spec.length),
            body -> SpecLayout.write(body, spec));
    }

    static List<String> command(RegionNamespace namespace, String id, boolean standby, LaunchSettings settings) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(MPROC_FLAGS);
        command.addAll(ChildModules.options());
        if (cacheFits(settings.jvmOptions())) {
            Optional<Path> cache = StartupCache.usable(standby);
            cache.ifPresent(path -> {
                command.add("-XX:AOTCache=" + path);
                // A cache that went stale or missing must not print to the user's output.
                command.add("-Xlog:aot=off");
                command.add("-Xlog:cds=off");
            });
        }
        System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith("mproc.")).sorted()
            .forEach(key -> command.add("-D" + key + "=" + System.getProperty(key)));
        settings.systemProperties().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(settings.jvmOptions());
        String classPath = StartupCache.childClassPath();
        if (!classPath.isEmpty()) {
            command.add("-cp");
            command.add(classPath);
        }
        command.addAll(ChildModules.mainClass(ChildMain.class));
        command.add(namespace.directory().getParent().toString());
        command.add(namespace.name());
        command.add(id);
        if (standby) {
            command.add(ChildMain.STANDBY);
        }
        return command;
    }

    /** The class path of this JVM with every entry absolute. */
    static List<String> absoluteClassPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry).toAbsolutePath().normalize().toString());
            }
        }
        return entries;
    }

    /**
     * Whether the startup cache suits a JVM with {@code options}: not when they choose an
     * archive of their own, nor when they change the module graph (a JVM refuses an AOT cache
     * made with other module options, and then maps no archive at all, not even the JDK's).
     */
    private static boolean cacheFits(List<String> options) {
        return options.stream().noneMatch(option -> CACHE_CONFLICTS.stream().anyMatch(option::startsWith));
    }

    private static final List<String> CACHE_CONFLICTS = List.of("-XX:AOTCache", "-XX:AOTMode", "-XX:AOTConfiguration",
        "-XX:SharedArchiveFile", "-Xshare", "-XX:+AutoCreateSharedArchive", "--add-exports", "--add-opens",
        "--add-modules", "--add-reads", "--limit-modules", "--patch-module", "--upgrade-module-path", "--module-path",
        "-p", "--enable-native-access", "-Djdk.module.", "-XX:-UseCompressedOops", "-XX:-UseCompressedClassPointers",
        "-XX:+UseCompactObjectHeaders");
}
