package io.mproc.bench.result;

/** Where suites put their figures as they measure them. */
@FunctionalInterface
public interface ResultSink {

    void add(Figure figure);

    /**
     * The distribution behind a subject's latency figures, for the plots; a sink that keeps
     * only figures ignores it.
     */
    default void addCurve(PercentileCurve curve) {
    }
}
