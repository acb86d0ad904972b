package io.mproc.bench.plot;

import io.mproc.bench.result.PercentileCurve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One latency chart: the percentile distributions of several subjects of one suite, one curve
 * each, both axes logarithmic. The horizontal axis is "one in N": percentile p sits at
 * {@code 1 / (1 - p)}, so the median, p90, p99 and p99.9 are evenly spaced decades (as
 * HdrHistogram plots them) and the maximum sits at N, the number of samples.
 */
record LatencyChart(String file, String title, List<PercentileCurve> curves) {

    LatencyChart {
        curves = List.copyOf(curves);
    }

    /**
     * The charts for {@code curves}: one per suite, with the payload and asleep variants of the
     * ping-pong channels ({@code -1kib}, {@code -asleep}) apart, as their scale and meaning differ.
     */
    static List<LatencyChart> of(List<PercentileCurve> curves) {
        Map<String, List<PercentileCurve>> byChart = new LinkedHashMap<>();
        for (PercentileCurve curve : curves) {
            byChart.computeIfAbsent(chartKey(curve), key -> new ArrayList<>()).add(curve);
        }
        List<LatencyChart> charts = new ArrayList<>();
        byChart.forEach((key, members) -> charts.add(new LatencyChart("latency-" + key + ".png",
            title(key, members.getFirst()), members)));
        return charts;
    }

    /**
     * The chart a curve belongs to: its suite, and its variant if the subject names one; the
     * floors stay together, as each is the floor of some chart.
     */
    static String chartKey(PercentileCurve curve) {
        if (curve.suite().equals("floors")) {
            return curve.suite();
        }
        for (String variant : VARIANTS) {
            if (curve.subject().endsWith("-" + variant)) {
                return curve.suite() + "-" + variant;
            }
        }
        return curve.suite();
    }

    private static final List<String> VARIANTS = List.of("1kib", "asleep");

    private static String title(String key, PercentileCurve first) {
        String what = switch (first.metric()) {
            case "rtt" -> "round trip";
            case "latency" -> "one-way latency from the scheduled send time";
            default -> first.metric();
        };
        return key + ": " + what + " by percentile";
    }

    /** Where percentile {@code percentile} sits on the "one in N" axis ({@code samples} for 100 %). */
    static double oneIn(double percentile, long samples) {
        if (percentile >= 100) {
            return Math.max(1, samples);
        }
        return 100 / (100 - percentile);
    }

    /**
     * The percentile that the "one in N" position {@code x} stands for, as an axis label, with
     * as many decimals as it has nines: 1 → 0%, 10 → 90%, 3.16 → 68.4%, 1000 → 99.9%. Left of
     * the axis (x below 1, where XChart also places ticks before it drops them) the labels are
     * negative, but still differ from each other, as XChart needs.
     */
    static String percentileLabel(double x) {
        double percentile = 100 * (1 - 1 / x);
        if (percentile == 0) {
            return "0%";
        }
        // Nine nines are far beyond any run's samples; XChart also asks for labels off the axis.
        int decimals = (int) Math.min(9, Math.max(1, Math.floor(Math.log10(x))));
        String digits = String.format(Locale.ROOT, "%." + decimals + "f", percentile).replaceAll("\\.?0+$", "");
        return digits + "%";
    }
}
