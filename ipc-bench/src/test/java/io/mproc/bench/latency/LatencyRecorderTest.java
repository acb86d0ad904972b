package io.mproc.bench.latency;

import io.mproc.bench.result.Figure;
import io.mproc.bench.result.PercentileCurve;
import io.mproc.bench.result.Results;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyRecorderTest {

    /** HdrHistogram with 3 significant digits is exact to 0.1 %. */
    private static void assertClose(double expected, double actual) {
        assertEquals(expected, actual, expected * 0.001 + 1, () -> "expected ~" + expected + " got " + actual);
    }

    @Test
    void percentilesOfAKnownDistribution() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int v = 1; v <= 10_000; v++) {
            recorder.record(v * 10L);
        }
        LatencySummary s = recorder.summary();
        assertEquals(10_000, s.count());
        assertClose(50_000, s.median());
        assertClose(90_000, s.p90());
        assertClose(99_000, s.p99());
        assertClose(99_900, s.p999());
        assertClose(100_000, s.max());
    }

    @Test
    void resetStartsANewRepetition() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.record(1_000_000);
        recorder.reset();
        recorder.record(100);
        assertEquals(1, recorder.count());
        assertClose(100, recorder.summary().max());
    }

    @Test
    void anEmptyRecorderHasNoSummary() {
        assertThrows(IllegalArgumentException.class, () -> new LatencyRecorder().summary());
    }

    @Test
    void repetitionsReportTheMedianOfMediansAndTheirSpread() {
        RepeatedLatency reps = new RepeatedLatency(List.of(
            new LatencySummary(10, 130, 140, 200, 900, 5_000),
            new LatencySummary(10, 180, 190, 260, 1_200, 90_000),
            new LatencySummary(10, 120, 150, 210, 1_000, 4_000)));
        assertEquals(130, reps.median());
        assertEquals(120, reps.medianMin());
        assertEquals(180, reps.medianMax());
        assertEquals(150, reps.p90());
        assertEquals(210, reps.p99());
        assertEquals(1_000, reps.p999());
        assertEquals(90_000, reps.max());
        assertEquals(30, reps.samples());

        List<Figure> figures = new ArrayList<>();
        reps.writeRoundTrip(figures::add, "pingpong", "x");
        assertEquals(List.of("rtt_median", "rtt_median_min", "rtt_median_max", "rtt_p90", "rtt_p99", "rtt_p999",
            "rtt_max"), figures.stream().map(Figure::metric).toList());
        assertEquals(130, figures.getFirst().value());
    }

    @Test
    void evenRepetitionCountsAverageTheMiddlePair() {
        assertEquals(15, Stats.median(new double[] {40, 10, 20, 5}));
        RepeatedValue rate = new RepeatedValue(new double[] {3e7, 1e7, 2e7, 4e7});
        assertEquals(2.5e7, rate.median());
        assertEquals(1e7, rate.min());
        assertEquals(4e7, rate.max());
    }

    @Test
    void percentilePointsRiseToTheMaximumAndReachDeepIntoTheTail() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int v = 1; v <= 100_000; v++) {
            recorder.record(v);
        }
        List<PercentileCurve.Point> points = recorder.percentiles();
        assertClose(1, points.getFirst().value());
        assertEquals(100.0, points.getLast().percentile());
        assertClose(100_000, points.getLast().value());
        for (int i = 1; i < points.size(); i++) {
            assertTrue(points.get(i).percentile() >= points.get(i - 1).percentile(), "percentiles rise at " + i);
            assertTrue(points.get(i).value() >= points.get(i - 1).value(), "values rise at " + i);
        }
        assertTrue(points.stream().anyMatch(p -> p.percentile() >= 99.95 && p.percentile() < 100),
            "no point beyond p99.95 in " + points);
        // Each point is the value at that percentile, to the histogram's precision.
        for (PercentileCurve.Point p : points) {
            assertClose(Math.max(1, p.percentile() * 1_000), p.value());
        }
    }

    @Test
    void aMergedRecorderHoldsEveryRepetition() {
        LatencyRecorder rep = new LatencyRecorder();
        LatencyRecorder all = new LatencyRecorder();
        rep.record(100);
        all.add(rep);
        rep.reset();
        rep.record(5_000);
        all.add(rep);
        assertEquals(2, all.count());
        assertClose(5_000, all.percentiles().getLast().value());
        assertClose(100, all.summary().median());
    }

    @Test
    void writingRepetitionsHandsTheirDistributionToTheSinkBesideTheFigures() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int v = 1; v <= 1_000; v++) {
            recorder.record(v * 100L);
        }
        RepeatedLatency measured = new RepeatedLatency(List.of(recorder.summary()), recorder.percentiles());
        Results results = new Results(figure -> { });
        measured.write(results, "fixedrate", "ring-100k", "latency");

        PercentileCurve curve = results.curves().getFirst();
        assertEquals(List.of("fixedrate", "ring-100k", "latency", "ns"),
            List.of(curve.suite(), curve.subject(), curve.metric(), curve.unit()));
        assertEquals(1_000, curve.samples());
        assertEquals(recorder.percentiles(), curve.points());
        assertEquals(7, results.all().size());
    }

    @Test
    void repetitionsKnownOnlyByTheirStatisticsGiveAFivePointCurve() {
        RepeatedLatency printed = new RepeatedLatency(List.of(
            new LatencySummary(10, 130, 140, 200, 900, 5_000),
            new LatencySummary(10, 180, 120, 260, 1_200, 90_000)));
        assertEquals(List.of(new PercentileCurve.Point(50, 155), new PercentileCurve.Point(90, 155),
            new PercentileCurve.Point(99, 230), new PercentileCurve.Point(99.9, 1_050),
            new PercentileCurve.Point(100, 90_000)), printed.distribution());
    }
}
