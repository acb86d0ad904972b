package io.mproc.bench.channel;

/**
 * One side's busy wait: {@link Thread#onSpinWait()} on every turn, and a look at the
 * {@link PeerWatch} every few tens of thousands of turns (milliseconds), so that checking the
 * peer costs nothing measurable. One instance per thread.
 */
public final class SpinWait {

    private static final int TURNS_PER_CHECK = 1 << 16;

    private final PeerWatch watch;
    private int turnsLeft = TURNS_PER_CHECK;

    public SpinWait(PeerWatch watch) {
        this.watch = watch;
    }

    /** One turn of waiting. */
    public void idle() {
        Thread.onSpinWait();
        if (--turnsLeft == 0) {
            turnsLeft = TURNS_PER_CHECK;
            watch.check();
        }
    }
}
