package io.mproc.bench.latency;

import io.mproc.bench.result.PercentileCurve;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Records latencies in nanoseconds into an HdrHistogram with three significant digits: 0.1 %
 * resolution at any scale, constant cost per sample and no allocation while recording, so
 * the recorder does not disturb the loop it measures. One recorder per repetition, or
 * {@link #reset()} between repetitions; a second recorder that each repetition is
 * {@link #add added} to keeps the whole distribution for the plots.
 */
public final class LatencyRecorder {

    /** Samples above this (one minute) are clamped: a stall that long is a failure anyway. */
    private static final long HIGHEST_NANOS = 60_000_000_000L;
    /** Points of {@link #percentiles()} per halving of the share of samples above. */
    private static final int TICKS_PER_HALF_DISTANCE = 5;

    private final Histogram histogram = new Histogram(HIGHEST_NANOS, 3);

    public void record(long nanos) {
        histogram.recordValue(Math.min(Math.max(nanos, 0), HIGHEST_NANOS));
    }

    public long count() {
        return histogram.getTotalCount();
    }

    public void reset() {
        histogram.reset();
    }

    /** Adds everything {@code other} recorded since its last reset to this recorder. */
    public void add(LatencyRecorder other) {
        histogram.add(other.histogram);
    }

    /**
     * The distribution as points of rising percentile up to 100 % (the maximum), the way
     * HdrHistogram prints it: {@value #TICKS_PER_HALF_DISTANCE} points for each halving of the
     * share of samples above, so the tail (p99.9, p99.99) is as visible as the body.
     */
    public List<PercentileCurve.Point> percentiles() {
        if (histogram.getTotalCount() == 0) {
            throw new IllegalArgumentException("percentiles of no samples");
        }
        List<PercentileCurve.Point> points = new ArrayList<>();
        for (HistogramIterationValue v : histogram.percentiles(TICKS_PER_HALF_DISTANCE)) {
            points.add(new PercentileCurve.Point(Math.min(100.0, v.getPercentileLevelIteratedTo()),
                v.getValueIteratedTo()));
        }
        return points;
    }

    /** The statistics of everything recorded since the last reset. */
    public LatencySummary summary() {
        return new LatencySummary(histogram.getTotalCount(),
            histogram.getValueAtPercentile(50.0),
            histogram.getValueAtPercentile(90.0),
            histogram.getValueAtPercentile(99.0),
            histogram.getValueAtPercentile(99.9),
            histogram.getMaxValue());
    }
}
