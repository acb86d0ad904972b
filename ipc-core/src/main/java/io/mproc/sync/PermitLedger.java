package io.mproc.sync;

import static io.mproc.sync.SemaphoreLayout.HELD_OFFSET;
import static io.mproc.sync.SemaphoreLayout.PENDING_DELTA_OFFSET;
import static io.mproc.sync.SemaphoreLayout.STATE_OFFSET;
import static io.mproc.sync.SemaphoreLayout.heldCount;
import static io.mproc.sync.SemaphoreLayout.heldSequence;
import static io.mproc.sync.SemaphoreLayout.idle;
import static io.mproc.sync.SemaphoreLayout.pendingSequence;
import static io.mproc.sync.SemaphoreLayout.pendingSlot;
import static io.mproc.sync.SemaphoreLayout.slot;

import io.mproc.memory.OrderedAccess;
import java.lang.foreign.MemorySegment;

/**
 * The permit arithmetic of a {@link SharedSemaphore} over a {@link SemaphoreLayout}: taking and
 * giving permits with the per-process ledger kept exact, and returning the permits of
 * processes that died. Lock-free; see the layout for the two-word protocol.
 *
 * <p>A process has one slot per semaphore ({@link ProcessSlots}). A release by a
 * process lowers its own held count by what it gives back, down to 0; permits released by a
 * process that held none (a semaphore used as a signal) are simply added.
 */
final class PermitLedger {
    private final MemorySegment body;
    private final int slots;
    private final int initial;
    private final boolean bounded;
    private final String description;
    private final ProcessSlots processes;

    PermitLedger(MemorySegment body, String description) {
        this.body = body;
        this.description = description;
        this.slots = SemaphoreLayout.slots(body, description);
        this.processes = new ProcessSlots(body, SemaphoreLayout.FIRST_SLOT_OFFSET, SemaphoreLayout.SLOT_STRIDE, slots,
            description);
        // Plain: set once before publication.
        this.initial = OrderedAccess.getIntPlain(body, SemaphoreLayout.INITIAL_OFFSET);
        this.bounded = OrderedAccess.getIntPlain(body, SemaphoreLayout.BOUNDED_OFFSET) != 0;
    }

    int initial() {
        return initial;
    }

    boolean bounded() {
        return bounded;
    }

    /** Permits available now (volatile: the word every operation CASes). */
    int available() {
        return SemaphoreLayout.available(OrderedAccess.getLongVolatile(body, STATE_OFFSET));
    }

    /** Permits the process owning {@code slot} holds (a snapshot). */
    int held(int slot) {
        return heldCount(OrderedAccess.getLongVolatile(body, slot(slot) + HELD_OFFSET));
    }

    /** The total recovered from dead processes over the semaphore's life. */
    long recovered() {
        return OrderedAccess.getLongAcquire(body, SemaphoreLayout.RECOVERED_OFFSET);
    }

    /** This process's slot, claiming one on first use. */
    int slotOfThisProcess() {
        return processes.slotOfThisProcess(this::rescueDead);
    }

    /** Takes {@code n} permits for {@code slot}'s process if that many are available. */
    boolean tryTake(int slot, int n) {
        beginOperation(slot);
        try {
            return takeAsOperator(slot, n);
        } finally {
            endOperation(slot);
        }
    }

    private boolean takeAsOperator(int slot, int n) {
        while (true) {
            long state = OrderedAccess.getLongVolatile(body, STATE_OFFSET);
            if (pendingSlot(state) >= 0) {
                help(state);
                continue;
            }
            int available = SemaphoreLayout.available(state);
            if (available < n) {
                return false;
            }
            if (commit(slot, state, available - n, n, heldWord(slot))) {
                return true;
            }
        }
    }

    /**
     * Gives back {@code n} permits from {@code slot}'s process.
     *
     * @throws IllegalStateException if a bounded semaphore would exceed its initial permits,
     *                               or the count would overflow
     */
    void give(int slot, int n) {
        beginOperation(slot);
        try {
            giveAsOperator(slot, n);
        } finally {
            endOperation(slot);
        }
    }

    private void giveAsOperator(int slot, int n) {
        while (true) {
            long state = OrderedAccess.getLongVolatile(body, STATE_OFFSET);
            if (pendingSlot(state) >= 0) {
                help(state);
                continue;
            }
            int available = SemaphoreLayout.available(state);
            long after = (long) available + n;
            if (bounded && after > initial) {
                throw new IllegalStateException(description + " released too many times: release(" + n
                    + ") with " + available + " available would exceed its bound of " + initial
                    + " (Python: ValueError)");
            }
            if (after > Integer.MAX_VALUE) {
                throw new IllegalStateException(description + ": release(" + n + ") with " + available
                    + " available overflows the permit count");
            }
            long held = heldWord(slot);
            int heldDelta = -Math.min(n, heldCount(held));
            if (heldDelta == 0) {
                // The process holds none (a semaphore used as a signal): the ledger does not
                // change, so one CAS is the whole operation, with no marker for the taker that
                // is waiting on this word to find and help clear. Our held word cannot change
                // meanwhile: we are our slot's only operator and no marker of ours is pending.
                if (OrderedAccess.compareAndSetLong(body, STATE_OFFSET, state, idle((int) after))) {
                    return;
                }
                continue;
            }
            if (commit(slot, state, (int) after, heldDelta, held)) {
                return;
            }
        }
    }

