package io.mproc.bench.latency;

import io.mproc.bench.result.Figure;
import io.mproc.bench.result.PercentileCurve;
import io.mproc.bench.result.ResultSink;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Repetitions of one latency measurement. Each statistic is the median over the repetitions
 * (one disturbed repetition on a shared VM moves it little); the spread of the medians
 * (min–max) says how much to trust it; max is the worst sample of any repetition.
 *
 * <p>{@code distribution} is the whole distribution of all repetitions together, for the plots:
 * the merged histogram's {@link LatencyRecorder#percentiles() percentiles} when the samples were
 * recorded here, or else (a C floor, a Python script, which print only their statistics) the five
 * statistics themselves.
 */
public record RepeatedLatency(List<LatencySummary> repetitions, List<PercentileCurve.Point> distribution) {

    public RepeatedLatency {
        repetitions = List.copyOf(repetitions);
        if (repetitions.isEmpty()) {
            throw new IllegalArgumentException("no repetitions");
        }
        distribution = distribution == null ? statisticPoints(repetitions) : List.copyOf(distribution);
    }

    /** Repetitions whose samples are gone: the distribution is their five statistics. */
    public RepeatedLatency(List<LatencySummary> repetitions) {
        this(repetitions, null);
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

    /**
     * Writes {@code <prefix>_median}, {@code _median_min}, {@code _median_max}, p90, p99, p999,
     * max, and the distribution as the curve of {@code <prefix>}.
     */
    public void write(ResultSink sink, String suite, String subject, String prefix) {
        sink.add(new Figure(suite, subject, prefix + "_median", median(), "ns"));
        sink.add(new Figure(suite, subject, prefix + "_median_min", medianMin(), "ns"));
        sink.add(new Figure(suite, subject, prefix + "_median_max", medianMax(), "ns"));
        sink.add(new Figure(suite, subject, prefix + "_p90", p90(), "ns"));
        sink.add(new Figure(suite, subject, prefix + "_p99", p99(), "ns"));
        sink.add(new Figure(suite, subject, prefix + "_p999", p999(), "ns"));
        sink.add(new Figure(suite, subject, prefix + "_max", max(), "ns"));
        sink.addCurve(new PercentileCurve(suite, subject, prefix, "ns", samples(), distribution));
    }

    private double medianOf(ToDoubleFunction<LatencySummary> statistic) {
        return Stats.median(repetitions.stream().mapToDouble(statistic).toArray());
    }

    /**
     * The statistics as a curve: each the median over the repetitions (max the worst), kept
     * from falling where one repetition's odd percentile would make the curve dip.
     */
    private static List<PercentileCurve.Point> statisticPoints(List<LatencySummary> repetitions) {
        RepeatedLatency stats = new RepeatedLatency(repetitions, List.of());
        double[][] levels = {{50, stats.median()}, {90, stats.p90()}, {99, stats.p99()}, {99.9, stats.p999()},
            {100, stats.max()}};
        List<PercentileCurve.Point> points = new ArrayList<>();
        double highest = 0;
        for (double[] level : levels) {
            highest = Math.max(highest, level[1]);
            points.add(new PercentileCurve.Point(level[0], highest));
        }
        return points;
    }
}
