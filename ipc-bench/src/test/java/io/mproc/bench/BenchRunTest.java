package io.mproc.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchRunTest {

    @TempDir
    Path out;

    /** A suite that records that it ran, and is left out of unnamed runs of every profile. */
    private static final class OnlyWhenNamed implements Suite {
        final List<String> ran = new ArrayList<>();

        @Override
        public String name() {
            return "slow";
        }

        @Override
        public Optional<String> skippedUnlessNamed(BenchProfile profile) {
            return Optional.of("it is slow");
        }

        @Override
        public void run(BenchContext context) {
            ran.add(context.profile().name());
        }
    }

    @Test
    void aSuiteLeftOutOfUnnamedRunsIsNotedThereAndRunsWhenNamed() throws Exception {
        OnlyWhenNamed suite = new OnlyWhenNamed();
        new BenchRun(BenchOptions.parse("--smoke", "--no-pin", "--out", out.resolve("a").toString()), List.of(suite))
            .run();
        assertEquals(List.of(), suite.ran);
        assertTrue(Files.readString(out.resolve("a/report.md")).contains("Note: suite slow not run: it is slow"));

        new BenchRun(BenchOptions.parse("--smoke", "--no-pin", "--suite", "slow", "--out", out.resolve("b").toString()),
            List.of(suite)).run();
        assertEquals(List.of("smoke"), suite.ran);
        assertTrue(Files.readString(out.resolve("b/report.md")).contains("Note: time per suite: slow "));
    }
}
