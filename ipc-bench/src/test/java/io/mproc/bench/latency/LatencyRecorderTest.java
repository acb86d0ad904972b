package io.mproc.bench.latency;

import io.mproc.bench.result.Figure;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
