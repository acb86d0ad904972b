package io.mproc.wait;

import io.mproc.memory.OrderedAccess;
import java.lang.foreign.MemorySegment;

/**
 * A place in shared memory where processes sleep until another process signals: a futex
 * sequence word and a count of sleepers ({@link WaitPointLayout}).
 *
 * <p>Protocol (no lost wake-ups): a waiter reads the sequence, registers in the waiter count
 * (a read-modify-write, so a full fence), re-checks its condition, and only then sleeps on the
 * futex while the sequence is unchanged. A signaller publishes its change with a release
 * store, orders it before its read of the waiter count, and, only if the count is non-zero,
 * advances the sequence and wakes. The store-load barrier both sides need is made cheap for the
 * signaller by {@link AsymmetricFence}: the waiter pays for it (a {@code membarrier} call) once
 * per wait, the signaller pays only compiler ordering per commit. By those barriers, either the waiter sees the change, or the
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

    /**
     * Wakes every sleeper, if there are any. Call after publishing the change with a release
     * store. Costs a fence and a read when nobody sleeps, plus a system call when someone does.
     */
    public void signalAll() {
        signal(Integer.MAX_VALUE);
    }

    /**
     * Wakes at most one sleeper, if there are any. Call after publishing the change with a
     * release store. Use it only when any single waiter can consume the change (the others
     * then keep sleeping); otherwise use {@link #signalAll()}.
     */
    public void signalOne() {
        signal(1);
    }

    /**
     * How many processes or threads are registered as sleeping (a snapshot). One too many per
     * process killed while asleep.
     */
    public int waiters() {
        // Acquire: a snapshot for monitoring and tests; nothing is published through it.
        return OrderedAccess.getIntAcquire(segment, offset + WaitPointLayout.WAITERS_OFFSET);
    }

    private void signal(int count) {
        // Store-load ordering: the caller's (release-)published change must be visible before
        // we read the waiter count, else we and a waiter can each miss the other. Compiler
        // ordering only, where sleepers force the barrier on us (see AsymmetricFence).
        AsymmetricFence.light();
        // Acquire (after the fence): a waiter registered before our change was visible is seen here.
        if (OrderedAccess.getIntAcquire(segment, offset + WaitPointLayout.WAITERS_OFFSET) == 0) {
            return;
        }
        // Read-modify-write: a sleeper that read the old sequence then fails its futex compare
        // (or is woken below), and one that acquires the new sequence also sees the change.
        OrderedAccess.getAndAddInt(segment, offset + WaitPointLayout.SEQUENCE_OFFSET, 1);
        if (Futex.isAvailable()) {
            Futex.wake(segment, offset + WaitPointLayout.SEQUENCE_OFFSET, count);
        }
    }

    /** How far the sleep slice of a long wait grows: 5 × 20 ms by default. */
    static final int MAX_SLICE_FACTOR = 5;

    /**
     * The blocking half of the protocol, without spinning: registers as a waiter, then sleeps
     * on the futex until {@code condition} holds or the deadline passes, waking now and then to
     * notice {@link Thread#interrupt()} (a thread blocked in the futex system call gets no
     * signal from it): after {@code sliceNanos} at first, then after slices that double up to
     * {@link #MAX_SLICE_FACTOR} times that, so that a thread idle for long wakes a few times a
     * second, not fifty (each wake costs CPU, most while the path is not yet compiled). The
     * registration is undone on every exit.
     *
     * @return true if the condition holds, false if the deadline passed first
     */
    boolean sleepUntil(WaitCondition condition, long deadlineNanos, long sliceNanos) throws InterruptedException {
        long sequenceOffset = offset + WaitPointLayout.SEQUENCE_OFFSET;
        long waitersOffset = offset + WaitPointLayout.WAITERS_OFFSET;
        long slice = sliceNanos;
        long maxSlice = sliceNanos * MAX_SLICE_FACTOR;
        // Read-modify-write (a full fence): the registration is visible before we re-read the
        // condition, so a signaller that published after our last look sees us and wakes us.
        OrderedAccess.getAndAddInt(segment, waitersOffset, 1);
        // ... and every signaller's publish-then-read is ordered around a full barrier too.
        AsymmetricFence.heavy();
        try {
            while (true) {
                // Acquire, before the condition: if a signaller's advance is already in this
                // value, so is its change; if not, the futex compare below fails or we are woken.
                int sequence = OrderedAccess.getIntAcquire(segment, sequenceOffset);
                if (condition.isSatisfied()) {
                    return true;
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted while waiting on " + this);
                }
                long remaining = Deadlines.remaining(deadlineNanos);
                if (remaining <= 0) {
                    return false;
                }
                // WOKEN, VALUE_CHANGED, TIMED_OUT (of a slice), INTERRUPTED (a signal handler):
                // all mean "look again"; the loop re-checks condition, interrupt and deadline.
                if (Futex.await(segment, sequenceOffset, sequence, Math.min(remaining, slice)) == Futex.Outcome.TIMED_OUT) {
                    slice = Math.min(slice * 2, maxSlice);
                }
            }
        } finally {
            // Read-modify-write: deregister whether we return, time out or throw.
            OrderedAccess.getAndAddInt(segment, waitersOffset, -1);
        }
    }

    @Override
    public String toString() {
        return "WaitPoint[offset " + offset + " of " + segment + "]";
    }
}
