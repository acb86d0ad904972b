package io.mproc.sync;

import io.mproc.wait.WaitCondition;
import io.mproc.wait.WaitPoint;
import io.mproc.wait.WaitStrategy;
import java.util.concurrent.TimeUnit;

/**
 * Deadlines and the bounded waits of the sync objects: every blocking wait ends at least every
 * {@link #LIVENESS_SLICE_NANOS} so that the waiter can look for a process that died holding
 * what it waits for (a dead lock owner, a dead barrier party, ...). A strategy wakes its own
 * sleepers more often still (to notice interrupts); the slice only bounds how long a death
 * goes unnoticed.
 */
final class Waiting {
    private Waiting() {
    }

    /** The longest a waiter goes without checking whether the process it waits for still lives. */
    static final long LIVENESS_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** The deadline {@code time unit} from now ({@link WaitStrategy#FOREVER} if too far to express). */
    static long deadlineAfter(long time, TimeUnit unit) {
        return WaitStrategy.deadlineAfter(time, unit);
    }

    /** The deadline {@code nanos} from now. */
    static long deadlineAfterNanos(long nanos) {
        return WaitStrategy.deadlineAfter(nanos, TimeUnit.NANOSECONDS);
    }

    /** Nanoseconds left until {@code deadline}; {@link Long#MAX_VALUE} for {@link WaitStrategy#FOREVER}. */
    static long remaining(long deadline) {
        return deadline == WaitStrategy.FOREVER ? Long.MAX_VALUE : deadline - System.nanoTime();
    }

    /**
     * Waits until {@code condition} holds, the deadline passes, or one liveness slice ends,
     * whichever is first. Returns whether the condition holds; the caller then checks its
     * deadline and for dead processes, and waits again.
     */
    static boolean awaitSlice(WaitStrategy strategy, WaitPoint point, WaitCondition condition, long deadline)
        throws InterruptedException {
        long sliceEnd = System.nanoTime() + LIVENESS_SLICE_NANOS;
        long until = remaining(deadline) < LIVENESS_SLICE_NANOS ? deadline : sliceEnd;
        return strategy.await(point, condition, until);
    }
}
