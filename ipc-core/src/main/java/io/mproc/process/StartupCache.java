package io.mproc.process;

import io.mproc.memory.RegionDirectory;
import io.mproc.process.internal.StartupCacheBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The JDK AOT caches (JEP 483/514) that mproc creates for its own child JVMs, so that a child
 * loads and links the classes of its path from a mapped archive instead of from scratch.
 * Nothing to do for the user: the first time a JVM starts a child and finds no cache for its
 * JDK and mproc, it has them created in the background (a training JVM runs each kind of
 * child's path once, about a second of one core each); children started meanwhile start
 * without, later ones use them. {@link #prepare()} creates them eagerly, for deployment steps and tests.
 *
 * <p>Two caches, one per kind of child: cold children ({@code <key>-cold.aot}) and standby JVMs
 * ({@code <key>-standby.aot}). A JVM loads every class of its AOT cache as it starts, used or
 * not, so a cache that also held the standby's path (futex, rehearsal, Java deserialisation)
 * would cost every cold child hundreds of classes it never touches.
 *
 * <p>Where: the directory in the system property {@value #PROPERTY}, else
 * {@code $XDG_CACHE_HOME/mproc} or {@code ~/.cache/mproc}, else {@code <tmpdir>/mproc-<user>-cache};
 * always a {@code 0700} directory of the current user (a cache another user could write could
 * inject code). {@code -Dmproc.process.startupCache=off} disables it. One pair of files per
 * JDK ({@code java.home} and version), exact mproc build and module options ({@code <key>}),
 * next to their training log; the caches of the eight most recent keys are kept, older ones
 * removed, with whatever a training that died left behind.
 *
 * <p>The caches are made by a JVM of its own ({@link StartupCacheBuilder}), which goes on when
 * the JVM that started it ends: a short program still gets its caches made, for the next run.
 * Safe when several JVMs race: one builder takes a lock file ({@code <key>.lock}, naming its
 * pid and start time; a lock whose owner died is broken), trains into temporary files and
 * renames them into place atomically (the cold children's cache first); the others wait for
 * it. A failed training leaves {@code <key>.failed} and is not retried for a day. A child
 * whose JVM options choose their own archive ({@code -XX:AOTCache}, {@code -Xshare}, ...) or
 * change the module graph ({@code --add-opens}, {@code --add-modules}, ...) gets none: a JVM
 * refuses an AOT cache made with other module options and then maps no archive at all. The
 * JVM checks the cache when it maps it and starts without one that does not fit, silently
 * (mproc passes {@code -Xlog:aot=off}), so a stale cache costs speed, never correctness.
 *
 * <p>What a cache holds: the JDK classes of its kind of child's path, and mproc's own classes
 * of that path when mproc is a jar on the class path (a JDK AOT cache archives classes from
 * jars only; otherwise those few classes load normally).
 *
 * <p><b>A parent on the module path</b> gives its children its module options (see
 * {@link JvmProcessBuilder}), and the trainings get exactly the same: a JVM maps an AOT cache
 * only when its module options are those of the training, and then also the JDK's archived
 * module graph, which a JVM with a module path otherwise resolves from scratch (tens of
 * milliseconds). So such a parent's caches are its own: their key also covers those options
 * and every file of the module path by name, size and time, and a parent with another module
 * path, other roots or a rebuilt module jar gets (and trains) other caches. When mproc is a
 * module, the caches hold its classes from its jar on the module path (the training runs with
 * an empty class path, which every child's class path extends). A parent with
 * {@code --patch-module}, {@code --limit-modules} or an upgrade module path gets no caches: the
 * JDK archives nothing for such a JVM. Its children start without, with the JDK's default CDS
 * archive.
 */
public final class StartupCache {
    private StartupCache() {
    }

    /** System property: the cache directory, or {@code off}. */
    public static final String PROPERTY = "mproc.process.startupCache";

    private static final String FORMAT = "mproc-startup-cache-5|" + String.join(" ", Launcher.MPROC_FLAGS);
    /** Options with which the JDK maps no archive at all, so that no cache can be made for them. */
    private static final List<String> UNARCHIVABLE = List.of("--patch-module=", "--limit-modules=",
        "--upgrade-module-path=");
    /** How long {@link #prepare()} waits for the builder: both trainings, with room to spare. */
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(7);
    private static final AtomicBoolean STARTED_IN_BACKGROUND = new AtomicBoolean();
    private static String key;

    /**
     * Creates the caches now if they do not exist (waiting for another JVM that is creating
     * them), and returns the cold children's; empty when the cache is off or cannot be made here.
     */
    public static Optional<Path> prepare() {
        Optional<Path> cold = location();
        if (cold.isEmpty() || !archivable()) {
            return Optional.empty();
        }
        if (complete(cold.get())) {
            return cold;
        }
        Process builder = launchBuilder(cold.get());
        if (builder == null) {
            return Optional.empty();
        }
        try {
            if (!builder.waitFor(BUILD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty(); // it goes on, detached; a later JVM finds its caches
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return complete(cold.get()) ? cold : Optional.empty();
    }

    /**
     * Where this JVM's cold children's cache is (or would be; the standby JVMs' is next to it);
     * empty when the cache is off.
     */
    public static Optional<Path> location() {
        String configured = System.getProperty(PROPERTY, "");
        if (configured.equalsIgnoreCase("off") || configured.equalsIgnoreCase("false")) {
            return Optional.empty();
        }
        try {
            Path directory = configured.isBlank() ? defaultDirectory() : Path.of(configured);
            return Optional.of(directory.toAbsolutePath().resolve(StartupCacheBuilder.coldCacheName(key())));
        } catch (RuntimeException unusable) {
            return Optional.empty();
        }
    }

    /**
     * The cache for a cold child, or a standby JVM, if it exists; if not, starts the builder
     * (once per JVM), which goes on when this JVM ends.
     */
    static Optional<Path> usable(boolean standby) {
        Optional<Path> cold = location();
        if (cold.isEmpty() || !archivable()) {
            return Optional.empty();
        }
        Path cache = standby ? cold.get().resolveSibling(StartupCacheBuilder.standbyCacheName(key())) : cold.get();
        if (Files.isRegularFile(cache)) {
            return Optional.of(cache);
        }
        if (STARTED_IN_BACKGROUND.compareAndSet(false, true)) {
            launchBuilder(cold.get());
        }
        return Optional.empty();
    }

    /** Whether this JVM's children can map an AOT cache at all, given their module options. */
    private static boolean archivable() {
        return ChildModules.options().stream().noneMatch(option -> UNARCHIVABLE.stream().anyMatch(option::startsWith));
    }

    private static boolean complete(Path cold) {
        return Files.isRegularFile(cold)
            && Files.isRegularFile(cold.resolveSibling(StartupCacheBuilder.standbyCacheName(key())));
    }

    /**
     * Starts the {@link StartupCacheBuilder} JVM for the caches next to {@code cold}: a small
     * coordinator (C1 only, serial collector, little heap), output to the key's log. Null when it
     * cannot be started.
     */
    private static Process launchBuilder(Path cold) {
        try {
            Path directory = RegionDirectory.ensurePrivateDirectory(cold.getParent());
            List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m", "-D" + PROPERTY + "=off",
                "-cp", codeSource().toString(), StartupCacheBuilder.class.getName(),
                directory.toString(), key(), codeSource().toString(),
                StartupCache.class.getModule().isNamed() ? StartupCache.class.getModule().getName()
                    : StartupCacheBuilder.MPROC_CLASS_PATH));
            command.addAll(ChildModules.options());
            Process builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                    directory.resolve(StartupCacheBuilder.logName(key())).toFile()))
                .start();
            builder.getOutputStream().close();
            return builder;
        } catch (IOException | RuntimeException cannot) {
            return null;
        }
    }

    /** The class path children get: this JVM's, entries made absolute (worked out once). */
    static String childClassPath() {
        return ChildClassPath.VALUE;
    }

    private static final class ChildClassPath {
        static final String VALUE = String.join(File.pathSeparator, Launcher.absoluteClassPath());
    }

    private static Path defaultDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path home = Path.of(System.getProperty("user.home", "/nonexistent"));
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache");
        if (Files.isDirectory(base) ? Files.isWritable(base) : Files.isWritable(home)) {
            return base.resolve("mproc");
        }
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "mproc-" + user + "-cache");
    }

    /**
     * What the cache depends on: the JDK and the exact mproc build, the jar's size and time or,
     * for a directory of classes, every file's name, size and time. The build must be exact: a
     * JDK 25 AOT cache serves the classes it archived without comparing the class path a child
     * runs with, so a cache of an older build would run old mproc code. For children with
     * module options ({@link ChildModules}), also those options, exactly (a JVM refuses a cache
     * made with other ones), and every file of the module path and upgrade module path by name,
     * size and time: a parent with another module path, or with a rebuilt module, gets caches of
     * its own.
     */
    private static synchronized String key() {
        if (key == null) {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                String jdk = String.join("|", FORMAT, System.getProperty("java.home"),
                    System.getProperty("java.vm.version"), System.getProperty("os.arch"));
                digest.update(jdk.getBytes(StandardCharsets.UTF_8));
                digestTree(digest, codeSource());
                List<String> modules = ChildModules.options();
                digest.update(String.join("\n", modules).getBytes(StandardCharsets.UTF_8));
                for (String path : List.of(System.getProperty("jdk.module.path", ""),
                    System.getProperty("jdk.module.upgrade.path", ""))) {
                    for (String entry : path.split(File.pathSeparator)) {
                        if (!modules.isEmpty() && !entry.isEmpty()) {
                            digestTree(digest, Path.of(entry).toAbsolutePath().normalize());
                        }
                    }
                }
                key = "jdk" + Runtime.version().feature() + "-" + HexFormat.of().formatHex(digest.digest(), 0, 12);
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return key;
    }

    /** Adds the name, size and time of {@code root}, a file, or of every file under it, a directory. */
    private static void digestTree(MessageDigest digest, Path root) throws IOException {
        digest.update(("|" + root).getBytes(StandardCharsets.UTF_8));
        if (!Files.isDirectory(root)) {
            digest.update((Files.exists(root) ? describe(root, root) : "|missing").getBytes(StandardCharsets.UTF_8));
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                digest.update(describe(root, file).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static String describe(Path root, Path file) throws IOException {
        return "|" + root.relativize(file) + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
    }

    private static Path codeSource() {
        try {
            return Path.of(StartupCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException unknown) {
            throw new IllegalStateException("cannot locate mproc's classes: " + unknown, unknown);
        }
    }
}
