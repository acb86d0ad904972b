package io.mproc.bench.result;

import java.util.Objects;

/**
 * One measured number: the unit of {@code results.jsonl}. A figure is named by its suite
 * (what kind of benchmark), its subject (what was measured, e.g. a channel) and its metric
 * (which statistic), so that the same key in two runs means the same thing.
 */
public record Figure(String suite, String subject, String metric, double value, String unit) {

    public Figure {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(unit, "unit");
    }

    public FigureKey key() {
        return new FigureKey(suite, subject, metric);
    }
}
