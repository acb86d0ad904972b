package io.mproc.sync;

import static io.mproc.sync.BarrierLayout.BROKEN;
import static io.mproc.sync.BarrierLayout.ENDING;
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
            if ((state & ENDING) != 0) {
                Thread.onSpinWait(); // an ender is between two stores; it never waits on anyone
                continue;
            }
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
            if (OrderedAccess.compareAndSetLong(body, STATE_OFFSET, state, BarrierLayout.state(generation, index + 1, 0))) {
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
        // Acquire: the ender wrote the entry before it release-stored the new generation we saw.
        long ended = OrderedAccess.getLongAcquire(body, historyOffset(generation));
        if (ended == BarrierLayout.ended(generation, false)) {
            return Outcome.PASSED;
        }
        // Reset under us, or (a waiter 8 generations late) unknown: broken is the safe answer.
        return Outcome.BROKEN;
    }

    /** Ends {@code generation} as passed if it is still whole; false if it was broken first. */
    boolean trip(int generation) {
        long full = BarrierLayout.state(generation, parties, 0);
        // CAS (volatile): claims the right to end it; fails if it was broken while the action ran.
        if (!OrderedAccess.compareAndSetLong(body, STATE_OFFSET, full, full | ENDING)) {
            return false;
        }
        end(generation, false);
        return true;
    }

    /** Breaks the current generation and starts a fresh one (Python's {@code reset()}). */
    void reset() {
        while (true) {
            long state = state();
            if ((state & ENDING) != 0) {
                Thread.onSpinWait();
                continue;
            }
            if (OrderedAccess.compareAndSetLong(body, STATE_OFFSET, state, state | ENDING)) {
                end(generation(state), true);
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
            if ((state & ENDING) != 0) {
                Thread.onSpinWait();
                continue;
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

    private void end(int generation, boolean broken) {
        // Release: the history entry is visible to whoever acquires the next generation below.
        OrderedAccess.setLongRelease(body, historyOffset(generation), BarrierLayout.ended(generation, broken));
        // Release: the new generation, after the history entry (and the action's writes).
        OrderedAccess.setLongRelease(body, STATE_OFFSET, BarrierLayout.state(generation + 1, 0, 0));
        point.signalAll();
    }
}
