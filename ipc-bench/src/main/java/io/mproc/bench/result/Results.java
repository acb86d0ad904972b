package io.mproc.bench.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every figure of one run, in the order measured, passed on to a downstream sink; the report
 * and the floor ratios are computed from it at the end.
 */
public final class Results implements ResultSink {

    private final ResultSink downstream;
    private final List<Figure> figures = new ArrayList<>();
    private final Map<FigureKey, Figure> byKey = new LinkedHashMap<>();

    public Results(ResultSink downstream) {
        this.downstream = downstream;
    }

    @Override
    public synchronized void add(Figure figure) {
        figures.add(figure);
        byKey.put(figure.key(), figure);
        downstream.add(figure);
    }

    public synchronized List<Figure> all() {
        return List.copyOf(figures);
    }

    public synchronized Optional<Figure> find(FigureKey key) {
        return Optional.ofNullable(byKey.get(key));
    }
}
