package io.mproc.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchOptionsTest {

    @Test
    void defaultsToTheFullPinnedRunOfEverySuite() {
        BenchOptions options = BenchOptions.parse();
        assertEquals("full", options.profile().name());
        assertTrue(options.pin());
        assertEquals(BenchOptions.DEFAULT_OUT, options.out());
        assertTrue(options.selects("pingpong"));
    }

    @Test
    void parsesEveryOption() {
        BenchOptions options = BenchOptions.parse("--quick", "--out", "/tmp/x", "--suite", "floors", "--no-pin", "");
        assertEquals("quick", options.profile().name());
        assertEquals(Path.of("/tmp/x"), options.out());
        assertEquals(List.of("floors"), options.suites());
        assertTrue(options.selects("floors"));
        assertFalse(options.selects("pingpong"));
        assertFalse(options.pin());
    }

    @Test
    void rejectsUnknownOptionsAndMissingValues() {
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--fast"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--out"));
    }
}
