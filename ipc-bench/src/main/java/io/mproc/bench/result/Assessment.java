package io.mproc.bench.result;

/**
 * One figure judged by one rule (or by none: {@code rule} null). {@code floorValue} and
 * {@code ratio} are NaN when there is no floor or it was not measured in this run.
 */
public record Assessment(Figure figure, FigureRule rule, double floorValue, double ratio, Verdict verdict) {

    public static Assessment of(Figure figure, FigureRule rule, Results results) {
        if (rule == null) {
            return new Assessment(figure, null, Double.NaN, Double.NaN, Verdict.NO_TARGET);
        }
        double floor = rule.floor() == null ? Double.NaN
            : results.find(rule.floor()).map(Figure::value).orElse(Double.NaN);
        double ratio = Double.isNaN(floor) || floor == 0 ? Double.NaN : figure.value() / floor;
        Verdict verdict;
        if (rule.target() == null) {
            verdict = Verdict.NO_TARGET;
        } else if (rule.target().needsFloor() && Double.isNaN(ratio)) {
            verdict = Verdict.NO_FLOOR;
        } else {
            verdict = rule.target().isMet(figure.value(), ratio) ? Verdict.MET : Verdict.MISSED;
        }
        return new Assessment(figure, rule, floor, ratio, verdict);
    }

    /** The ratio as a figure of its own for results.jsonl, if there is one. */
    public Figure ratioFigure() {
        return new Figure(figure.suite(), figure.subject(), rule.ratioMetric(), ratio, "ratio");
    }

    public boolean hasRatio() {
        return !Double.isNaN(ratio);
    }
}
