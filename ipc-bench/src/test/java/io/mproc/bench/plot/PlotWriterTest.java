package io.mproc.bench.plot;

import io.mproc.bench.result.Figure;
import io.mproc.bench.result.PercentileCurve;
import io.mproc.bench.result.PlotLink;
import io.mproc.bench.result.Results;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlotWriterTest {

    @TempDir
    Path dir;

    private static PercentileCurve curve(String suite, String subject, double medianNs) {
        return new PercentileCurve(suite, subject, "rtt", "ns", 10_000, List.of(
            new PercentileCurve.Point(0, medianNs / 2), new PercentileCurve.Point(50, medianNs),
            new PercentileCurve.Point(99, medianNs * 3), new PercentileCurve.Point(99.99, medianNs * 40),
            new PercentileCurve.Point(100, medianNs * 100)));
    }

    private static Results results() {
        Results results = new Results(figure -> { });
        results.addCurve(curve("floors", "c-cache-line-spin", 130));
        results.addCurve(curve("floors", "c-futex-cross-core-asleep", 60_000));
        results.addCurve(curve("pingpong", "mproc-spsc", 150));
        results.addCurve(curve("pingpong", "agrona-ring", 160));
        results.addCurve(curve("pingpong", "mproc-spsc-1kib", 400));
        results.addCurve(curve("pingpong", "mproc-spsc-default-asleep", 60_000));
        results.add(new Figure("throughput", "mproc-spsc", "msgs_per_s", 40e6, "msgs/s"));
        results.add(new Figure("throughput", "stdio-pipe", "msgs_per_s", 0.9e6, "msgs/s"));
        results.add(new Figure("python", "queue", "msgs_per_s", 0.23e6, "msgs/s"));
        results.add(new Figure("floors", "jvm-start", "start_median", 31, "ms"));
        results.add(new Figure("python", "process-fork", "start_median", 2.2, "ms"));
        results.add(new Figure("pool", "apply-async", "tasks_per_s", 1.5e6, "tasks/s"));
        results.add(new Figure("python", "pool-apply-async", "tasks_per_s", 23e3, "tasks/s"));
        results.add(new Figure("python", "pool-map-square-2-workers", "tasks_per_s", 5e6, "tasks/s"));
        return results;
    }

    @Test
    void oneChartPerSuiteWithPayloadAndAsleepVariantsApart() {
        List<LatencyChart> charts = LatencyChart.of(results().curves());
        assertEquals(List.of("latency-floors.png", "latency-pingpong.png", "latency-pingpong-1kib.png",
            "latency-pingpong-asleep.png"), charts.stream().map(LatencyChart::file).toList());
        assertEquals(List.of("mproc-spsc", "agrona-ring"),
            charts.get(1).curves().stream().map(PercentileCurve::subject).toList());
        assertEquals("pingpong: round trip by percentile", charts.get(1).title());
        assertEquals(2, charts.getFirst().curves().size(), "the floors stay together");
    }

    @Test
    void percentilesSitOnAOneInNAxis() {
        assertEquals(1, LatencyChart.oneIn(0, 500));
        assertEquals(2, LatencyChart.oneIn(50, 500), 1e-9);
        assertEquals(100, LatencyChart.oneIn(99, 500), 1e-9);
        assertEquals(1_000, LatencyChart.oneIn(99.9, 500), 1e-6);
        assertEquals(500, LatencyChart.oneIn(100, 500), "the maximum is the one-in-N sample");
        assertEquals("0%", LatencyChart.percentileLabel(1));
        assertEquals("90%", LatencyChart.percentileLabel(10));
        assertEquals("99%", LatencyChart.percentileLabel(100));
        assertEquals("99.99%", LatencyChart.percentileLabel(10_000));
        assertEquals("68.4%", LatencyChart.percentileLabel(Math.sqrt(10)));
        // XChart 3.8 widens its grid until all labels differ, ticks left of the axis included.
        assertNotEquals(LatencyChart.percentileLabel(Math.pow(10, -0.2)), LatencyChart.percentileLabel(Math.pow(10, -0.4)));
        assertEquals("100%", LatencyChart.percentileLabel(Double.POSITIVE_INFINITY));
    }

    @Test
    void barsPutPythonBesideMprocAndSkipWhatWasNotMeasured() {
        List<BarChart> charts = BarChart.of(results().all());
        assertEquals(List.of("throughput.png", "start.png", "pool-throughput.png"),
            charts.stream().map(BarChart::file).toList(), "no Pool.apply round trip was measured");

        BarChart throughput = charts.getFirst();
        assertEquals(List.of("mproc-spsc", "stdio-pipe", "python-queue"), throughput.categories(), "fastest first");
        assertEquals(0.23e6, throughput.value(BarChart.PYTHON, "python-queue"));
        assertEquals(40e6, throughput.value(BarChart.MPROC, "mproc-spsc"));
        assertEquals(0.9e6, throughput.value(BarChart.OTHERS, "stdio-pipe"));

        BarChart pool = charts.get(2);
        assertEquals(List.of("apply-async", "map-square-2-workers"), pool.categories());
        assertEquals(1.5e6, pool.value(BarChart.MPROC, "apply-async"));
        assertEquals(23e3, pool.value(BarChart.PYTHON, "apply-async"));
        assertNull(pool.value(BarChart.MPROC, "map-square-2-workers"), "mproc's map was not measured: no bar");
    }

    @Test
    void aRunWithOnlyTheJvmStartFloorHasNoStartChart() {
        Results results = new Results(figure -> { });
        results.add(new Figure("floors", "jvm-start", "start_median", 31, "ms"));
        assertEquals(List.of(), BarChart.of(results.all()));
    }

    @Test
    void writesEveryChartAsAPngNextToTheReport() throws Exception {
        PlotWriter.Outcome outcome = PlotWriter.write(dir, results());
        assertEquals(List.of(), outcome.problems());
        assertEquals(7, outcome.plots().size());
        for (PlotLink plot : outcome.plots()) {
            Path file = dir.resolve(plot.file());
            byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(file), 8);
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head, plot.file());
            BufferedImage image = ImageIO.read(file.toFile());
            assertNotNull(image, plot.file());
            assertTrue(image.getWidth() >= 800 && image.getHeight() >= 400, plot.file());
        }
        assertEquals("true", System.getProperty("java.awt.headless"));
    }
}
