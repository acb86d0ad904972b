package io.mproc.queue;

import io.mproc.codec.Codec;
import io.mproc.codec.CodecException;
import io.mproc.wait.WaitStrategy;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The put side of one {@link SharedQueue} handle, shared by its threads: checks and sizes an
 * element before any ring space is claimed, encodes it straight into its claim (aborting the
 * claim if the codec fails there), and keeps a {@link JoinableQueue}'s unfinished-task count in
 * step: raised before an element can become visible, lowered again when a put or a claim gives
 * up. The zero-copy claims of {@link SharedQueue#tryClaim} and {@link SharedQueue#claim} go
 * through here too, for the same count.
 */
final class PutSide<E> {
    private final String name;
    private final QueueRing ring;
    private final QueueState state;
    private final Codec<E> codec;
    private final QueueWaiter waiter;
    private final int maxMessageBytes;
    private final boolean joinable;

    PutSide(String name, QueueRing ring, QueueState state, Codec<E> codec, QueueWaiter waiter) {
        this.name = name;
        this.ring = ring;
        this.state = state;
        this.codec = codec;
        this.waiter = waiter;
        this.maxMessageBytes = state.maxMessageBytes();
        this.joinable = state.joinable();
    }

    /** {@link SharedQueue#offer(Object)}. */
    boolean offer(E element) {
        int length = prepare(element);
        countPut();
        long index = ring.tryClaim(length);
        if (index < 0) {
            uncountPut();
            return false;
        }
        write(element, index);
        return true;
    }

    /** {@link SharedQueue#offer(Object, long, TimeUnit)}. */
    boolean offer(E element, long timeout, TimeUnit unit) throws InterruptedException {
        int length = prepare(element);
        countPut();
        // The clock is read only if there is no room at once: most puts never wait.
        long index = ring.tryClaim(length);
        if (index < 0 && (index = claimBefore(length, WaitStrategy.deadlineAfter(timeout, unit))) < 0) {
            return false;
        }
        write(element, index);
        return true;
    }

    /** {@link SharedQueue#tryClaim}. */
    long tryClaim(int length) {
        state.requireOpen();
        checkLength(length);
        countPut();
        long index = ring.tryClaim(length);
        if (index < 0) {
            uncountPut();
            return -1;
        }
        return index;
    }

    /** {@link SharedQueue#claim}. */
    long claim(int length) throws InterruptedException {
        state.requireOpen();
        checkLength(length);
        countPut();
        return claimBefore(length, WaitStrategy.FOREVER);
    }

    /** Gives up a claimed message: nobody sees it, and it no longer counts as put. */
    void abort(long index) {
        ring.abort(index);
        uncountPut();
    }

    /** Claims ring space, waiting until the deadline; undoes the put's count when it gives up. */
    private long claimBefore(int length, long deadline) throws InterruptedException {
        boolean claimed = false;
        try {
            long index = waiter.claimBefore(length, deadline);
            claimed = index >= 0;
            return index;
        } finally {
            if (!claimed) {
                uncountPut();
            }
        }
    }

    /** Checks the queue and the element and encodes what can fail, before anything is claimed. */
    private int prepare(E element) {
        Objects.requireNonNull(element, "element");
        state.requireOpen();
        int length;
        try {
            length = codec.encodedLength(element);
        } catch (CodecException failed) {
            throw new CodecException("queue " + name + ": " + failed.getMessage(), failed);
        }
        if (length > maxMessageBytes) {
            throw new IllegalArgumentException("queue " + name + ": an element of class " + element.getClass().getName()
                + " encodes to " + length + " bytes (expected: at most maxMessageBytes=" + maxMessageBytes + ")");
        }
        return length;
    }

    private void write(E element, long index) {
        try {
            codec.encode(element, ring.buffer(), index);
        } catch (CodecException failed) {
            abort(index);
            throw new CodecException("queue " + name + ": " + failed.getMessage(), failed);
        } catch (RuntimeException | Error failed) {
            abort(index);
            throw failed;
        }
        ring.commit(index);
    }

    private void countPut() {
        if (joinable) {
            // Before the element is visible: a consumer's taskDone must find it counted.
            state.addUnfinished();
        }
    }

    private void uncountPut() {
        if (joinable) {
            state.removeUnfinished("an undone put");
        }
    }

    private void checkLength(int length) {
        if (length < 0 || length > maxMessageBytes) {
            throw new IllegalArgumentException("queue " + name + ": length=" + length
                + " (expected: 0 to maxMessageBytes=" + maxMessageBytes + ")");
        }
    }
}
