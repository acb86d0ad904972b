package io.mproc.bench.pool;

import io.mproc.bench.latency.LatencySummary;
import io.mproc.bench.latency.RepeatedLatency;
import io.mproc.bench.latency.RepeatedValue;
import io.mproc.bench.result.Assessment;
import io.mproc.bench.result.Figure;
import io.mproc.bench.result.FigureKey;
import io.mproc.bench.result.FlatJson;
import io.mproc.bench.result.JsonlResultWriter;
import io.mproc.bench.result.MachineInfo;
import io.mproc.bench.result.ReportWriter;
import io.mproc.bench.result.Results;
import io.mproc.bench.result.TargetCatalog;
import io.mproc.bench.result.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pool suite's figures, as the targets, the Python comparison, results.jsonl and the report see them. */
class PoolMeasurementTest {

    @TempDir
    Path dir;

    /** apply: medians 900 and 1100 ns; map 5 M tasks/s (misses 20 M); applyAsync 2 M tasks/s. */
    private static PoolMeasurement measurement() {
        RepeatedLatency apply = new RepeatedLatency(List.of(
            new LatencySummary(1000, 900, 1000, 2000, 30_000, 8_000_000),
            new LatencySummary(1000, 1100, 1200, 2600, 40_000, 5_000_000),
            new LatencySummary(1000, 900, 1100, 2400, 35_000, 6_000_000)));
        return new PoolMeasurement(apply, new RepeatedValue(new double[] {5e6, 4e6, 6e6}),
            new RepeatedValue(new double[] {2e6, 2.5e6, 1.5e6}));
    }

    /** Python's Pool(2) figures of the same run, as the python suite writes them. */
    private static void addPython(Results results) {
        results.add(new Figure("python", "pool-apply", "rtt_median", 190_000, "ns"));
        results.add(new Figure("python", "pool-apply", "rtt_p99", 400_000, "ns"));
        results.add(new Figure("python", "pool-map-square-2-workers", "tasks_per_s", 5e6, "tasks/s"));
        results.add(new Figure("python", "pool-apply-async", "tasks_per_s", 23e3, "tasks/s"));
    }

    private static Assessment judged(List<Assessment> assessments, String subject, String metric) {
        return assessments.stream().filter(a -> a.figure().key().equals(new FigureKey("pool", subject, metric)))
            .findFirst().orElseThrow(() -> new AssertionError("no assessment of pool/" + subject + "/" + metric));
    }

    @Test
    void writesTheRoundTripPercentilesAndBothRatesWithTheirSpread() {
        Results results = new Results(figure -> { });
        measurement().write(results);
        Map<String, Double> values = new LinkedHashMap<>();
        results.all().forEach(f -> values.put(f.subject() + " " + f.metric() + " " + f.unit(), f.value()));
        // Each statistic the median over repetitions; max the worst sample of any repetition.
        assertEquals(Map.ofEntries(
            Map.entry("apply rtt_median ns", 900.0), Map.entry("apply rtt_median_min ns", 900.0),
            Map.entry("apply rtt_median_max ns", 1100.0), Map.entry("apply rtt_p90 ns", 1100.0),
            Map.entry("apply rtt_p99 ns", 2400.0), Map.entry("apply rtt_p999 ns", 35_000.0),
            Map.entry("apply rtt_max ns", 8_000_000.0),
            Map.entry("map-square-2-workers tasks_per_s tasks/s", 5e6),
            Map.entry("map-square-2-workers tasks_per_s_min tasks/s", 4e6),
            Map.entry("map-square-2-workers tasks_per_s_max tasks/s", 6e6),
            Map.entry("apply-async tasks_per_s tasks/s", 2e6), Map.entry("apply-async tasks_per_s_min tasks/s", 1.5e6),
            Map.entry("apply-async tasks_per_s_max tasks/s", 2.5e6)), values);
        assertEquals(1, results.curves().size(), "the round trip's distribution, for the latency plot");
    }

