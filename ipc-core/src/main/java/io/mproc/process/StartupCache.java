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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JDK AOT caches (JEP 483/514) that mproc creates for its own child JVMs, so that a child
 * loads and links the classes of its path from a mapped archive instead of from scratch.
 * Nothing to do for the user: the first time a JVM starts a child and finds no cache for its
 * JDK and mproc, it creates them in the background (a training JVM runs each kind of child's
 * path once, about a second of one core each); children started meanwhile start without,
 * later ones use them. {@link #prepare()} creates them eagerly, for deployment steps and tests.
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
 * JDK ({@code java.home} and version) and exact mproc build ({@code <key>}), next to their
 * training log; the caches of the eight most recent keys are kept, older ones removed, with
 * whatever a training that died left behind.
 *
 * <p>Safe when several JVMs race: one takes a lock file ({@code <key>.lock}, naming its pid and
 * start time; a lock whose owner died is broken), trains into a temporary file and renames it
 * into place atomically (the cold children's cache first); the others go on without. A failed training leaves
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

    private static final String FORMAT = "mproc-startup-cache-3|" + String.join(" ", Launcher.MPROC_FLAGS);
    private static final String COLD_SUFFIX = "-" + StartupTraining.COLD + ".aot";
    private static final String STANDBY_SUFFIX = "-" + StartupTraining.STANDBY + ".aot";
    /** A file of the cache directory that belongs to a key, and that key. */
    private static final Pattern KEYED_FILE = Pattern.compile("(jdk\\d+-[0-9a-f]{24})[.-].*");
    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofDays(1);
    private static final int KEPT = 8;
    private static final AtomicBoolean STARTED_IN_BACKGROUND = new AtomicBoolean();
    private static String key;

    /**
     * Creates the caches now if they do not exist (waiting for another JVM that is creating
     * them), and returns the cold children's; empty when the cache is off or cannot be made here.
     */
    public static Optional<Path> prepare() {
        return location().flatMap(StartupCache::create);
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
            return Optional.of(directory.toAbsolutePath().resolve(key() + COLD_SUFFIX));
        } catch (RuntimeException unusable) {
            return Optional.empty();
        }
    }

    /**
     * The cache for a cold child, or a standby JVM, if it exists; if not, starts creating the
     * caches in the background (once per JVM).
     */
    static Optional<Path> usable(boolean standby) {
        Optional<Path> cold = location();
        if (cold.isEmpty()) {
            return cold;
        }
        Path cache = standby ? standbyCache(cold.get()) : cold.get();
        if (Files.isRegularFile(cache)) {
            return Optional.of(cache);
        }
        if (STARTED_IN_BACKGROUND.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon().name("mproc-startup-cache").start(() -> create(cold.get()));
        }
        return Optional.empty();
    }

    /** The standby JVMs' cache next to the cold children's {@code cold}. */
    private static Path standbyCache(Path cold) {
        return cold.resolveSibling(keyOf(cold.getFileName().toString()) + STANDBY_SUFFIX);
    }

    /** The class path children get: this JVM's, entries made absolute. */
    static String childClassPath() {
        return String.join(File.pathSeparator, Launcher.absoluteClassPath());
    }

    private static Optional<Path> create(Path cache) {
        Path standby = standbyCache(cache);
        if (Files.isRegularFile(cache) && Files.isRegularFile(standby)) {
            return Optional.of(cache);
        }
        try {
            Path directory = RegionDirectory.ensurePrivateDirectory(cache.getParent());
            String key = keyOf(cache.getFileName().toString());
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
                removeLeftovers(directory, key);
                Files.deleteIfExists(directory.resolve(key + ".log"));
                boolean made = (Files.isRegularFile(cache) || train(directory, key, StartupTraining.COLD, cache))
                    && (Files.isRegularFile(standby) || train(directory, key, StartupTraining.STANDBY, standby));
                if (!made) {
                    return markFailed(failed);
                }
                removeOldCaches(directory);
                return Optional.of(cache);
            } finally {
                Files.deleteIfExists(lock);
            }
        } catch (IOException | RuntimeException cannot) {
            return Optional.empty();
        }
    }

    /** Trains the cache for {@code kind} of child into {@code cache}. */
    private static boolean train(Path directory, String key, String kind, Path cache) throws IOException {
        ProcessIdentity self = ProcessIdentity.current();
        Path temporary = directory.resolve(key + "-" + kind + "." + self.pid() + ".tmp.aot");
        Path trainingRoot = directory.resolve(key + "." + self.pid() + ".training");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Launcher.MPROC_FLAGS);
        command.add("-XX:AOTCacheOutput=" + temporary);
        command.add("-D" + PROPERTY + "=off");
        command.add("-cp");
        command.add(trainingClassPath(directory, key).toString());
        command.add(StartupTraining.class.getName());
        command.add(trainingRoot.toString());
        command.add(kind);
        Process training = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve(key + ".log").toFile())).start();
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
     * Keeps the caches of the {@value #KEPT} most recently made keys (each build of mproc has its
     * own): a JVM that maps a removed one keeps its mapping, and a new one is made when needed.
     * Every file of an older key goes, but a key some live JVM holds the lock of.
     */
    private static void removeOldCaches(Path directory) throws IOException {
        Map<String, Long> newest = new HashMap<>();
        List<Path> keyed;
        try (Stream<Path> files = Files.list(directory)) {
            keyed = files.filter(file -> KEYED_FILE.matcher(file.getFileName().toString()).matches()).toList();
        }
        for (Path file : keyed) {
            newest.merge(keyOf(file.getFileName().toString()), modified(file), Math::max);
        }
        List<String> old = newest.keySet().stream()
            .sorted(Comparator.comparing(newest::get).reversed()).skip(KEPT).toList();
        for (String oldKey : old) {
            Path lock = directory.resolve(oldKey + ".lock");
            if (Files.exists(lock) && !lockOwnerDied(lock)) {
                continue;
            }
            for (Path file : keyed) {
                if (keyOf(file.getFileName().toString()).equals(oldKey)) {
                    deleteTree(file);
                }
            }
        }
    }

    /** The key a file of the cache directory belongs to (see {@link #KEYED_FILE}). */
    private static String keyOf(String fileName) {
        Matcher matcher = KEYED_FILE.matcher(fileName);
        return matcher.matches() ? matcher.group(1) : "";
    }

    /**
     * Removes what trainings of {@code key} that died left (temporary caches, training roots):
     * the caller holds the key's lock, so no other training of it runs.
     */
    private static void removeLeftovers(Path directory, String key) throws IOException {
        List<Path> leftovers;
        try (Stream<Path> files = Files.list(directory)) {
            leftovers = files.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith(key) && (name.contains(".tmp.aot") || name.endsWith(".training"));
            }).toList();
        }
        for (Path leftover : leftovers) {
            deleteTree(leftover);
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
