package io.mproc.bench.channel.mproc;

import io.mproc.bench.channel.PeerGoneException;
import io.mproc.bench.channel.PeerWatch;
import io.mproc.wait.WaitCondition;
import io.mproc.wait.WaitPoint;
import io.mproc.wait.WaitStrategy;

/**
 * One side's waiting through an mproc {@link WaitStrategy}, as an application would wait, plus
 * the bench's {@link PeerWatch}: the strategy gets a deadline a slice ahead, and only when that
 * passes (the peer has been silent for a whole slice) is the watch consulted and the deadline
 * moved on. The hot path reads no clock of its own. One instance per thread.
 */
final class RingWaiter {

    /** How long a wait goes on before the peer is checked; rare enough not to disturb sleeping. */
    private static final long SLICE_NANOS = 200_000_000L;

    private final WaitStrategy strategy;
    private final PeerWatch watch;
    private long deadline;

    RingWaiter(WaitStrategy strategy, PeerWatch watch) {
        this.strategy = strategy;
        this.watch = watch;
        this.deadline = System.nanoTime() + SLICE_NANOS;
    }

    /** Returns once {@code condition} holds; throws {@link PeerGoneException} when the watch says so. */
    void await(WaitPoint point, WaitCondition condition) {
        try {
            while (!strategy.await(point, condition, deadline)) {
                watch.check();
                deadline = System.nanoTime() + SLICE_NANOS;
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new PeerGoneException("interrupted while waiting on " + point);
        }
    }
}
