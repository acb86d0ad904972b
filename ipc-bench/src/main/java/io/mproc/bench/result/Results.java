package io.mproc.bench.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every figure of one run, in the order measured, passed on to a downstream sink; the report,
 * the floor ratios and the plots are computed from it at the end, the plots also from the
 * latency distributions ({@link PercentileCurve}) kept beside the figures.
 */
public final class Results implements ResultSink {

    private final ResultSink downstream;
    private final List<Figure> figures = new ArrayList<>();
    private final Map<FigureKey, Figure> byKey = new LinkedHashMap<>();
    private final List<PercentileCurve> curves = new ArrayList<>();

    public Results(ResultSink downstream) {
        this.downstream = downstream;
    }

    @Override
    public synchronized void add(Figure figure) {
        figures.add(figure);
        byKey.put(figure.key(), figure);
        downstream.add(figure);
    }

    @Override
    public synchronized void addCurve(PercentileCurve curve) {
        curves.add(curve);
        downstream.addCurve(curve);
    }

    public synchronized List<Figure> all() {
        return List.copyOf(figures);
    }

    /** The latency distributions of the run, in the order measured. */
    public synchronized List<PercentileCurve> curves() {
        return List.copyOf(curves);
    }

    public synchronized Optional<Figure> find(FigureKey key) {
        return Optional.ofNullable(byKey.get(key));
    }
}
