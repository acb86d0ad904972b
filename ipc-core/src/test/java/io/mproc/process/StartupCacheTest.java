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

/** The AOT cache mproc makes for its children: used by cold children, made once when JVMs race. */
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
                String key = cache.getFileName().toString().replace(".aot", "");
                assertEquals(List.of(key + ".aot", key + ".classes.jar", key + ".log"), names,
                    "one cache, no lock or temporary file left");
            }
        }
    }
}
