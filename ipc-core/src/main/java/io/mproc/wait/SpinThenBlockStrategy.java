package io.mproc.wait;

import java.util.concurrent.TimeUnit;

/**
 * {@link WaitStrategy#spinThenBlock()}: spins, yields, then sleeps on the wait point's futex.
 * Immutable, so one instance serves any number of threads.
 */
final class SpinThenBlockStrategy implements WaitStrategy {
    /** About 2 to 10 µs of {@link Thread#onSpinWait()} on current x86 and ARM cores. */
    static final int DEFAULT_SPINS = 256;
    /** A few scheduler round trips: lets the other side run on a busy machine before we sleep. */
    static final int DEFAULT_YIELDS = 4;
    /**
     * The first futex sleep slice (later ones grow to 5 times this, see
     * {@link WaitPoint#sleepUntil}): a blocked thread notices {@link Thread#interrupt()} within
     * a slice, since the JDK cannot interrupt a thread inside the futex system call.
     */
    static final long DEFAULT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final int spins;
    private final int yields;
    private final long sliceNanos;

    SpinThenBlockStrategy(int spins, int yields, long sliceNanos) {
        if (spins < 0) {
            throw new IllegalArgumentException("spinThenBlock spins=" + spins + " (expected: >= 0)");
        }
        if (yields < 0) {
            throw new IllegalArgumentException("spinThenBlock yields=" + yields + " (expected: >= 0)");
        }
        if (sliceNanos <= 0) {
            throw new IllegalArgumentException("spinThenBlock sleep slice=" + sliceNanos + "ns (expected: > 0)");
        }
        if (!Futex.isAvailable()) {
            throw new UnsupportedOperationException("spinThenBlock needs the futex, which is unavailable ("
                + Futex.unavailableReason().orElse("?") + "); use WaitStrategy.backoff() or defaultStrategy()");
        }
        this.spins = spins;
        this.yields = yields;
        this.sliceNanos = sliceNanos;
    }

    @Override
    public boolean await(WaitPoint point, WaitCondition condition, long deadlineNanos) throws InterruptedException {
        for (int i = 0; i < spins; i++) {
            if (condition.isSatisfied()) {
                return true;
            }
            if (i % BusySpinStrategy.CHECK_EVERY == BusySpinStrategy.CHECK_EVERY - 1
                && !stillWaiting(point, deadlineNanos)) {
                return condition.isSatisfied();
            }
            Thread.onSpinWait();
        }
        for (int i = 0; i < yields; i++) {
            if (condition.isSatisfied()) {
                return true;
            }
            if (!stillWaiting(point, deadlineNanos)) {
                return condition.isSatisfied();
            }
            Thread.yield();
        }
        return point.sleepUntil(condition, deadlineNanos, sliceNanos);
    }

    private static boolean stillWaiting(WaitPoint point, long deadlineNanos) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted while waiting on " + point);
        }
        return Deadlines.remaining(deadlineNanos) > 0;
    }

    @Override
    public String toString() {
        return "spinThenBlock(spins=" + spins + ", yields=" + yields + ")";
    }
}
