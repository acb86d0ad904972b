package io.mproc.sync;

import static io.mproc.sync.BarrierLayout.BROKEN;
import static io.mproc.sync.BarrierLayout.LAST_BROKEN;
import static io.mproc.sync.BarrierLayout.STATE_OFFSET;
import static io.mproc.sync.BarrierLayout.WAITING_OFFSET;
import static io.mproc.sync.BarrierLayout.arrived;
import static io.mproc.sync.BarrierLayout.generation;
import static io.mproc.sync.BarrierLayout.historyOffset;

import io.mproc.memory.OrderedAccess;
import io.mproc.wait.WaitPoint;
import java.lang.foreign.MemorySegment;

/**
 * The state transitions of a {@link BarrierLayout}: arrive, end a generation (trip or reset),
 * break it, tell a waiter how its generation ended, and break it for a dead party.
 */
final class BarrierCycle {
    /** How a waiter's generation stands. */
    enum Outcome { RUNNING, PASSED, BROKEN }

    private final MemorySegment body;
    private final WaitPoint point;
    private final ProcessSlots processes;
    private final int parties;

    BarrierCycle(MemorySegment body, String description) {
        this.body = body;
        this.parties = BarrierLayout.parties(body, description);
        this.point = new WaitPoint(body, BarrierLayout.WAIT_POINT_OFFSET);
        this.processes = new ProcessSlots(body, BarrierLayout.FIRST_SLOT_OFFSET, BarrierLayout.SLOT_STRIDE,
            BarrierLayout.slots(body), description);
    }

    int parties() {
        return parties;
    }

    WaitPoint point() {
        return point;
    }

    /** The state word (acquire: pairs with the ender's release store of a new generation). */
    long state() {
        return OrderedAccess.getLongAcquire(body, STATE_OFFSET);
    }

    int slotOfThisProcess() {
        return processes.slotOfThisProcess(() -> rescueDead(-1));
    }

    /** {@link #arrive} result: the generation is broken. */
    static final long BROKEN_ARRIVAL = -1;
    /** {@link #arrive} result: the generation is complete and its action runs; wait for the next. */
    static final long FULL = -2;

    /**
     * Arrives in the current generation: returns the generation in the high half and the
     * arrival index in the low half, {@link #BROKEN_ARRIVAL}, or {@link #FULL} while the last
     * party of the current generation runs the action (the caller waits for the state to change).
     */
    long arrive(int slot) {
        while (true) {
            long state = state();
            if ((state & BROKEN) != 0) {
                return BROKEN_ARRIVAL;
            }
            int generation = generation(state);
            int index = arrived(state);
            if (index >= parties) {
                return FULL;
            }
            enter(slot, generation);
            // CAS (volatile): the arrival; fails if anyone arrived, broke or ended meanwhile.
            long arrived = BarrierLayout.state(generation, index + 1, state & LAST_BROKEN);
            if (OrderedAccess.compareAndSetLong(body, STATE_OFFSET, state, arrived)) {
                return ((long) generation << 32) | index;
            }
            leave(slot, generation);
        }
    }

    /** How {@code generation} stands for a thread that arrived in it. */
    Outcome outcome(int generation) {
        long state = state();
        if (generation(state) == generation) {
            return (state & BROKEN) != 0 ? Outcome.BROKEN : Outcome.RUNNING;
        }
        if (generation(state) == generation + 1) {
            return (state & LAST_BROKEN) != 0 ? Outcome.BROKEN : Outcome.PASSED;
        }
        // Acquire: pairs with the ender's release store of the entry, made just after its CAS.
        long ended = OrderedAccess.getLongAcquire(body, historyOffset(generation));
        if (ended == BarrierLayout.ended(generation, false)) {
            return Outcome.PASSED;
        }
        // Reset under us, or unknown (an ender between its CAS and the entry, or 8 generations
        // late): broken is the safe answer.
        return Outcome.BROKEN;
    }

    /** Ends {@code generation} as passed if it is still whole; false if it was broken or reset first. */
    boolean trip(int generation) {
        while (true) {
            long state = state();
            if (generation(state) != generation || (state & BROKEN) != 0) {
                return false;
            }
            // CAS (volatile): the end of the generation; fails only if it was broken meanwhile.
            if (OrderedAccess.compareAndSetLong(body, STATE_OFFSET, state, BarrierLayout.next(generation, false))) {
                ended(generation, false);
                return true;
            }
        }
    }

    /** Breaks the current generation and starts a fresh one (Python's {@code reset()}). */
    void reset() {
        while (true) {
            long state = state();
            int generation = generation(state);
            // CAS (volatile): one step from any state of this generation to the next.
            if (OrderedAccess.compareAndSetLong(body, STATE_OFFSET, state, BarrierLayout.next(generation, true))) {
                ended(generation, true);
                return;
            }
        }
    }

    /** Breaks {@code generation} if it is still the current one (any generation if -1). */
    void breakGeneration(int generation) {
        while (true) {
            long state = state();
            if ((generation != -1 && generation(state) != generation) || (state & BROKEN) != 0) {
                return;
            }
            // CAS (volatile): fails if anyone arrived or ended meanwhile; then look again.
            if (OrderedAccess.compareAndSetLong(body, STATE_OFFSET, state, state | BROKEN)) {
                point.signalAll();
                return;
            }
        }
    }

    /**
     * Frees the slots of dead processes; if one of them was in {@code generation}, breaks it.
     * Returns true if it broke it.
     */
    boolean rescueDead(int generation) {
        boolean broke = false;
        for (int index = 0; index < processes.count(); index++) {
            if (!processes.takeOverIfDead(index)) {
                continue;
            }
            long offset = processes.offset(index) + WAITING_OFFSET;
            // Volatile: the dead process's last CAS on it.
            long waiting = OrderedAccess.getLongVolatile(body, offset);
            if (generation != -1 && (int) (waiting >>> 32) == generation && (int) waiting > 0) {
                breakGeneration(generation);
                broke = true;
            }
            OrderedAccess.setLongVolatile(body, offset, 0);
            processes.free(index);
        }
        return broke;
    }

    /** Records in the process's slot that one more of its threads is in {@code generation}. */
    void enter(int slot, int generation) {
        long offset = processes.offset(slot) + WAITING_OFFSET;
        while (true) {
            long waiting = OrderedAccess.getLongVolatile(body, offset);
            int count = (int) (waiting >>> 32) == generation ? (int) waiting + 1 : 1;
            // CAS (volatile): threads of this process race on their slot.
            if (OrderedAccess.compareAndSetLong(body, offset, waiting, ((long) generation << 32) | count)) {
                return;
            }
        }
    }

    /** Undoes {@link #enter} (nothing if the slot has moved on to a later generation). */
    void leave(int slot, int generation) {
        long offset = processes.offset(slot) + WAITING_OFFSET;
        while (true) {
            long waiting = OrderedAccess.getLongVolatile(body, offset);
            if ((int) (waiting >>> 32) != generation || (int) waiting <= 0) {
                return;
            }
            if (OrderedAccess.compareAndSetLong(body, offset, waiting, waiting - 1)) {
                return;
            }
        }
    }

    /** After the CAS that ended {@code generation}: the history entry, then the wake-up. */
    private void ended(int generation, boolean broken) {
        // Release: for waiters more than one generation late (the state word tells the others).
        OrderedAccess.setLongRelease(body, historyOffset(generation), BarrierLayout.ended(generation, broken));
        point.signalAll();
    }
}
