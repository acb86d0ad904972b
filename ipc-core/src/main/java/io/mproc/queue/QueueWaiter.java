package io.mproc.queue;

import io.mproc.ring.MessageHandler;
import io.mproc.wait.WaitCondition;
import io.mproc.wait.WaitPoint;
import io.mproc.wait.WaitStrategy;
import java.util.concurrent.TimeUnit;

/**
 * How the blocking calls of one {@link SharedQueue} handle wait: for room, for an element or
 * (a {@link JoinableQueue}'s {@code join}) for the task count, in slices of at most the ring's
 * {@link QueueRing#recheckNanos()}, until a deadline ({@link WaitStrategy#FOREVER} or a
 * {@link System#nanoTime()} value from {@link WaitStrategy#deadlineAfter(long, TimeUnit)}). After every slice a closed queue
 * throws. Deadlines are computed only once a call has found it must wait, so most calls never
 * read the clock.
 */
final class QueueWaiter {
    private final QueueRing ring;
    private final QueueState state;
    private final WaitStrategy waitStrategy;
    /** Each thread's {@link Taker}, which also keeps the thread's recheck slice. */
    private final ThreadLocal<? extends Taker<?>> takers;
    private final WaitCondition roomOrClosed;
    private final WaitCondition elementOrClosed;

    QueueWaiter(QueueRing ring, QueueState state, WaitStrategy waitStrategy, ThreadLocal<? extends Taker<?>> takers) {
        this.ring = ring;
        this.state = state;
        this.waitStrategy = waitStrategy;
        this.takers = takers;
        this.roomOrClosed = () -> !ring.isFull() || state.isClosed();
        this.elementOrClosed = () -> !ring.isEmpty() || state.isClosed();
    }

    /** Claims ring space for {@code length} bytes, waiting for room until the deadline; -1 if none came. */
    long claimBefore(int length, long deadline) throws InterruptedException {
        long index;
        while ((index = ring.tryClaim(length)) < 0) {
            if (!await(ring.notFull(), roomOrClosed, deadline)) {
                return -1;
            }
        }
        return index;
    }

    /** Hands the next element to {@code handler}, waiting for one until the deadline; false if none came. */
    boolean pollBefore(MessageHandler handler, long deadline) throws InterruptedException {
        while (!ring.poll(handler)) {
            if (!await(ring.notEmpty(), elementOrClosed, deadline)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Waits on {@code point} for {@code condition}, at most until {@code deadline} and never
     * longer than the ring's {@link QueueRing#recheckNanos()} at once. Returns false once the deadline has passed;
     * throws if the queue was closed.
     *
     * <p>An untimed wait ({@link WaitStrategy#FOREVER}) reads no clock: it waits until the end
     * of this thread's current recheck slice, kept from earlier waits, and starts the next slice
     * only when that one has passed. A clock read costs tens of nanoseconds on a loaded VM, more
     * than the busy-spin hand-off the wait is for.
     */
    boolean await(WaitPoint point, WaitCondition condition, long deadline) throws InterruptedException {
        if (deadline == WaitStrategy.FOREVER) {
            Taker<?> me = takers.get();
            if (!waitStrategy.await(point, condition, me.recheckAt)) {
                me.recheckAt = System.nanoTime() + ring.recheckNanos();
            }
            state.requireOpen();
            return true;
        }
        long now = System.nanoTime();
        if (deadline - now <= 0) {
            return false;
        }
        long recheck = ring.recheckNanos();
        long slice = deadline - now > recheck ? now + recheck : deadline;
        waitStrategy.await(point, condition, slice);
        state.requireOpen();
        return true;
    }

    /** Wakes every call blocked on this queue, in any process: after a close, so that they throw. */
    void wakeAll() {
        ring.notEmpty().signalAll();
        ring.notFull().signalAll();
        state.allDone().signalAll();
    }
}