    /**
     * Returns the permits of every process that died holding some, and frees their slots.
     * Reads {@code /proc} once per slot of another process. Returns how many came back.
     */
    int rescueDead() {
        int total = 0;
        for (int index = 0; index < slots; index++) {
            if (!processes.takeOverIfDead(index)) {
                continue;
            }
            int returned = returnHeld(index);
            if (returned > 0) {
                // Read-modify-write: a statistic any process may update.
                OrderedAccess.getAndAddLong(body, SemaphoreLayout.RECOVERED_OFFSET, returned);
                total += returned;
            }
            // Plain: the dead process's operator, if any, runs no more; published by free().
            OrderedAccess.setIntPlain(body, slot(index) + SemaphoreLayout.OPERATOR_OFFSET, 0);
            processes.free(index);
        }
        return total;
    }

    private int returnHeld(int index) {
        while (true) {
            long state = OrderedAccess.getLongVolatile(body, STATE_OFFSET);
            if (pendingSlot(state) >= 0) {
                help(state);
                continue;
            }
            long held = heldWord(index);
            int count = heldCount(held);
            if (count == 0) {
                return 0;
            }
            int available = SemaphoreLayout.available(state);
            int after = (int) Math.min((long) available + count, bounded ? initial : Integer.MAX_VALUE);
            if (commit(index, state, after, -count, held)) {
                return after - available;
            }
        }
    }

    /** Makes the calling thread its process's only operator on {@code slot} (see the layout). */
    private void beginOperation(int slot) {
        long offset = slot(slot) + SemaphoreLayout.OPERATOR_OFFSET;
        int me = OwnerIdentity.threadNumber();
        // CAS (volatile): taken only by threads of this process, for a few CASes; spin, then yield.
        for (int spins = 1; !OrderedAccess.compareAndSetInt(body, offset, 0, me); spins++) {
            if (spins % 64 == 0) {
                Thread.yield();
            } else {
                Thread.onSpinWait();
            }
        }
    }

    private void endOperation(int slot) {
        // Release: our slot writes are done before another thread of ours starts its operation.
        OrderedAccess.setIntRelease(body, slot(slot) + SemaphoreLayout.OPERATOR_OFFSET, 0);
    }

    private long heldWord(int slot) {
        // Volatile: changed by CAS only, by the slot's process or a helper completing its operation.
        return OrderedAccess.getLongVolatile(body, slot(slot) + HELD_OFFSET);
    }

    /** One operation: install it in the state word with a marker, apply it to the ledger, clear the marker. */
    private boolean commit(int slot, long state, int newAvailable, int heldDelta, long held) {
        // Plain: published by the CAS below, which helpers acquire before reading it.
        OrderedAccess.setIntPlain(body, slot(slot) + PENDING_DELTA_OFFSET, heldDelta);
        long marked = SemaphoreLayout.state(newAvailable, slot, heldSequence(held) + 1);
        // CAS (volatile): the commit point; fails if anyone changed the state since we read it.
        if (!OrderedAccess.compareAndSetLong(body, STATE_OFFSET, state, marked)) {
            return false;
        }
        // CAS: fails only if a helper applied the delta first.
        OrderedAccess.compareAndSetLong(body, slot(slot) + HELD_OFFSET, held,
            SemaphoreLayout.held(heldCount(held) + heldDelta, heldSequence(held) + 1));
        // CAS: fails only if a helper cleared the marker first.
        OrderedAccess.compareAndSetLong(body, STATE_OFFSET, marked, idle(newAvailable));
        return true;
    }

    /** Completes the operation marked in {@code state} (whoever started it, alive or dead). */
    void help(long state) {
        int slot = pendingSlot(state);
        long held = heldWord(slot);
        // Apply only if the held word is exactly one step behind the marker. Equal means it was
        // applied; anything else means our marker is stale (the slot has moved on, and the delta
        // field may already belong to its next operation, which may never commit).
        if (((heldSequence(held) + 1) & 0xFFFF) == pendingSequence(state)) {
            // Acquire: the marker's CAS published the delta; while the held word is one behind,
            // the marker is still installed, so the delta is this operation's.
            int delta = OrderedAccess.getIntAcquire(body, slot(slot) + PENDING_DELTA_OFFSET);
            OrderedAccess.compareAndSetLong(body, slot(slot) + HELD_OFFSET, held,
                SemaphoreLayout.held(heldCount(held) + delta, heldSequence(held) + 1));
        }
        OrderedAccess.compareAndSetLong(body, STATE_OFFSET, state, idle(SemaphoreLayout.available(state)));
    }
}
