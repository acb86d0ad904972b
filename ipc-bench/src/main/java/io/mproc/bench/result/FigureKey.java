package io.mproc.bench.result;

import java.util.Objects;

/** The name of a figure without its value: how floors and targets refer to figures. */
public record FigureKey(String suite, String subject, String metric) {

    public FigureKey {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(metric, "metric");
    }

    @Override
    public String toString() {
        return suite + "/" + subject + "/" + metric;
    }
}
