package io.mproc.bench.latency;

import org.HdrHistogram.Histogram;

/**
 * Records latencies in nanoseconds into an HdrHistogram with three significant digits: 0.1 %
 * resolution at any scale, constant cost per sample and no allocation while recording, so
 * the recorder does not disturb the loop it measures. One recorder per repetition, or
 * {@link #reset()} between repetitions.
 */
public final class LatencyRecorder {

    /** Samples above this (one minute) are clamped: a stall that long is a failure anyway. */
    private static final long HIGHEST_NANOS = 60_000_000_000L;

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
