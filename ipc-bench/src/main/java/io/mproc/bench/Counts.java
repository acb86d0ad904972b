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

    /** Every iteration, warm-up included: what the peer must answer. */
    public long total() {
        return warmup + reps * perRep;
    }
}
