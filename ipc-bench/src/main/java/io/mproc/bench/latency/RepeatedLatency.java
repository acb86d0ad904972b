package io.mproc.bench.latency;

import io.mproc.bench.result.Figure;
import io.mproc.bench.result.ResultSink;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Repetitions of one latency measurement. Each statistic is the median over the repetitions
 * (one disturbed repetition on a shared VM moves it little); the spread of the medians
 * (min–max) says how much to trust it; max is the worst sample of any repetition.
 */
public record RepeatedLatency(List<LatencySummary> repetitions) {

    public RepeatedLatency {
        repetitions = List.copyOf(repetitions);
        if (repetitions.isEmpty()) {
            throw new IllegalArgumentException("no repetitions");
        }
    }

    public double median() {
        return medianOf(LatencySummary::median);
    }

    public double medianMin() {
        return repetitions.stream().mapToDouble(LatencySummary::median).min().orElseThrow();
    }

    public double medianMax() {
        return repetitions.stream().mapToDouble(LatencySummary::median).max().orElseThrow();
    }

    public double p90() {
        return medianOf(LatencySummary::p90);
    }

    public double p99() {
        return medianOf(LatencySummary::p99);
    }

    public double p999() {
        return medianOf(LatencySummary::p999);
    }

    public double max() {
        return repetitions.stream().mapToDouble(LatencySummary::max).max().orElseThrow();
    }

    public long samples() {
        return repetitions.stream().mapToLong(LatencySummary::count).sum();
    }

    /** Writes the round-trip figures ({@code rtt_median}, ... in ns) of {@code subject}. */
    public void writeRoundTrip(ResultSink sink, String suite, String subject) {
        write(sink, suite, subject, "rtt");
    }

    /** Writes {@code <prefix>_median}, {@code _median_min}, {@code _median_max}, p90, p99, p999, max. */
    public void write(ResultSink sink, String suite, String subject, String prefix) {
        sink.add(new Figure(suite, subject, prefix + "_median", median(), "ns"));
        sink.add(new Figure(suite, subject, prefix + "_median_min", medianMin(), "ns"));
        sink.add(new Figure(suite, subject, prefix + "_median_max", medianMax(), "ns"));
        sink.add(new Figure(suite, subject, prefix + "_p90", p90(), "ns"));
        sink.add(new Figure(suite, subject, prefix + "_p99", p99(), "ns"));
        sink.add(new Figure(suite, subject, prefix + "_p999", p999(), "ns"));
        sink.add(new Figure(suite, subject, prefix + "_max", max(), "ns"));
    }

    private double medianOf(ToDoubleFunction<LatencySummary> statistic) {
        return Stats.median(repetitions.stream().mapToDouble(statistic).toArray());
    }
}
