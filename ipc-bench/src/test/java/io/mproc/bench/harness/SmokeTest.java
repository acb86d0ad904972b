package io.mproc.bench.harness;

import io.mproc.bench.BenchOptions;
import io.mproc.bench.BenchRun;
import io.mproc.bench.result.FlatJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole bench end to end in its smallest configuration (what CI runs): real C floors if
 * cc exists, a real peer JVM for the ping-pong and throughput channels, real mproc children
 * (cold and warm) for the start suite, then the two files.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SmokeTest {

    @TempDir
    Path out;

    @Test
    void smokeRunWritesParseableResultsAndAReport() throws Exception {
        BenchRun.Summary summary = new BenchRun(BenchOptions.parse("--smoke", "--out", out.toString())).run();
        assertEquals(List.of(), summary.failedSuites());

        List<String> lines = Files.readAllLines(out.resolve("results.jsonl"));
        assertFalse(lines.isEmpty());
        for (String line : lines) {
            Map<String, Object> figure = FlatJson.parseObject(line);
            assertEquals(Set.of("suite", "subject", "metric", "value", "unit"), figure.keySet(), line);
            assertInstanceOf(Double.class, figure.get("value"), line);
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"subject\":\"mapped-long\"")
            && l.contains("\"metric\":\"rtt_median\"")), "no mapped-long median in\n" + String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"subject\":\"mapped-long-ring\"")));
        // Every ring channel ran across JVMs: round trips at 8 B and 1 KiB, asleep, idle CPU, streams.
        for (String subject : List.of("agrona-ring", "agrona-mpsc-ring", "mproc-spsc", "mproc-mpsc", "mproc-mpmc",
            "mproc-spsc-default", "mproc-spsc-1kib", "agrona-ring-1kib", "mproc-spsc-default-asleep")) {
            assertTrue(lines.stream().anyMatch(l -> l.contains("\"suite\":\"pingpong\"")
                && l.contains("\"subject\":\"" + subject + "\"") && l.contains("\"metric\":\"rtt_median\"")),
                "no pingpong " + subject + " median in\n" + String.join("\n", lines));
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"subject\":\"mproc-spsc-default\"")
            && l.contains("\"metric\":\"idle_cpu\"")));
        for (String subject : List.of("agrona-ring", "agrona-mpsc-ring", "mproc-spsc", "mproc-spsc-claim", "mproc-mpsc",
            "mproc-mpmc", "mproc-mpmc-2x2")) {
            assertTrue(lines.stream().anyMatch(l -> l.contains("\"suite\":\"throughput\"")
                && l.contains("\"subject\":\"" + subject + "\"") && l.contains("\"metric\":\"msgs_per_s\"")),
                "no throughput " + subject + " in\n" + String.join("\n", lines));
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"subject\":\"jvm-start\"")));
        for (String subject : List.of("java-hello", "child-cold", "child-cold-no-cache", "child-warm")) {
            assertTrue(lines.stream().anyMatch(l -> l.contains("\"suite\":\"start\"")
                && l.contains("\"subject\":\"" + subject + "\"") && l.contains("\"metric\":\"start_median\"")),
                "no start " + subject + " in\n" + String.join("\n", lines));
        }

        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("## pingpong"), report);
        assertTrue(report.contains("Pinning:"), report);
        assertTrue(report.contains("mproc-spsc · rtt_median"), report);
    }
}
