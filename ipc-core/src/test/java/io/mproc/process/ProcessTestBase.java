package io.mproc.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mproc.memory.RegionInfo;
import io.mproc.testing.CrossProcessTest;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the process tests: the startup cache (kept under {@code target/}, not in the user's
 * cache directory) exists before any test starts a child, so that no training JVM runs during
 * a test and counts as a leaked child; and after each test the process namespace holds nothing
 * but the control and spec regions of waiting standby JVMs.
 */
abstract class ProcessTestBase extends CrossProcessTest {
    @BeforeAll
    static void prepareStartupCache() {
        if (System.getProperty(StartupCache.PROPERTY) == null) {
            System.setProperty(StartupCache.PROPERTY, Path.of("target", "startup-cache").toAbsolutePath().toString());
        }
        StartupCache.prepare();
    }

    @AfterEach
    void processRegionsAreGone() {
        Set<String> expected = new TreeSet<>();
        Children.pools().forEach(pool -> pool.waitingIds().forEach(id -> {
            expected.add(id + ".ctl");
            expected.add(id + ".spec");
        }));
        Set<String> found = new TreeSet<>();
        for (RegionInfo region : Children.namespace().list()) {
            found.add(region.name());
        }
        assertEquals(expected, found, "regions left in the process namespace " + Children.namespace());
    }

    /** A redirect that appends to {@code file}, for reading a child's output afterwards. */
    static Redirect appendTo(Path file) {
        return Redirect.appendTo(file.toFile());
    }

    static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }
}
