package io.mproc.bench;

/**
 * How long one measurement runs: {@code warmup} iterations whose times are thrown away (the
 * JIT must finish first), then {@code reps} repetitions of {@code perRep} timed iterations.
 */
public record Counts(long warmup, int reps, long perRep) {

    public Counts {
        if (warmup < 0 || reps < 1 || perRep < 1) {
            throw new IllegalArgumentException("bad counts: warmup " + warmup + ", reps " + reps + ", perRep " + perRep);
        }
    }

    /**
     * The same repetitions with {@code divisor} times fewer iterations each (at least one timed
     * and, if there was any, one warm-up): for a channel that costs that many times more per
     * iteration.
     */
    public Counts dividedBy(int divisor) {
        if (divisor < 1) {
            throw new IllegalArgumentException("divisor " + divisor + " (expected: >= 1)");
        }
        long fewerWarmup = warmup == 0 ? 0 : Math.max(1, warmup / divisor);
        return new Counts(fewerWarmup, reps, Math.max(1, perRep / divisor));
    }

    /** Every iteration, warm-up included: what the peer must answer. */
    public long total() {
        return warmup + reps * perRep;
    }
}
