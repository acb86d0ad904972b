package io.mproc.wait;

import java.lang.foreign.MemorySegment;

/**
 * A place in shared memory where processes sleep until another process signals: a futex
 * sequence word and a count of sleepers ({@link WaitPointLayout}).
 *
 * <p>Protocol (no lost wake-ups): a waiter reads the sequence, registers in the waiter count
 * (a read-modify-write, so a full fence), re-checks its condition, and only then sleeps on the
 * futex while the sequence is unchanged. A signaller publishes its change with a release
 * store, issues a full fence, and, only if the waiter count is non-zero, advances the sequence
 * and wakes. By the store-load fences on both sides, either the waiter sees the change, or the
 * signaller sees the waiter, and a sequence advanced before the waiter sleeps makes the futex
 * return at once.
 *
 * <p>A process killed while asleep leaves the waiter count one too high: signallers then make
 * a wake system call that wakes no-one (slower, never wrong).
 */
public final class WaitPoint {
    private final MemorySegment segment;
    private final long offset;

    /** A view of the wait point at {@code offset} (8-byte aligned) in {@code segment}. */
    public WaitPoint(MemorySegment segment, long offset) {
        if ((offset & 7) != 0 || offset < 0 || offset + WaitPointLayout.LENGTH > segment.byteSize()) {
            throw new IllegalArgumentException("wait point offset=" + offset
                + " (expected: 8-byte aligned and within a segment of " + segment.byteSize() + " bytes)");
        }
        this.segment = segment;
        this.offset = offset;
    }

    public MemorySegment segment() {
        return segment;
    }

    public long offset() {
        return offset;
    }

    /** Wakes every sleeper if there are any. Call after publishing the change with a release store. */
    public void signalAll() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Wakes at most one sleeper if there are any. Call after publishing the change with a release store. */
    public void signalOne() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** How many processes or threads are registered as sleeping (a snapshot). */
    public int waiters() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
