package io.mproc.bench.python;

import io.mproc.bench.BenchContext;
import io.mproc.bench.BenchProfile;
import io.mproc.bench.latency.LatencySummary;
import io.mproc.bench.machine.Executables;
import io.mproc.bench.machine.PinningPlan;
import io.mproc.bench.result.Figure;
import io.mproc.bench.result.FigureKey;
import io.mproc.bench.result.Results;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PythonSuiteTest {

    @TempDir
    Path out;

    private BenchContext context(Results results) {
        return new BenchContext(BenchProfile.smoke(), out, out, PinningPlan.decide(false), results);
    }

    @Test
    void readsEachKindOfLine() {
        assertEquals(Optional.of(new PythonLine.Latency("queue", new LatencySummary(2000, 39689, 40780, 57436, 97696,
            214720))), PythonLine.parse("PYLAT subject=queue rep=1 count=2000 median_ns=39689 p90_ns=40780 "
            + "p99_ns=57436 p999_ns=97696 max_ns=214720"));
        assertEquals(Optional.of(new PythonLine.Value("pool-apply-async", "tasks_per_s", "tasks/s", 14962.7)),
            PythonLine.parse("PYVAL subject=pool-apply-async metric=tasks_per_s unit=tasks/s rep=1 value=14962.7"));
        assertEquals(Optional.of(new PythonLine.Info(Map.of("python", "3.11.7", "method", "fork"))),
            PythonLine.parse("PYINFO python=3.11.7 method=fork"));
        assertEquals(Optional.empty(), PythonLine.parse("Traceback (most recent call last):"));
    }

    @Test
    void aDamagedLineIsAnErrorThatQuotesIt() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
            () -> PythonLine.parse("PYVAL subject=queue metric=msgs_per_s rep=1 value=3"));
        assertTrue(missing.getMessage().contains("without unit"), missing.getMessage());
        IllegalArgumentException garbled = assertThrows(IllegalArgumentException.class,
            () -> PythonLine.parse("PYLAT subject=queue rep=1 count=x median_ns=1 p90_ns=1 p99_ns=1 p999_ns=1 max_ns=1"));
        assertTrue(garbled.getMessage().contains("count=x"), garbled.getMessage());
    }

    @Test
    void repetitionsBecomeMedianFiguresWithTheirSpread() {
        Results results = new Results(figure -> { });
        PythonFigures.of(List.of(
            "PYINFO python=3.11.7 method=fork",
            "PYLAT subject=pipe rep=1 count=10 median_ns=16000 p90_ns=18000 p99_ns=25000 p999_ns=100000 max_ns=110000",
            "PYLAT subject=pipe rep=2 count=10 median_ns=17000 p90_ns=19000 p99_ns=24000 p999_ns=50000 max_ns=3800000",
            "PYLAT subject=pipe rep=3 count=10 median_ns=30000 p90_ns=31000 p99_ns=35000 p999_ns=60000 max_ns=70000",
            "some chatter",
            "PYVAL subject=queue metric=msgs_per_s unit=msgs/s rep=1 value=88000",
            "PYVAL subject=queue metric=msgs_per_s unit=msgs/s rep=2 value=140000")).write(results, "python");

        assertEquals(17_000, value(results, "pipe", "rtt_median"));
        assertEquals(16_000, value(results, "pipe", "rtt_median_min"));
        assertEquals(30_000, value(results, "pipe", "rtt_median_max"));
        assertEquals(3_800_000, value(results, "pipe", "rtt_max"));
        assertEquals(114_000, value(results, "queue", "msgs_per_s"));
        assertEquals(88_000, value(results, "queue", "msgs_per_s_min"));
        assertEquals("pipe", results.curves().getFirst().subject(), "the round trips are plotted");
    }

    @Test
    void withoutPython3TheReportSaysSoAndTheSuiteMeasuresNothing() throws Exception {
        Results results = new Results(figure -> { });
        BenchContext context = context(results);
        new PythonSuite(() -> null).run(context);
        assertEquals(List.of(), results.all());
        assertTrue(context.notes().getFirst().startsWith("python3 not on the PATH"), context.notes().toString());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theProjectsScriptMeasuresPythonAcrossRealProcesses() throws Exception {
        assumeTrue(Executables.find("python3") != null, "python3 is not installed here");
        Results results = new Results(figure -> { });
        BenchContext context = context(results);
        new PythonSuite().run(context);
        for (String subject : List.of("queue", "pipe", "event", "pool-apply")) {
            assertTrue(value(results, subject, "rtt_median") > 0, subject);
        }
        assertTrue(value(results, "queue", "msgs_per_s") > 0);
        for (String subject : List.of("process-fork", "process-spawn")) {
            assertTrue(value(results, subject, "start_median") > 0, subject);
            assertTrue(value(results, subject, "start_join_median") >= value(results, subject, "start_median"), subject);
        }
        assertTrue(value(results, "pool-map-square-2-workers", "tasks_per_s") > 0);
        assertTrue(value(results, "pool-apply-async", "tasks_per_s") > 0);
        assertTrue(context.notes().getFirst().contains("start method fork"), context.notes().toString());
    }

    @Test
    void theScriptSizeFollowsTheProfile() {
        assertEquals("--smoke", PythonSuite.sizeOption("smoke"));
        assertEquals("--quick", PythonSuite.sizeOption("quick"));
        assertEquals("--full", PythonSuite.sizeOption("full"));
    }

    private static double value(Results results, String subject, String metric) {
        return results.find(new FigureKey("python", subject, metric)).map(Figure::value)
            .orElseThrow(() -> new AssertionError("no python " + subject + " " + metric + " in " + results.all()));
    }
}
