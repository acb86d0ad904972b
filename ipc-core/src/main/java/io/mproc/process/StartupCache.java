package io.mproc.process;

import io.mproc.memory.ProcessIdentity;
import io.mproc.memory.RegionDirectory;
import io.mproc.process.internal.StartupTraining;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The JDK AOT cache (JEP 483/514) that mproc creates for its own child JVMs, so that a cold
 * start loads and links the classes of the child's path from a mapped archive instead of from
 * scratch. Nothing to do for the user: the first time a JVM starts a child and finds no cache
 * for its JDK and mproc, it creates one in the background (a training JVM runs the child's path
 * once, about a second of one core); children started meanwhile start without it, later ones
 * use it. {@link #prepare()} creates it eagerly, for deployment steps and tests.
 *
 * <p>Where: the directory in the system property {@value #PROPERTY}, else
 * {@code $XDG_CACHE_HOME/mproc} or {@code ~/.cache/mproc}, else {@code <tmpdir>/mproc-<user>-cache};
 * always a {@code 0700} directory of the current user (a cache another user could write could
 * inject code). {@code -Dmproc.process.startupCache=off} disables it. One file per JDK
 * ({@code java.home} and version) and exact mproc build ({@code <key>.aot}), next to its
 * training log; the eight most recent caches are kept, older ones removed.
 *
 * <p>Safe when several JVMs race: one takes a lock file ({@code <key>.lock}, naming its pid and
 * start time; a lock whose owner died is broken), trains into a temporary file and renames it
 * into place atomically; the others go on without. A failed training leaves
 * {@code <key>.failed} and is not retried for a day. A child whose JVM options choose their own
 * archive ({@code -XX:AOTCache}, {@code -Xshare}, ...) or change the module graph
 * ({@code --add-opens}, {@code --add-modules}, ...) gets none: a JVM refuses an AOT cache made
 * with other module options and then maps no archive at all. The JVM checks the cache when it
 * maps it and starts without one that does not fit, silently (mproc passes
 * {@code -Xlog:aot=off}), so a stale cache costs speed, never correctness.
 *
 * <p>What the cache holds: the JDK classes of the child's path, fully, and mproc's own classes
 * when mproc is a jar that comes first on the class path (a JDK AOT cache covers a class-path
 * prefix made of jars only; otherwise those few classes load normally).
 */
public final class StartupCache {
    private StartupCache() {
    }

    /** System property: the cache directory, or {@code off}. */
    public static final String PROPERTY = "mproc.process.startupCache";

    private static final String FORMAT = "mproc-startup-cache-2|" + String.join(" ", Launcher.MPROC_FLAGS);
    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofDays(1);
    private static final int KEPT = 8;
    private static final AtomicBoolean STARTED_IN_BACKGROUND = new AtomicBoolean();
    private static String key;

    /**
     * Creates the cache now if it does not exist (waiting for another JVM that is creating it),
     * and returns it; empty when the cache is off or cannot be made here.
     */
    public static Optional<Path> prepare() {
        return location().flatMap(StartupCache::create);
    }

    /** Where this JVM's children's cache is (or would be); empty when the cache is off. */
    public static Optional<Path> location() {
        String configured = System.getProperty(PROPERTY, "");
        if (configured.equalsIgnoreCase("off") || configured.equalsIgnoreCase("false")) {
            return Optional.empty();
        }
        try {
            Path directory = configured.isBlank() ? defaultDirectory() : Path.of(configured);
            return Optional.of(directory.toAbsolutePath().resolve(key() + ".aot"));
        } catch (RuntimeException unusable) {
            return Optional.empty();
        }
    }

    /** The cache if it exists; if not, starts creating it in the background (once per JVM). */
    static Optional<Path> usable() {
        Optional<Path> cache = location();
        if (cache.isEmpty() || Files.isRegularFile(cache.get())) {
            return cache;
        }
        if (STARTED_IN_BACKGROUND.compareAndSet(false, true)) {
            Path target = cache.get();
            Thread.ofPlatform().daemon().name("mproc-startup-cache").start(() -> create(target));
        }
        return Optional.empty();
    }

    /** The class path children get: this JVM's, entries made absolute. */
    static String childClassPath() {
        return String.join(File.pathSeparator, Launcher.absoluteClassPath());
    }

    private static Optional<Path> create(Path cache) {
        if (Files.isRegularFile(cache)) {
            return Optional.of(cache);
        }
        try {
            Path directory = RegionDirectory.ensurePrivateDirectory(cache.getParent());
            String key = cache.getFileName().toString().replace(".aot", "");
            Path failed = directory.resolve(key + ".failed");
            if (Files.exists(failed) && Files.getLastModifiedTime(failed).toInstant()
                .isAfter(Instant.now().minus(RETRY_AFTER_FAILURE))) {
                return Optional.empty();
            }
            Path lock = directory.resolve(key + ".lock");
            if (!takeLock(lock)) {
                return awaitOther(cache, lock);
            }
            try {
                return train(directory, key, cache) ? Optional.of(cache) : markFailed(failed);
            } finally {
                Files.deleteIfExists(lock);
            }
        } catch (IOException | RuntimeException cannot) {
            return Optional.empty();
        }
    }

    private static boolean train(Path directory, String key, Path cache) throws IOException {
        ProcessIdentity self = ProcessIdentity.current();
        Path temporary = directory.resolve(key + "." + self.pid() + ".tmp.aot");
        Path trainingRoot = directory.resolve("training-" + self.pid());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Launcher.MPROC_FLAGS);
        command.add("-XX:AOTCacheOutput=" + temporary);
        command.add("-D" + PROPERTY + "=off");
        command.add("-cp");
        command.add(trainingClassPath(directory, key).toString());
        command.add(StartupTraining.class.getName());
        command.add(trainingRoot.toString());
        Process training = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(directory.resolve(key + ".log").toFile()).start();
        try {
            training.getOutputStream().close();
            boolean done = training.waitFor(TRAINING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                training.destroyForcibly().waitFor();
                return false;
            }
            if (training.exitValue() != 0 || !Files.isRegularFile(temporary)) {
                return false;
            }
            Files.move(temporary, cache, StandardCopyOption.ATOMIC_MOVE);
            removeOldCaches(directory);
            return true;
        } catch (InterruptedException stop) {
            training.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        } finally {
            Files.deleteIfExists(temporary);
            deleteTree(trainingRoot);
        }
    }

    /**
     * Keeps the {@value #KEPT} most recently made caches (each build of mproc has its own): a
     * JVM that maps a removed one keeps its mapping, and a new one is made when needed.
     */
    private static void removeOldCaches(Path directory) throws IOException {
        List<Path> caches;
        try (Stream<Path> files = Files.list(directory)) {
            caches = files.filter(file -> file.getFileName().toString().matches("jdk\\d+-[0-9a-f]+\\.aot"))
                .sorted(Comparator.comparing(StartupCache::modified).reversed()).toList();
        }
        for (Path old : caches.subList(Math.min(KEPT, caches.size()), caches.size())) {
            String oldKey = old.getFileName().toString().replace(".aot", "");
            for (String suffix : List.of(".aot", ".classes.jar", ".log", ".failed")) {
                Files.deleteIfExists(directory.resolve(oldKey + suffix));
            }
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException gone) {
            return 0;
        }
    }

    /**
     * mproc's classes as a jar: its own jar, or, when it runs from a directory of classes, a jar
     * of that directory made once (the JDK archives classes from jars only).
     */
    private static Path trainingClassPath(Path directory, String key) throws IOException {
        Path codeSource = codeSource();
        if (Files.isRegularFile(codeSource)) {
            return codeSource;
        }
        Path jar = directory.resolve(key + ".classes.jar");
        if (!Files.isRegularFile(jar)) {
            ClassesJar.write(codeSource, jar);
        }
        return jar;
    }

    private static boolean takeLock(Path lock) throws IOException {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                ProcessIdentity self = ProcessIdentity.current();
                Files.writeString(Files.createFile(lock), self.pid() + " " + self.startTime());
                return true;
            } catch (FileAlreadyExistsException held) {
                if (!lockOwnerDied(lock)) {
                    return false;
                }
                Files.deleteIfExists(lock);
            }
        }
        return false;
    }

    private static boolean lockOwnerDied(Path lock) {
        try {
            String[] owner = Files.readString(lock, StandardCharsets.US_ASCII).trim().split(" ");
            return !ProcessIdentity.isAlive(Integer.parseInt(owner[0]), Long.parseLong(owner[1]));
        } catch (IOException | RuntimeException unreadable) {
            // Being written this instant, or damaged: damaged locks time out with their owner.
            return false;
        }
    }

    /** Another JVM is training: wait for it (a prepare() must not return before the cache exists). */
    private static Optional<Path> awaitOther(Path cache, Path lock) {
        long deadline = System.nanoTime() + TRAINING_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && Files.exists(lock) && !lockOwnerDied(lock)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Files.isRegularFile(cache) ? Optional.of(cache) : Optional.empty();
    }

    private static Optional<Path> markFailed(Path failed) throws IOException {
        Files.writeString(failed, "training failed at " + Instant.now() + "; see the .log next to this file\n");
        return Optional.empty();
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
     * runs with, so a cache of an older build would run old mproc code.
     */
    private static synchronized String key() {
        if (key == null) {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                String jdk = String.join("|", FORMAT, System.getProperty("java.home"),
                    System.getProperty("java.vm.version"), System.getProperty("os.arch"));
                digest.update(jdk.getBytes(StandardCharsets.UTF_8));
                Path codeSource = codeSource();
                if (Files.isRegularFile(codeSource)) {
                    digest.update(describe(codeSource, codeSource).getBytes(StandardCharsets.UTF_8));
                } else {
                    try (Stream<Path> files = Files.walk(codeSource)) {
                        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                            digest.update(describe(codeSource, file).getBytes(StandardCharsets.UTF_8));
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

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
