package io.mproc.process;

import io.mproc.process.internal.LaunchSpec;
import io.mproc.process.internal.ProcessContext;
import io.mproc.process.internal.ProcessTarget;
import java.io.Serializable;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Builds a {@link JvmProcess}: Python's {@code Process(target, args, name, daemon)} plus what a
 * JVM needs (options, properties, environment, working directory, output), and whether it
 * starts warm, from a {@link StandbyJvms pre-started JVM}. Get one from
 * {@link JvmProcess#run}, {@link JvmProcess#call} or {@link JvmProcess#method}. Not thread-safe.
 *
 * <h2>What the child JVM is launched with</h2>
 * The parent's own {@code java} ({@code java.home}); its class path, entries made absolute;
 * the flags mproc needs ({@code --enable-native-access} for its FFM calls, and the export Agrona
 * needs); every {@code mproc.*} system property of the parent; then this builder's
 * {@link LaunchSettings}. A parent that uses the module system passes that on too, so that
 * the child can load what the parent loads:
 * <ul>
 *   <li>its module path and upgrade module path ({@code jdk.module.path},
 *       {@code jdk.module.upgrade.path}), entries made absolute;</li>
 *   <li>every module of its boot layer as a root ({@code --add-modules}): its main module, what
 *       its {@code --add-modules} named, and what those required;</li>
 *   <li>the module-graph options of its command line, argument files expanded:
 *       {@code --add-reads}, {@code --add-exports}, {@code --add-opens}, {@code --patch-module},
 *       {@code --limit-modules}, {@code --enable-native-access}, {@code --illegal-native-access}
 *       and {@code --enable-preview} (options from {@code JDK_JAVA_OPTIONS} reach the child
 *       through the environment it inherits; an argument file deleted since the parent started
 *       cannot be read again, and a warning says that its options do not reach the child; the
 *       {@code Add-Opens} / {@code Add-Exports} / {@code Enable-Native-Access} attributes of a
 *       {@code java -jar} parent's manifest do not either, since a child runs mproc's main
 *       class, not the jar: give them to the child with {@code jvmOptions});</li>
 *   <li>{@code --enable-native-access=<module>} for mproc's own module when mproc is a module:
 *       the jar is the automatic module {@code io.mproc.core}.</li>
 * </ul>
 * The child's main class is mproc's, named by its module when mproc is a module, so that the
 * child's boot layer is the parent's, module for module, and its children's after it; the
 * target's classes are found in the child's modules or on its class path, wherever the parent
 * had them. A target in a named module
 * needs nothing opened to mproc: a lambda or method reference travels Java-serialised and is
 * re-created by its own class, as Java serialisation does. Opening its package to mproc
 * ({@code opens app to io.mproc.core;}) lets it travel in the compact form, without Java
 * serialisation, which makes a cold start about as fast as from a class path parent (57 ms
 * against 50 ms for start and join, measured by hand on the development VM while it was busy;
 * some 100 ms without the {@code opens}). A {@link JvmProcess#method static method target} must be
 * public in an exported package, or in a package opened to mproc, else
 * {@link JvmProcess#method} says which package to open. mproc itself must be in the boot layer
 * (class path or module path), not in a module layer the application makes at run time, which
 * another JVM cannot re-create: {@code start()} fails then. The {@link StartupCache} of such a
 * parent's children is made for its module options and module path (another module path gets
 * other caches); {@link StandbyJvms standby JVMs} are launched like cold children, so they have
 * the same modules and a warm start needs nothing more.
 *
 * @param <V> the type of the target's result
 */
public final class JvmProcessBuilder<V> {
    private final ProcessTarget target;
    private String name;
    private Boolean daemon;
    private LaunchSettings settings = LaunchSettings.defaults();
    private StandbyJvms standbys;
    private boolean sharedStandbys;

    private JvmProcessBuilder(ProcessTarget target) {
        this.target = target;
    }

    static <V> JvmProcessBuilder<V> of(ProcessTarget.Kind kind, Serializable function, Object... args) {
        return new JvmProcessBuilder<>(ProcessTarget.function(kind, function, args));
    }

    static JvmProcessBuilder<Object> ofMethod(Class<?> type, String methodName, Object... args) {
        return new JvmProcessBuilder<>(ProcessTarget.staticMethod(type, methodName, args));
    }

    /** The process's name; default {@code Process-N} ({@code Process-1:N} inside Process-1). */
    public JvmProcessBuilder<V> name(String processName) {
        if (processName == null || processName.isBlank()) {
            throw new IllegalArgumentException("name=\"" + processName + "\" (expected: not blank)");
        }
        this.name = processName;
        return this;
    }

    /**
     * Whether the process is a daemon: terminated when its parent exits, and not allowed to
     * start children. Default: the flag of the process that builds it.
     */
    public JvmProcessBuilder<V> daemon(boolean isDaemon) {
        this.daemon = isDaemon;
        return this;
    }

    /** Adds JVM options, such as {@code -Xmx256m}. */
    public JvmProcessBuilder<V> jvmOptions(String... options) {
        settings = settings.withJvmOptions(options);
        return this;
    }

    /** Sets a system property in the child (on a warm start: before the target runs). */
    public JvmProcessBuilder<V> systemProperty(String key, String value) {
        settings = settings.withSystemProperty(key, value);
        return this;
    }

    /** Sets an environment variable of the child. */
    public JvmProcessBuilder<V> environment(String variable, String value) {
        settings = settings.withEnvironment(variable, value);
        return this;
    }

    /** Sets the child's working directory. */
    public JvmProcessBuilder<V> workingDirectory(Path directory) {
        settings = settings.withWorkingDirectory(directory);
        return this;
    }

    /** Where the child's standard output goes: inherited (default), discarded or a file. */
    public JvmProcessBuilder<V> stdout(Redirect output) {
        settings = settings.withStdout(output);
        return this;
    }

    /** Where the child's standard error goes: inherited (default), discarded or a file. */
    public JvmProcessBuilder<V> stderr(Redirect output) {
        settings = settings.withStderr(output);
        return this;
    }

    /** Replaces all launch settings at once. */
    public JvmProcessBuilder<V> settings(LaunchSettings launchSettings) {
        this.settings = Objects.requireNonNull(launchSettings, "settings");
        return this;
    }

    /**
     * Starts warm, from the JVM-wide {@link StandbyJvms#shared() shared pool} of standby JVMs
     * (started on first use, with default settings).
     */
    public JvmProcessBuilder<V> warm() {
        this.sharedStandbys = true;
        this.standbys = null;
        return this;
    }

    /**
     * Starts warm, from {@code pool}: the process gets the pool's launch settings; only system
     * properties may be added here (they are set in the child before the target runs).
     */
    public JvmProcessBuilder<V> standby(StandbyJvms pool) {
        this.standbys = Objects.requireNonNull(pool, "pool");
        this.sharedStandbys = false;
        return this;
    }

    /**
     * The process, not started yet.
     *
     * @throws IllegalStateException if a warm start is asked for together with launch settings
     *                               other than system properties
     */
    public JvmProcess<V> build() {
        int[] parentIdentity = ProcessContext.identity();
        int[] identity = Arrays.copyOf(parentIdentity, parentIdentity.length + 1);
        identity[parentIdentity.length] = Children.nextChildNumber();
        String processName = name != null ? name : defaultName(identity);
        boolean isDaemon = daemon != null ? daemon : ProcessContext.daemon();
        StandbyJvms pool = sharedStandbys ? StandbyJvms.shared() : standbys;
        LaunchSettings effective = settings;
        if (pool != null) {
            if (!settings.withoutSystemProperties().equals(LaunchSettings.defaults())) {
                throw new IllegalStateException("process " + processName + ": a warm start takes the standby pool's "
                    + "launch settings; only system properties may be added (give JVM options, environment, "
                    + "working directory and output to StandbyJvms.builder().settings(...))");
            }
            Map<String, String> properties = new TreeMap<>(pool.settings().systemProperties());
            properties.putAll(settings.systemProperties());
            effective = new LaunchSettings(pool.settings().jvmOptions(), properties, pool.settings().environment(),
                pool.settings().workingDirectory(), pool.settings().stdout(), pool.settings().stderr());
        }
        LaunchSpec spec = LaunchSpec.of(processName, identity, isDaemon, ProcessContext.name(), target,
            effective.systemProperties());
        return new JvmProcess<>(processName, isDaemon, spec, effective, pool);
    }

    /** Python's name for a process at {@code identity}: {@code Process-1:2}. */
    private static String defaultName(int[] identity) {
        StringBuilder processName = new StringBuilder("Process-");
        for (int i = 0; i < identity.length; i++) {
            processName.append(i == 0 ? "" : ":").append(identity[i]);
        }
        return processName.toString();
    }

    /** {@link #build()}, then {@link JvmProcess#start()}. */
    public JvmProcess<V> start() {
        return build().start();
    }
}
