package io.mproc.bench.latency;

import io.mproc.bench.result.Figure;
import io.mproc.bench.result.ResultSink;

import java.util.Arrays;

/** Repetitions of one throughput measurement: the median rate and the spread (min–max). */
public record RepeatedRate(double[] perSecond) {

    public RepeatedRate {
        perSecond = perSecond.clone();
        if (perSecond.length == 0) {
            throw new IllegalArgumentException("no repetitions");
        }
    }

    public double median() {
        return Stats.median(perSecond);
    }

    public double min() {
        return Arrays.stream(perSecond).min().orElseThrow();
    }

    public double max() {
        return Arrays.stream(perSecond).max().orElseThrow();
    }

    /** Writes {@code metric}, {@code metric_min} and {@code metric_max} in {@code unit}. */
    public void write(ResultSink sink, String suite, String subject, String metric, String unit) {
        sink.add(new Figure(suite, subject, metric, median(), unit));
        sink.add(new Figure(suite, subject, metric + "_min", min(), unit));
        sink.add(new Figure(suite, subject, metric + "_max", max(), unit));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RepeatedRate r && Arrays.equals(perSecond, r.perSecond);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(perSecond);
    }

    @Override
    public String toString() {
        return "RepeatedRate" + Arrays.toString(perSecond);
    }
}
