package io.mproc.bench.result;

import java.util.Objects;

/**
 * How one figure is judged: the floor of the same run it is compared with (null if none), the
 * floor it is compared with instead when the run lacks the first (null if none), and the target
 * it must reach (null for a baseline shown only for comparison).
 *
 * <p>The fallback is for floors probed beside a figure: the cache-line floor probed right after
 * a ping-pong saw the figure's own CPU placement, so it is the better floor, but a run without
 * the probe (no C compiler, one CPU, a failed probe, or one from a cross-die placement, which is
 * not written) still has the floor of its start, and judging against that beats not judging.
 */
public record FigureRule(FigureKey figure, FigureKey floor, FigureKey fallbackFloor, Target target) {

    public FigureRule {
        Objects.requireNonNull(figure, "figure");
        if (target != null && target.needsFloor() && floor == null) {
            throw new IllegalArgumentException(figure + ": a target relative to a floor needs the floor");
        }
        if (fallbackFloor != null && floor == null) {
            throw new IllegalArgumentException(figure + ": a fallback floor " + fallbackFloor + " without a floor");
        }
    }

    /** A rule whose floor, if any, has no fallback. */
    public FigureRule(FigureKey figure, FigureKey floor, Target target) {
        this(figure, floor, null, target);
    }

    /**
     * The metric name of the ratio figure written to results.jsonl when this rule's figure is
     * compared with {@code floorUsed} ({@link #floor()} or {@link #fallbackFloor()}): the
     * figure's metric and what tells the floor apart from the figure, its subject
     * ({@code rtt_median_vs_c-cache-line-spin}) or, for a floor of the figure's own subject, its
     * metric ({@code rtt_median_vs_cache_line_floor_after}), so that one figure's ratios to
     * different floors never share a name.
     */
    public String ratioMetric(FigureKey floorUsed) {
        boolean ownSubject = floorUsed.suite().equals(figure.suite()) && floorUsed.subject().equals(figure.subject());
        return figure.metric() + "_vs_" + (ownSubject ? floorUsed.metric() : floorUsed.subject());
    }
}
