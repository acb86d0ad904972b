package io.mproc.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mproc.process.StartupCache;
import io.mproc.testing.ChildJvm;
import io.mproc.testing.NoLeaksExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs examples the way a user does, through {@link Examples}, each in a JVM of its own, and
 * checks what they leave: every test has a region root of its own, which must hold no file
 * afterwards, and every process an example started (its children, their children) must be
 * gone. Pauses are shortened ({@value #SLEEP_SCALE} of their length) and the startup cache of
 * the examples' children is made before the first test, so that the run stays short.
 */
@ExtendWith(NoLeaksExtension.class)
@Timeout(90)
abstract class ExampleTestBase {
    static final String SLEEP_SCALE = "0.1";
    static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);

    private Path regionRoot;
    private final List<ChildJvm> started = new ArrayList<>();
    /** Every process seen below an example's JVM while it ran, by pid. */
    private final Map<Long, ProcessHandle> descendants = new ConcurrentHashMap<>();

    @BeforeAll
    static void prepareStartupCache() {
        if (System.getProperty(StartupCache.PROPERTY) == null) {
            System.setProperty(StartupCache.PROPERTY, Path.of("target", "startup-cache").toAbsolutePath().toString());
        }
        StartupCache.prepare();
    }

    @BeforeEach
    void createRegionRoot() throws IOException {
        Path shm = Path.of("/dev/shm");
        regionRoot = Files.createTempDirectory(Files.isDirectory(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir")),
            "mproc-examples-test-");
    }

    /** This test's region root: every example it runs keeps its regions there. */
    Path regionRoot() {
        return regionRoot;
    }

    /** Starts {@code Examples <args>} in a JVM of its own. */
    ChildJvm start(String... args) {
        ChildJvm jvm = ChildJvm.start(Examples.class, List.of("-Dmproc.dir=" + regionRoot,
            "-D" + Pause.SCALE_PROPERTY + "=" + SLEEP_SCALE,
            "-D" + StartupCache.PROPERTY + "=" + System.getProperty(StartupCache.PROPERTY)), args);
        started.add(jvm);
        watchDescendants(jvm.process());
        return jvm;
    }

    /**
     * Records the descendants of {@code process} while it runs, so that the check after the
     * test finds any still running. A process whose parent has exited is no longer its
     * descendant: look while the parent runs.
     */
    void watchDescendants(Process process) {
        Thread.ofPlatform().daemon().name("descendants-of-" + process.pid()).start(() -> {
            while (process.isAlive()) {
                process.descendants().forEach(child -> descendants.put(child.pid(), child));
                try {
                    Thread.sleep(10);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        });
    }

    /** Runs {@code Examples <args>}; returns its output once it has exited with 0. */
    List<String> run(String... args) throws InterruptedException {
        ChildJvm jvm = start(args);
        jvm.awaitSuccess(RUN_TIMEOUT);
        return jvm.output();
    }

    /** First the processes (a running example may still create files), then the files. */
    @AfterEach
    void leavesNothingBehind() throws InterruptedException, IOException {
        List<String> processes = processesLeftBehind();
        List<Path> files = regionFilesLeftBehind();
        assertEquals(List.of(), processes, "processes the example started are still running (now killed)");
        assertEquals(List.of(), files, "region files left behind (now removed)");
    }

    private List<String> processesLeftBehind() throws InterruptedException {
        started.forEach(ChildJvm::close);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<ProcessHandle> alive;
        while (!(alive = descendants.values().stream().filter(ProcessHandle::isAlive).toList()).isEmpty()
            && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        alive.forEach(ProcessHandle::destroyForcibly);
        return alive.stream().map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
    }

    private List<Path> regionFilesLeftBehind() throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(regionRoot)) {
            files = all.filter(Files::isRegularFile).toList();
        }
        try (Stream<Path> all = Files.walk(regionRoot)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        return files;
    }

    /** Asserts that {@code lines} are exactly {@code expected}, in any order. */
    static void assertSameLines(Collection<String> expected, List<String> lines) {
        assertEquals(expected.stream().sorted().toList(), lines.stream().sorted().toList(), "lines, in any order");
    }

    /** Asserts that {@code first} and then {@code second} occur in {@code lines}. */
    static void assertBefore(List<String> lines, String first, String second) {
        int a = lines.indexOf(first);
        int b = lines.indexOf(second);
        if (a < 0 || b < 0) {
            fail("missing \"" + (a < 0 ? first : second) + "\" in " + lines);
        }
        assertTrue(a < b, "\"" + first + "\" before \"" + second + "\" in " + lines);
    }
}
