package io.mproc.bench.result;

import java.util.Objects;

/**
 * How one figure is judged: the floor of the same run it is compared with (null if none) and
 * the target it must reach (null for a baseline shown only for comparison).
 */
public record FigureRule(FigureKey figure, FigureKey floor, Target target) {

    public FigureRule {
        Objects.requireNonNull(figure, "figure");
        if (target != null && target.needsFloor() && floor == null) {
            throw new IllegalArgumentException(figure + ": a target relative to a floor needs the floor");
        }
    }

    /** The metric name of the ratio figure written to results.jsonl for this rule. */
    public String ratioMetric() {
        return figure.metric() + "_vs_" + floor.subject();
    }
}
