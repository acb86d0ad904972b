package io.mproc.process.internal;

import io.mproc.memory.ProcessIdentity;
import io.mproc.memory.RegionDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JVM that makes mproc's startup caches ({@code io.mproc.process.StartupCache}): a process
 * of its own, so that the caches get made even when the program that asked for them ends
 * first (a short program would otherwise leave a half-made cache behind every time, and never
 * get one). Arguments: the cache directory, the key, mproc's code source (a jar or a directory
 * of classes), where the children find mproc ({@value #MPROC_CLASS_PATH}, or the name of its
 * module on their module path), then the module options the children are launched with, which
 * the trainings get too (a JVM maps a cache only when its module options are the training's,
 * its main module included). Exits with 0 when both caches exist.
 *
 * <p>Under the lock file {@code <key>.lock} (naming its pid and start time; a lock whose owner
 * died is broken): removes what dead trainings of the key left, runs the {@link StartupTraining}
 * of each kind of child in a JVM started with {@code -XX:AOTCacheOutput} into a temporary file
 * and renames it into place atomically, then removes the files of all but the
 * {@value #KEPT} most recent keys. Another builder of the same key waits for the one that holds
 * the lock. A failed training leaves {@code <key>.failed}, and no builder tries the key again
 * for a day. Everything it and the trainings print goes to {@code <key>.log}.
 *
 * <p>A training's class path is mproc's jar when children find mproc on their class path; when
 * they find it on the module path the training has none, and runs in an empty directory (an
 * empty class path is the only one that every child's class path extends, and the JDK archives
 * nothing from a directory that holds files).
 */
public final class StartupCacheBuilder {
    private StartupCacheBuilder() {
    }

    /** Argument: the children find mproc on their class path (else the argument names its module). */
    public static final String MPROC_CLASS_PATH = "-classpath";

    /** The cold children's cache of {@code key}. */
    public static String coldCacheName(String key) {
        return key + "-" + StartupTraining.COLD + ".aot";
    }

    /** The standby JVMs' cache of {@code key}. */
    public static String standbyCacheName(String key) {
        return key + "-" + StartupTraining.STANDBY + ".aot";
    }

    /** The log of {@code key}'s builders and trainings. */
    public static String logName(String key) {
        return key + ".log";
    }

    /** A file of the cache directory that belongs to a key, and that key. */
    private static final Pattern KEYED_FILE = Pattern.compile("(jdk\\d+-[0-9a-f]{24})[.-].*");
    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofDays(1);
    private static final int KEPT = 8;

    public static void main(String[] args) {
        Training training = new Training(Path.of(args[2]), MPROC_CLASS_PATH.equals(args[3]) ? null : args[3],
            List.of(args).subList(4, args.length));
        boolean made = build(Path.of(args[0]), args[1], training);
        System.exit(made ? 0 : 1);
    }

    /**
     * How the trainings run: with mproc's {@code codeSource}, as the module {@code mprocModule}
     * (null: on the class path), and the children's {@code moduleOptions}.
     */
    private record Training(Path codeSource, String mprocModule, List<String> moduleOptions) {
    }

    private static boolean build(Path directory, String key, Training training) {
        Path cold = directory.resolve(coldCacheName(key));
        Path standby = directory.resolve(standbyCacheName(key));
        try {
            RegionDirectory.ensurePrivateDirectory(directory);
            if (Files.isRegularFile(cold) && Files.isRegularFile(standby)) {
                return true;
            }
            Path failed = directory.resolve(key + ".failed");
            if (Files.exists(failed) && Files.getLastModifiedTime(failed).toInstant()
                .isAfter(Instant.now().minus(RETRY_AFTER_FAILURE))) {
                return false;
            }
            Path lock = directory.resolve(key + ".lock");
            if (!takeLock(lock)) {
                awaitOther(lock);
                return Files.isRegularFile(cold) && Files.isRegularFile(standby);
            }
            try {
                removeLeftovers(directory, key);
                Path classPath = training.mprocModule() != null ? null
                    : trainingClassPath(directory, key, training.codeSource());
                boolean made = (Files.isRegularFile(cold) || train(directory, key, training, classPath,
                    StartupTraining.COLD, cold))
                    && (Files.isRegularFile(standby) || train(directory, key, training, classPath,
                    StartupTraining.STANDBY, standby));
                if (!made) {
                    Files.writeString(failed, "training failed at " + Instant.now() + "; see " + logName(key) + "\n");
                    return false;
                }
                removeOldCaches(directory);
                return true;
            } finally {
                Files.deleteIfExists(lock);
            }
        } catch (IOException | RuntimeException cannot) {
            System.out.println("mproc startup cache " + key + ": cannot make it: " + cannot);
            return false;
        }
    }

    /**
     * Trains the cache for {@code kind} of child into {@code cache}, with mproc on
     * {@code classPath} (null: on the module path).
     */
    private static boolean train(Path directory, String key, Training training, Path classPath, String kind,
                                 Path cache) throws IOException {
        ProcessIdentity self = ProcessIdentity.current();
        Path temporary = directory.resolve(key + "-" + kind + "." + self.pid() + ".tmp.aot");
        Path trainingRoot = directory.resolve(key + "." + self.pid() + ".training");
        Path emptyDirectory = directory.resolve(key + "." + self.pid() + ".empty.training");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ChildMain.JVM_FLAGS);
        command.addAll(training.moduleOptions());
        command.add("-XX:AOTCacheOutput=" + temporary);
        if (StartupTraining.COLD.equals(kind)) {
            // No method profiles in the cold children's cache: a child's path runs once, and
            // loading the profiles cost it ~2 ms at start. (Diagnostic flags, on this JVM only;
            // ignored by a JDK without them.)
            command.add("-XX:+IgnoreUnrecognizedVMOptions");
            command.add("-XX:+UnlockDiagnosticVMOptions");
            command.add("-XX:-AOTRecordTraining");
        }
        command.add("-Dmproc.process.startupCache=off");
        if (classPath != null) {
            command.add("-cp");
            command.add(classPath.toString());
        }
        if (training.mprocModule() != null) {
            command.add("--module");
            command.add(training.mprocModule() + "/" + StartupTraining.class.getName());
        } else {
            command.add(StartupTraining.class.getName());
        }
        command.add(trainingRoot.toString());
        command.add(kind);
        ProcessBuilder builder = new ProcessBuilder(command);
        if (classPath == null) {
            builder.directory(Files.createDirectories(emptyDirectory).toFile());
        }
        // Without -cp the launcher would take this variable's class path.
        builder.environment().remove("CLASSPATH");
        System.out.println("mproc startup cache " + key + ": training the " + kind + " cache");
        System.out.flush();
        Process run = builder.redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve(logName(key)).toFile())).start();
        try {
            run.getOutputStream().close();
            boolean done = run.waitFor(TRAINING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                run.destroyForcibly().waitFor();
                return false;
            }
            if (run.exitValue() != 0 || !Files.isRegularFile(temporary)) {
                return false;
            }
            Files.move(temporary, cache, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (InterruptedException stop) {
            run.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        } finally {
            Files.deleteIfExists(temporary);
            deleteTree(trainingRoot);
            deleteTree(emptyDirectory);
        }
    }

    /**
     * mproc's classes as a jar: its own jar, or, when it runs from a directory of classes, a jar
     * of that directory made once (the JDK archives classes from jars only).
     */
    private static Path trainingClassPath(Path directory, String key, Path codeSource) throws IOException {
        if (Files.isRegularFile(codeSource)) {
            return codeSource;
        }
        Path jar = directory.resolve(key + ".classes.jar");
        if (!Files.isRegularFile(jar)) {
            ClassesJar.write(codeSource, jar);
        }
        return jar;
    }

    /**
     * Keeps the caches of the {@value #KEPT} most recently made keys (each build of mproc has its
     * own): a JVM that maps a removed one keeps its mapping, and a new one is made when needed.
     * Every file of an older key goes, but a key some live builder holds the lock of.
     */
    private static void removeOldCaches(Path directory) throws IOException {
        Map<String, Long> newest = new HashMap<>();
        List<Path> keyed;
        try (Stream<Path> files = Files.list(directory)) {
            keyed = files.filter(file -> KEYED_FILE.matcher(file.getFileName().toString()).matches()).toList();
        }
        for (Path file : keyed) {
            newest.merge(keyOf(file), modified(file), Math::max);
        }
        List<String> old = newest.keySet().stream()
            .sorted(Comparator.comparing(newest::get).reversed()).skip(KEPT).toList();
        for (String oldKey : old) {
            Path lock = directory.resolve(oldKey + ".lock");
            if (Files.exists(lock) && !lockOwnerDied(lock)) {
                continue;
            }
            for (Path file : keyed) {
                if (keyOf(file).equals(oldKey)) {
                    deleteTree(file);
                }
            }
        }
    }

    private static String keyOf(Path file) {
        Matcher matcher = KEYED_FILE.matcher(file.getFileName().toString());
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

    /** Another builder holds the lock: wait until it is done (or died). */
    private static void awaitOther(Path lock) {
        long deadline = System.nanoTime() + 2 * TRAINING_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && Files.exists(lock) && !lockOwnerDied(lock)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
                return;
            }
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
