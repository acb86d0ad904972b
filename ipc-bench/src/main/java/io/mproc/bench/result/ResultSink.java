package io.mproc.bench.result;

/** Where suites put their figures as they measure them. */
@FunctionalInterface
public interface ResultSink {

    void add(Figure figure);
}
