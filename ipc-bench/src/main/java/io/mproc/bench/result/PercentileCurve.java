package io.mproc.bench.result;

import java.util.List;
import java.util.Objects;

/**
 * The latency distribution behind one subject's percentile figures, kept beside the figures
 * (not in {@code results.jsonl}) for the report's plots: points of rising percentile, each the
 * value at or below which that share of the {@code samples} fell. A curve read from a
 * histogram has dozens of points up to 100 % (the maximum); one rebuilt from the printed
 * statistics alone has the five of the figures (median, p90, p99, p99.9, max).
 */
public record PercentileCurve(String suite, String subject, String metric, String unit, long samples,
                              List<Point> points) {

    /** {@code percentile} in 0–100; {@code value} in the curve's unit. */
    public record Point(double percentile, double value) {
        public Point {
            if (!(percentile >= 0 && percentile <= 100)) {
                throw new IllegalArgumentException("percentile " + percentile + " (expected: 0 to 100)");
            }
        }
    }

    public PercentileCurve {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(unit, "unit");
        points = List.copyOf(points);
        if (points.isEmpty() || samples < 1) {
            throw new IllegalArgumentException(suite + "/" + subject + ": a curve of " + points.size() + " points over "
                + samples + " samples");
        }
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).percentile() < points.get(i - 1).percentile()) {
                throw new IllegalArgumentException(suite + "/" + subject + ": percentiles out of order at point " + i);
            }
        }
    }
}
