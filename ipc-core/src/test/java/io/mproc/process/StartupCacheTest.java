package io.mproc.process;

import static org.junit.jupiter.api.Assertions.*;

import io.mproc.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AOT caches mproc makes for its children: cold children and standby JVMs each map their
 * own; made once when JVMs race.
 */
class StartupCacheTest extends ProcessTestBase {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path directory;

    @Test
    void aColdChildMapsTheStartupCache() throws Exception {
        Path cache = StartupCache.prepare().orElseThrow();
        assertTrue(Files.isRegularFile(cache));
        Path log = directory.resolve("aot.log");
        try (JvmProcess<Void> child = JvmProcess.run(() -> { })
            .jvmOptions("-Xlog:aot=info:file=" + log).start()) {
            child.join();
        }
        String aot = Files.readString(log);
        assertTrue(aot.contains("Opened AOT cache " + cache), aot);
        assertTrue(aot.contains("Using AOT-linked classes: true"), aot);
    }

    @Test
    void aStandbyJvmMapsTheStandbyCache() throws Exception {
        Path cold = StartupCache.prepare().orElseThrow();
        Path log = directory.resolve("aot-standby.log");
        LaunchSettings logging = LaunchSettings.defaults().withJvmOptions("-Xlog:aot=info:file=" + log)
            .withStdout(ProcessBuilder.Redirect.DISCARD);
        try (StandbyJvms pool = StandbyJvms.builder().size(1).replenish(false).settings(logging).start();
             JvmProcess<Void> warm = JvmProcess.run(() -> { }).standby(pool).start()) {
            warm.join();
        }
        String aot = Files.readString(log);
        String key = cold.getFileName().toString().replace("-cold.aot", "");
        assertTrue(aot.contains("Opened AOT cache " + cold.resolveSibling(key + "-standby.aot")), aot);
        assertTrue(aot.contains("Using AOT-linked classes: true"), aot);
    }

    @Test
    void aProgramThatEndsBeforeItsCachesAreMadeStillGetsThemMade() throws Exception {
        try (ChildJvm program = ChildJvm.start(ShortLivedParentMain.class,
            List.of("-D" + StartupCache.PROPERTY + "=" + directory))) {
            program.awaitLine("DONE", TIMEOUT);
            program.awaitSuccess(TIMEOUT);
        }
        // The builder it started outlives it.
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        List<String> names = List.of();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(directory)) {
                names = files.map(file -> file.getFileName().toString()).sorted().toList();
            }
            boolean made = names.stream().anyMatch(name -> name.endsWith("-cold.aot"))
                && names.stream().anyMatch(name -> name.endsWith("-standby.aot"));
            if (made && names.stream().noneMatch(name -> name.endsWith(".lock"))) {
                return;
            }
            Thread.sleep(100);
        }
        fail("no caches made after " + TIMEOUT + ": " + names);
    }

    @Test
    void jvmsThatRaceToCreateTheCacheMakeOneAndAllGetIt() throws Exception {
        List<String> options = List.of("-D" + StartupCache.PROPERTY + "=" + directory);
        try (ChildJvm first = ChildJvm.start(StartupCacheMain.class, options);
             ChildJvm second = ChildJvm.start(StartupCacheMain.class, options)) {
            String made = first.awaitLine("CACHE", TIMEOUT);
            assertEquals(made, second.awaitLine("CACHE", TIMEOUT));
            first.awaitSuccess(TIMEOUT);
            second.awaitSuccess(TIMEOUT);
            Path cache = Path.of(made.substring("CACHE ".length()));
            assertEquals(directory, cache.getParent());
            try (Stream<Path> files = Files.list(directory)) {
                List<String> names = files.map(file -> file.getFileName().toString()).sorted().toList();
                String key = cache.getFileName().toString().replace("-cold.aot", "");
                assertEquals(List.of(key + "-cold.aot", key + "-standby.aot", key + ".classes.jar", key + ".log"),
                    names, "one pair of caches, no lock or temporary file left");
            }
        }
    }
}
