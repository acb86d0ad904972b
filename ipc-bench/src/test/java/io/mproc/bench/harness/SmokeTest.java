package io.mproc.bench.harness;

import io.mproc.bench.BenchOptions;
import io.mproc.bench.BenchRun;
import io.mproc.bench.machine.Executables;
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
 * cc exists, a real peer JVM for the ping-pong, throughput and fixed-rate channels, real mproc
 * children (cold and warm) for the start suite, a pool of real worker JVMs for the pool suite,
 * Python's multiprocessing if python3 exists, then the two files and the plots.
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
            "mproc-spsc-default", "mproc-spsc-1kib", "agrona-ring-1kib", "mproc-spsc-default-asleep",
            // ... and the primitives over them: the queue both ways, its default waiting, the pipe.
            "mproc-queue-spin", "mproc-queue-spin-inplace", "mproc-queue-spin-inplace-1kib", "mproc-queue-spin-many",
            "mproc-queue-default",
            "mproc-queue-default-asleep", "mproc-pipe", "mproc-pipe-1kib")) {
            assertTrue(lines.stream().anyMatch(l -> l.contains("\"suite\":\"pingpong\"")
                && l.contains("\"subject\":\"" + subject + "\"") && l.contains("\"metric\":\"rtt_median\"")),
                "no pingpong " + subject + " median in\n" + String.join("\n", lines));
        }
        for (String blocking : List.of("mproc-spsc-default", "mproc-queue-default")) {
            assertTrue(lines.stream().anyMatch(l -> l.contains("\"subject\":\"" + blocking + "\"")
                && l.contains("\"metric\":\"idle_cpu\"")), "no idle CPU of " + blocking);
        }
        for (String subject : List.of("agrona-ring", "agrona-mpsc-ring", "mproc-spsc", "mproc-spsc-claim", "mproc-mpsc",
            "mproc-mpmc", "mproc-mpmc-2x2")) {
            assertTrue(lines.stream().anyMatch(l -> l.contains("\"suite\":\"throughput\"")
                && l.contains("\"subject\":\"" + subject + "\"") && l.contains("\"metric\":\"msgs_per_s\"")),
                "no throughput " + subject + " in\n" + String.join("\n", lines));
        }
        // Every sync hand-off ran across JVMs, spinning and (peer asleep) blocking.
        for (String subject : List.of("event-spin", "event-blocking", "lock-spin", "lock-blocking", "semaphore-spin",
            "semaphore-blocking")) {
            assertTrue(lines.stream().anyMatch(l -> l.contains("\"suite\":\"handoff\"")
                && l.contains("\"subject\":\"" + subject + "\"") && l.contains("\"metric\":\"rtt_median\"")),
                "no handoff " + subject + " median in\n" + String.join("\n", lines));
        }
        // Every non-mproc peer ran across JVMs too: round trips at 8 B and 1 KiB, and a stream.
        for (String peer : List.of("chronicle-queue", "unix-socket", "tcp-loopback", "stdio-pipe")) {
            for (String[] figure : new String[][] {{"pingpong", peer, "rtt_median"},
                {"pingpong", peer + "-1kib", "rtt_median"}, {"throughput", peer, "msgs_per_s"}}) {
                assertTrue(lines.stream().anyMatch(l -> l.contains("\"suite\":\"" + figure[0] + "\"")
                    && l.contains("\"subject\":\"" + figure[1] + "\"") && l.contains("\"metric\":\"" + figure[2] + "\"")),
                    "no " + String.join(" ", figure) + " in\n" + String.join("\n", lines));
            }
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"subject\":\"jvm-start\"")));
        for (String subject : List.of("java-hello", "child-cold", "child-cold-no-cache", "child-warm")) {
            assertTrue(lines.stream().anyMatch(l -> l.contains("\"suite\":\"start\"")
                && l.contains("\"subject\":\"" + subject + "\"") && l.contains("\"metric\":\"start_median\"")),
                "no start " + subject + " in\n" + String.join("\n", lines));
        }
        // The pool: a ProcessPool of real worker JVMs, warm, its three figures.
        for (String[] figure : new String[][] {{"apply", "rtt_median"}, {"apply", "rtt_p999"},
            {"map-square-2-workers", "tasks_per_s"}, {"apply-async", "tasks_per_s"}}) {
            assertTrue(lines.stream().anyMatch(l -> l.contains("\"suite\":\"pool\"")
                && l.contains("\"subject\":\"" + figure[0] + "\"") && l.contains("\"metric\":\"" + figure[1] + "\"")),
                "no pool " + String.join(" ", figure) + " in\n" + String.join("\n", lines));
        }
        // Fixed-rate one-way latency, sender in a peer JVM, for mproc and Chronicle Queue.
        for (String subject : List.of("mproc-spsc-100k", "chronicle-queue-100k")) {
            assertTrue(lines.stream().anyMatch(l -> l.contains("\"suite\":\"fixedrate\"")
                && l.contains("\"subject\":\"" + subject + "\"") && l.contains("\"metric\":\"latency_median\"")),
                "no fixedrate " + subject + " in\n" + String.join("\n", lines));
        }

        String report = Files.readString(out.resolve("report.md"));
        // Python's multiprocessing beside mproc, or the report says why not.
        if (Executables.find("python3") != null) {
            assertTrue(lines.stream().anyMatch(l -> l.contains("\"suite\":\"python\"")
                && l.contains("\"subject\":\"queue\"") && l.contains("\"metric\":\"rtt_median\"")),
                "no python queue in\n" + String.join("\n", lines));
            assertTrue(report.contains("## python"), report);
        } else {
            assertTrue(report.contains("python3 not on the PATH"), report);
        }
        assertTrue(report.contains("## pingpong"), report);
        assertTrue(report.contains("## pool\n\nTargets: "), report);
        assertTrue(Files.size(out.resolve("pool-throughput.png")) > 0);
        assertTrue(Files.size(out.resolve("pool-apply.png")) > 0);
        assertTrue(report.contains("Pinning:"), report);
        assertTrue(report.contains("mproc-spsc · rtt_median"), report);
        assertTrue(report.contains("mproc-queue-spin · rtt_median"), report);
        assertTrue(report.contains("suite jmh not run"), "JMH takes a minute: only named or full runs have it");
        // The plots are drawn and linked (this JVM is headless).
        assertTrue(Files.size(out.resolve("latency-pingpong.png")) > 0);
        assertTrue(report.contains("![pingpong: round trip by percentile](latency-pingpong.png)"), report);
    }
}
