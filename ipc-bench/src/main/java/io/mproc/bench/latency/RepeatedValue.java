package io.mproc.bench.latency;

import io.mproc.bench.result.Figure;
import io.mproc.bench.result.ResultSink;

import java.util.Arrays;

/** Repetitions of one scalar measurement (a rate, a start time): the median and the spread (min–max). */
public record RepeatedValue(double[] values) {

    public RepeatedValue {
        values = values.clone();
        if (values.length == 0) {
            throw new IllegalArgumentException("no repetitions");
        }
    }

    public double median() {
        return Stats.median(values);
    }

    public double min() {
        return Arrays.stream(values).min().orElseThrow();
    }

    public double max() {
        return Arrays.stream(values).max().orElseThrow();
    }

    /** Writes {@code metric}, {@code metric_min} and {@code metric_max} in {@code unit}. */
    public void write(ResultSink sink, String suite, String subject, String metric, String unit) {
        sink.add(new Figure(suite, subject, metric, median(), unit));
        sink.add(new Figure(suite, subject, metric + "_min", min(), unit));
        sink.add(new Figure(suite, subject, metric + "_max", max(), unit));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RepeatedValue r && Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "RepeatedValue" + Arrays.toString(values);
    }
}
