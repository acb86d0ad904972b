package io.mproc.bench.result;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One figure judged by one rule (or by none: {@code rule} null). {@code floor} is the floor the
 * figure was compared with: the rule's floor, or its fallback when the run did not measure the
 * first (so that the report names the floor the ratio really is against); when neither was
 * measured, the last one looked for, and then {@code floorValue} and {@code ratio} are NaN. Both
 * are also NaN, and {@code floor} null, for a rule without a floor.
 */
public record Assessment(Figure figure, FigureRule rule, FigureKey floor, double floorValue, double ratio,
                         Verdict verdict) {

    public static Assessment of(Figure figure, FigureRule rule, Results results) {
        if (rule == null) {
            return new Assessment(figure, null, null, Double.NaN, Double.NaN, Verdict.NO_TARGET);
        }
        FigureKey floorKey = rule.floor();
        double floor = valueOf(floorKey, results);
        if (Double.isNaN(floor) && rule.fallbackFloor() != null) {
            floorKey = rule.fallbackFloor();
            floor = valueOf(floorKey, results);
        }
        double ratio = Double.isNaN(floor) || floor == 0 ? Double.NaN : figure.value() / floor;
        Verdict verdict;
        if (rule.target() == null) {
            verdict = Verdict.NO_TARGET;
        } else if (rule.target().needsFloor() && Double.isNaN(ratio)) {
            verdict = Verdict.NO_FLOOR;
        } else {
            verdict = rule.target().isMet(figure.value(), ratio) ? Verdict.MET : Verdict.MISSED;
        }
        return new Assessment(figure, rule, floorKey, floor, ratio, verdict);
    }

    private static double valueOf(FigureKey floor, Results results) {
        return floor == null ? Double.NaN : results.find(floor).map(Figure::value).orElse(Double.NaN);
    }

    /** The ratio as a figure of its own for results.jsonl, if there is one, named after the floor used. */
    public Figure ratioFigure() {
        return new Figure(figure.suite(), figure.subject(), rule.ratioMetric(floor), ratio, "ratio");
    }

    public boolean hasRatio() {
        return !Double.isNaN(ratio);
    }

    /**
     * The ratio figures of {@code assessments} for results.jsonl, each once: a rule judged against
     * its fallback floor gives the same ratio, under the same name, as the rule that shows that
     * floor beside it, and one line per name keeps results.jsonl a set of distinct figures.
     */
    public static List<Figure> ratioFigures(List<Assessment> assessments) {
        Set<FigureKey> seen = new HashSet<>();
        List<Figure> out = new ArrayList<>();
        for (Assessment a : assessments) {
            if (a.hasRatio() && seen.add(a.ratioFigure().key())) {
                out.add(a.ratioFigure());
            }
        }
        return out;
    }
}
