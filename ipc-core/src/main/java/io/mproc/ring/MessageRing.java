package io.mproc.ring;

import io.mproc.memory.Region;
import io.mproc.wait.WaitPoint;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A ring buffer of variable-length messages in a shared-memory region, written and read by
 * any processes that attach it. The threading contract is in the implementing type's name
 * ({@code Spsc}, {@code Mpsc}, {@code Mpmc}): how many threads, across all processes, may
 * produce and consume at once.
 *
 * <p>Each message carries an {@code int type} chosen by the producer ({@code >= 0}; negative
 * types are reserved for the ring's own records) and up to {@link #maxMessageLength()} bytes;
 * a longer message is refused with {@link IllegalArgumentException}. Back-pressure is a return
 * value: {@code offer} returns false and {@code tryClaim} returns {@link #INSUFFICIENT_CAPACITY}
 * when the ring is full. None of the methods block; to wait, use a
 * {@link io.mproc.wait.WaitStrategy} on {@link #notEmpty()} or {@link #notFull()}, which the
 * ring signals after every commit and whenever consumed space becomes free again (for
 * {@link SpscRing}, one drain late: see its class comment).
 *
 * <p>Zero-copy writing: {@link #tryClaim(int, int)} reserves space and returns its index in
 * {@link #buffer()}; write the message there, then {@link #commit(long)} (or
 * {@link #abort(long)}, which turns it into a record consumers skip).
 */
public interface MessageRing extends AutoCloseable {
    /** {@link #tryClaim} result: not enough free space now. */
    long INSUFFICIENT_CAPACITY = -2;

    /** The largest message, in bytes, this ring accepts. */
    int maxMessageLength();

    /** The ring's capacity: bytes for byte rings, messages for slot rings (see the type). */
    long capacity();

    /** Copies a message in. Returns false, writing nothing, when the ring is full. */
    default boolean offer(int type, MemorySegment source, long offset, int length) {
        long index = tryClaim(type, length);
        if (index < 0) {
            return false;
        }
        MemorySegment.copy(source, offset, buffer(), index, length);
        commit(index);
        return true;
    }

    /** Copies a message in. Returns false, writing nothing, when the ring is full. */
    default boolean offer(int type, byte[] source, int offset, int length) {
        long index = tryClaim(type, length);
        if (index < 0) {
            return false;
        }
        MemorySegment.copy(source, offset, buffer(), ValueLayout.JAVA_BYTE, index, length);
        commit(index);
        return true;
    }

    /**
     * Reserves {@code length} bytes for a message; returns the index in {@link #buffer()} at which
     * to write it, or {@link #INSUFFICIENT_CAPACITY}. Every successful claim must be followed by
     * exactly one {@link #commit} or {@link #abort} of the returned index, by the same thread.
     */
    long tryClaim(int type, int length);

    /** Makes a claimed message visible to consumers. */
    void commit(long index);

    /** Gives up a claim: consumers skip it. */
    void abort(long index);

    /** The mapped memory that claim indexes and handler offsets refer to. */
    MemorySegment buffer();

    /** Hands the next message, if any, to {@code handler}; returns whether there was one. */
    default boolean poll(MessageHandler handler) {
        return drain(handler, 1) == 1;
    }

    /** Hands up to {@code limit} messages to {@code handler}; returns how many. */
    int drain(MessageHandler handler, int limit);

    /** Whether no committed message waits (a snapshot; may change at once). */
    boolean isEmpty();

    /** Signalled after each commit: consumers wait here for messages. */
    WaitPoint notEmpty();

    /** Signalled whenever consumed space becomes free: producers wait here for space. */
    WaitPoint notFull();

    /** The region the ring lives in. */
    Region region();

    /** Unmaps the ring in this process (the region is unlinked by its namespace). */
    @Override
    void close();
}
