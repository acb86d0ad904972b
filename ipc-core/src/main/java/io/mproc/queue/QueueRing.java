package io.mproc.queue;

import io.mproc.ring.MessageHandler;
import io.mproc.ring.MessageRing;
import io.mproc.wait.WaitPoint;
import java.lang.foreign.MemorySegment;

/**
 * The ring under a {@link SharedQueue}, as the queue uses it: claims of one element's bytes,
 * in-place reads, and the element counts that {@code maxSize} is about. One subclass per
 * {@link QueueShape}. Handlers see a non-negative message type: {@link #ELEMENT}, or in a
 * {@link QueueShape#ONE_TO_ONE} queue the element's number ({@link SpscQueueRing}).
 */
abstract class QueueRing {
    /** The ring message type of an element. */
    static final int ELEMENT = 0;

    private final MessageRing ring;

    QueueRing(MessageRing ring) {
        this.ring = ring;
    }

    /** Room for one element of {@code length} bytes: its index in {@link #buffer()}, or -1 when the queue is full. */
    abstract long tryClaim(int length);

    /** Publishes the claimed element. */
    abstract void commit(long index);

    /** Gives the claim up: no consumer sees it. */
    void abort(long index) {
        ring.abort(index);
    }

    /** Hands the next element, if there is one, to {@code handler}; returns whether there was one. */
    boolean poll(MessageHandler handler) {
        return drain(handler, 1) == 1;
    }

    /** Hands up to {@code limit} elements to {@code handler}; returns how many. */
    abstract int drain(MessageHandler handler, int limit);

    /** Whether a put would find no room now (a snapshot). */
    abstract boolean isFull();

    /**
     * How long a blocked call may wait before it looks at the ring again itself, whatever the
     * signals say: what it takes to step over a claim that a killed process left behind.
     */
    abstract long recheckNanos();

    /** Elements in the queue, 0 to {@code maxSize} (a snapshot). */
    abstract int size();

    /** The mapped memory that claim indexes and handler offsets refer to. */
    final MemorySegment buffer() {
        return ring.buffer();
    }

    /** Whether no published element waits (a snapshot). */
    final boolean isEmpty() {
        return ring.isEmpty();
    }

    /** Signalled after each publish. */
    final WaitPoint notEmpty() {
        return ring.notEmpty();
    }

    /** Signalled after each take. */
    final WaitPoint notFull() {
        return ring.notFull();
    }
}
