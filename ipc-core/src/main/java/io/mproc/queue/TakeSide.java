package io.mproc.queue;

import io.mproc.wait.WaitStrategy;
import io.mproc.ring.MessageHandler;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The take side of one {@link SharedQueue} handle, shared by its threads: the polls that decode
 * an element with the calling thread's {@link Taker} (at once, or waiting through the
 * {@link QueueWaiter}), the in-place polls that hand a message to the caller's reader instead,
 * and the drains. Every call first checks that the queue is open. Looks without taking
 * ({@code peek}, iteration) are not offered ({@link #unsupported}).
 */
final class TakeSide<E> {
    private final String name;
    private final QueueRing ring;
    private final QueueState state;
    private final ThreadLocal<Taker<E>> takers;
    private final QueueWaiter waiter;

    TakeSide(String name, QueueRing ring, QueueState state, ThreadLocal<Taker<E>> takers, QueueWaiter waiter) {
        this.name = name;
        this.ring = ring;
        this.state = state;
        this.takers = takers;
        this.waiter = waiter;
    }

    /** {@link SharedQueue#poll()}. */
    E poll() {
        state.requireOpen();
        Taker<E> taker = takers.get();
        return ring.poll(taker) ? taker.result(name) : null;
    }

    /** {@link SharedQueue#poll(long, TimeUnit)}. */
    E poll(long timeout, TimeUnit unit) throws InterruptedException {
        // The clock is read only if nothing is there at once.
        E element = poll();
        return element != null ? element : pollBefore(WaitStrategy.deadlineAfter(timeout, unit));
    }

    /** Takes the next element, waiting for one until the deadline; null if none came in time. */
    E pollBefore(long deadline) throws InterruptedException {
        state.requireOpen();
        Taker<E> taker = takers.get();
        return waiter.pollBefore(taker, deadline) ? taker.result(name) : null;
    }

    /** {@link SharedQueue#drainTo(Collection, int)}, once the target is checked. */
    int drainTo(Collection<? super E> target, int maxElements) {
        int drained = 0;
        E element;
        while (drained < maxElements && (element = poll()) != null) {
            target.add(element);
            drained++;
        }
        return drained;
    }

    /** {@link SharedQueue#clear()}. */
    void clear() {
        state.requireOpen();
        while (ring.drain((type, buffer, offset, length) -> { }, Integer.MAX_VALUE) > 0) {
            // discard until empty
        }
    }

    /** {@link SharedQueue#pollInPlace(SharedQueue.InPlaceReader)}. */
    boolean pollInPlace(MessageHandler reader) {
        Objects.requireNonNull(reader, "reader");
        state.requireOpen();
        return ring.poll(reader);
    }

    /** Hands the next message to {@code reader} in place, waiting for one until the deadline; false if none came. */
    boolean pollInPlaceBefore(MessageHandler reader, long deadline) throws InterruptedException {
        Objects.requireNonNull(reader, "reader");
        state.requireOpen();
        return waiter.pollBefore(reader, deadline);
    }

    /** What a look at elements without taking them throws: see the queue's class comment ("Snapshots"). */
    static UnsupportedOperationException unsupported(String queue, String what) {
        return new UnsupportedOperationException("queue " + queue + ": " + what + " is not supported across processes"
            + " (a look without taking would be stale at once); use poll, take or drainTo");
    }
}
