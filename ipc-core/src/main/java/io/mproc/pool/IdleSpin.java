package io.mproc.pool;

import io.mproc.wait.Futex;
import io.mproc.wait.WaitCondition;
import io.mproc.wait.WaitStrategy;

/**
 * How the pool's busy parties wait: poll for a while (measured in time, since one spin costs
 * from a few to some tens of nanoseconds depending on the processor), then yield a few times,
 * then sleep on the futex. Tasks of a busy pool follow each other within microseconds; a worker
 * or caller that keeps polling that long never pays for a wake-up, which costs more than the
 * whole round trip (tens of microseconds on a virtual machine).
 */
final class IdleSpin {
    private final long spinNanos;
    private final WaitStrategy sleeping;

    /**
     * @param spinNanos how long to poll before yielding
     * @param yields    yields before sleeping
     */
    IdleSpin(long spinNanos, int yields) {
        this.spinNanos = spinNanos;
        this.sleeping = Futex.isAvailable() ? WaitStrategy.spinThenBlock(0, yields) : WaitStrategy.backoff();
    }

    long spinNanos() {
        return spinNanos;
    }

    /** Polls {@code condition} for at most the spin time; returns whether it holds. */
    boolean spin(WaitCondition condition) {
        long started = System.nanoTime();
        for (int round = 1; !condition.isSatisfied(); round++) {
            if ((round & 63) == 0 && System.nanoTime() - started > spinNanos) {
                return condition.isSatisfied();
            }
            Thread.onSpinWait();
        }
        return true;
    }

    /**
     * Waits until {@code condition} holds or the deadline passes: polls, then yields, then
     * sleeps on {@code point}, which the side that makes the condition true signals.
     */
    boolean await(io.mproc.wait.WaitPoint point, WaitCondition condition, long deadlineNanos)
        throws InterruptedException {
        return spin(condition) || sleeping.await(point, condition, deadlineNanos);
    }
}