    @Test
    void eachTargetIsJudgedWithPythonsFigureAndTheRatioBesideIt() {
        Results results = new Results(figure -> { });
        addPython(results);
        measurement().write(results);
        List<Assessment> assessments = TargetCatalog.standard().assess(results);

        Assessment apply = judged(assessments, "apply", "rtt_median");
        assertEquals(Verdict.MET, apply.verdict());
        assertEquals(190_000, apply.floorValue());
        assertEquals(900.0 / 190_000, apply.ratio(), 1e-12);
        Assessment map = judged(assessments, "map-square-2-workers", "tasks_per_s");
        assertEquals(Verdict.MISSED, map.verdict());
        assertEquals(1.0, map.ratio(), 1e-12);
        Assessment async = judged(assessments, "apply-async", "tasks_per_s");
        assertEquals(Verdict.MET, async.verdict());
        assertEquals(2e6 / 23e3, async.ratio(), 1e-9);
        assertEquals(400_000, judged(assessments, "apply", "rtt_p99").floorValue());
    }

    @Test
    void targetsAreJudgedWithoutPythonToo() {
        Results results = new Results(figure -> { });
        measurement().write(results);
        List<Assessment> assessments = TargetCatalog.standard().assess(results);
        assertEquals(Verdict.MET, judged(assessments, "apply", "rtt_median").verdict());
        assertEquals(Verdict.MISSED, judged(assessments, "map-square-2-workers", "tasks_per_s").verdict());
        assertEquals(Verdict.MET, judged(assessments, "apply-async", "tasks_per_s").verdict());
        assertTrue(assessments.stream().noneMatch(Assessment::hasRatio));
    }

    @Test
    void theRatiosToPythonAreLinesOfResultsJsonl() throws Exception {
        Results results = new Results(figure -> { });
        addPython(results);
        measurement().write(results);
        Path file = dir.resolve("results.jsonl");
        try (JsonlResultWriter writer = new JsonlResultWriter(file)) {
            for (Assessment a : TargetCatalog.standard().assess(results)) {
                if (a.hasRatio() && a.figure().suite().equals("pool")) {
                    writer.add(a.ratioFigure());
                }
            }
        }
        List<Map<String, Object>> lines = Files.readAllLines(file).stream().map(FlatJson::parseObject).toList();
        assertEquals(List.of("rtt_median_vs_pool-apply", "rtt_p99_vs_pool-apply",
            "tasks_per_s_vs_pool-map-square-2-workers", "tasks_per_s_vs_pool-apply-async"),
            lines.stream().map(l -> l.get("metric")).toList());
        for (Map<String, Object> line : lines) {
            assertEquals(List.of("suite", "subject", "metric", "value", "unit"), List.copyOf(line.keySet()));
            assertEquals("pool", line.get("suite"));
            assertEquals("ratio", line.get("unit"));
        }
        assertEquals(2e6 / 23e3, (Double) lines.get(3).get("value"), 1e-9);
    }

    @Test
    void theReportsPoolSectionSaysWhichTargetsWereMissedAndShowsPythonBeside() {
        Results results = new Results(figure -> { });
        measurement().write(results);
        addPython(results);
        MachineInfo machine = new MachineInfo("Test CPU", 2, 2, "6.0-test", "tsc", "25-test", "2026-01-01T00:00Z");
        String md = ReportWriter.render(new ReportWriter.Header(machine, "quick", "none", List.of()),
            TargetCatalog.standard().assess(results));
        String pool = md.substring(md.indexOf("## pool"), md.indexOf("## python"));
        assertTrue(pool.contains("Targets: 2 of 3 met; " + ReportWriter.MISSED
            + ": map-square-2-workers · tasks_per_s = 5.00 M tasks/s, target ≥ 20.00 M tasks/s."), pool);
        assertTrue(pool.contains("| apply · rtt_median | 900 ns (reps 900 ns – 1100 ns) | 190.0 µs (python/pool-apply) "
            + "| 0.00474× | ≤ 10.0 µs | met |"), pool);
        assertTrue(pool.contains("| map-square-2-workers · tasks_per_s | 5.00 M tasks/s (reps 4.00 M tasks/s – "
            + "6.00 M tasks/s) | 5.00 M tasks/s (python/pool-map-square-2-workers) | 1.00× | ≥ 20.00 M tasks/s | "
            + ReportWriter.MISSED + " |"), pool);
        assertTrue(pool.contains("| apply-async · tasks_per_s | 2.00 M tasks/s (reps 1.50 M tasks/s – 2.50 M tasks/s) "
            + "| 23000 tasks/s (python/pool-apply-async) | 86.96× | ≥ 1.00 M tasks/s | met |"), pool);
        // Python's section keeps its own view: Python's figure over mproc's.
        assertTrue(md.contains("| pool-apply · rtt_median | 190.0 µs | 900 ns (pool/apply) | 211.11× | — | — |"), md);
    }
}
