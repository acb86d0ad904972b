package io.mproc.bench.latency;

/** The statistics of one repetition, in nanoseconds. */
public record LatencySummary(long count, double median, double p90, double p99, double p999, double max) {

    public LatencySummary {
        if (count <= 0) {
            throw new IllegalArgumentException("a summary of no samples: " + count);
        }
    }
}
