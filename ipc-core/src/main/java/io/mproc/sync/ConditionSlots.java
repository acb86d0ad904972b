package io.mproc.sync;

import static io.mproc.sync.ConditionLayout.CLAIMED;
import static io.mproc.sync.ConditionLayout.FREE;
import static io.mproc.sync.ConditionLayout.GENERATION_UNIT;
import static io.mproc.sync.ConditionLayout.NEXT_TICKET_OFFSET;
import static io.mproc.sync.ConditionLayout.OWNER_OFFSET;
import static io.mproc.sync.ConditionLayout.SIGNALLED;
import static io.mproc.sync.ConditionLayout.STATE_MASK;
import static io.mproc.sync.ConditionLayout.STATE_OFFSET;
import static io.mproc.sync.ConditionLayout.THREAD_OFFSET;
import static io.mproc.sync.ConditionLayout.TICKET_OFFSET;
import static io.mproc.sync.ConditionLayout.WAITING;
import static io.mproc.sync.ConditionLayout.WAITING_COUNT_OFFSET;
import static io.mproc.sync.ConditionLayout.slot;

import io.mproc.memory.OrderedAccess;
import io.mproc.wait.WaitPoint;
import java.lang.foreign.MemorySegment;

/**
 * The waiter slots of a {@link ConditionLayout}: claiming one, signalling the oldest waiter,
 * cancelling, and rescuing the slots of processes that died.
 *
 * <p>Signals go to waiters in arrival (ticket) order and wake only the chosen slot's wait point.
 * A waiter that died while {@code WAITING} or {@code SIGNALLED} is found by a live waiter on its
 * next liveness slice (or by a claimer that finds no free slot); its slot is freed and, if it
 * had been signalled, the signal goes to the next waiter: a dead waiter delays a signal by at
 * most a slice, it never swallows it.
 */
final class ConditionSlots {
    private final MemorySegment body;
    private final int capacity;
    private final String description;

    ConditionSlots(MemorySegment body, int capacity, String description) {
        this.body = body;
        this.capacity = capacity;
        this.description = description;
    }

    /** The state word of slot {@code index} (acquire: publishes the owner, thread and ticket). */
    int state(int index) {
        return OrderedAccess.getIntAcquire(body, slot(index) + STATE_OFFSET);
    }

    WaitPoint point(int index) {
        return new WaitPoint(body, slot(index) + ConditionLayout.WAIT_POINT_OFFSET);
    }

    /**
     * Claims a slot for the calling thread and publishes it as waiting; returns the index in
     * the high half and the {@code WAITING} state word in the low half. Called with the lock
     * held, so every signaller that takes the lock after us sees the slot.
     *
     * @throws IllegalStateException if every slot is taken by a live waiter
     */
    long claim() {
        for (int attempt = 0; attempt < 2; attempt++) {
            int start = Math.floorMod(OwnerIdentity.threadNumber(), capacity);
            for (int i = 0; i < capacity; i++) {
                int index = (start + i) % capacity;
                int word = state(index);
                int claimed = nextGeneration(word) | CLAIMED;
                // CAS (volatile): exactly one thread claims a free slot of this generation.
                if ((word & STATE_MASK) == FREE
                    && OrderedAccess.compareAndSetInt(body, slot(index) + STATE_OFFSET, word, claimed)) {
                    return ((long) index << 32) | publishWaiting(index, claimed);
                }
            }
            rescueDead();
        }
        throw new IllegalStateException(description + ": all " + capacity
            + " waiter slots are taken by live threads (create it with a larger capacity)");
    }

    private int publishWaiting(int index, int claimed) {
        long slot = slot(index);
        // Plain: published by the release store of WAITING below.
        OrderedAccess.setLongPlain(body, slot + OWNER_OFFSET, OwnerIdentity.processWord());
        OrderedAccess.setIntPlain(body, slot + THREAD_OFFSET, OwnerIdentity.threadNumber());
        // Read-modify-write: tickets are unique across processes.
        OrderedAccess.setLongPlain(body, slot + TICKET_OFFSET, OrderedAccess.getAndAddLong(body, NEXT_TICKET_OFFSET, 1));
        // Read-modify-write, before WAITING: the count never falls below the waiting slots.
        OrderedAccess.getAndAddInt(body, WAITING_COUNT_OFFSET, 1);
        int waiting = (claimed & ~STATE_MASK) | WAITING;
        // Release: owner, thread and ticket are visible to whoever acquires WAITING.
        OrderedAccess.setIntRelease(body, slot + STATE_OFFSET, waiting);
        return waiting;
    }

    /**
     * Signals the waiter with the lowest ticket, if any: returns whether one was signalled.
     * Lock-free (the CAS decides); callers hold the lock for the API's sake, rescuers do not.
     */
    boolean signalOldest() {
        while (true) {
            // Acquire: a count raised before a slot became WAITING; 0 means nobody waits.
            if (OrderedAccess.getIntAcquire(body, WAITING_COUNT_OFFSET) <= 0) {
                return false;
            }
            int chosen = -1;
            int chosenWord = 0;
            long lowest = Long.MAX_VALUE;
            for (int index = 0; index < capacity; index++) {
                int word = state(index);
                if ((word & STATE_MASK) == WAITING) {
                    // Plain, after the acquire of WAITING that published it.
                    long ticket = OrderedAccess.getLongPlain(body, slot(index) + TICKET_OFFSET);
                    if (ticket < lowest) {
                        lowest = ticket;
                        chosen = index;
                        chosenWord = word;
                    }
                }
            }
            if (chosen < 0) {
                return false;
            }
            int signalled = (chosenWord & ~STATE_MASK) | SIGNALLED;
            // CAS (volatile): fails if the waiter cancelled or was rescued meanwhile; then look again.
            if (OrderedAccess.compareAndSetInt(body, slot(chosen) + STATE_OFFSET, chosenWord, signalled)) {
                // Read-modify-write, after the slot stopped WAITING.
                OrderedAccess.getAndAddInt(body, WAITING_COUNT_OFFSET, -1);
                point(chosen).signalAll();
                return true;
            }
        }
    }

    /**
     * Withdraws a waiter that timed out or was interrupted. Returns false if it was signalled
     * first: then the signal is its to consume ({@link #release}), never lost.
     */
    boolean cancel(int index, int waitingWord) {
        int claimed = nextGeneration(waitingWord) | CLAIMED;
        // CAS (volatile): races with a signaller's WAITING -> SIGNALLED; exactly one wins.
        if (!OrderedAccess.compareAndSetInt(body, slot(index) + STATE_OFFSET, waitingWord, claimed)) {
            return false;
        }
        OrderedAccess.getAndAddInt(body, WAITING_COUNT_OFFSET, -1);
        free(index, claimed);
        return true;
    }

    /** Frees the caller's own slot after it was signalled (nobody else touches a live signalled slot). */
    void release(int index, int signalledWord) {
        free(index, signalledWord);
    }

    /**
     * Frees the slots of processes that died while waiting, passing on any signal
     * such a slot had received. Reads {@code /proc} once per occupied slot of another process.
     */
    void rescueDead() {
        for (int index = 0; index < capacity; index++) {
            int word = state(index);
            int state = word & STATE_MASK;
            // A CLAIMED slot belongs, for nanoseconds, to whoever claimed it; only published
            // slots are judged (a process killed inside that window leaks one slot).
            if (state != WAITING && state != SIGNALLED) {
                continue;
            }
            // Acquire, after the state: 0 once the slot is being freed by its owner.
            long owner = OrderedAccess.getLongAcquire(body, slot(index) + OWNER_OFFSET);
            if (owner == 0 || !OwnerIdentity.isDeadProcess(owner)) {
                continue;
            }
            int taken = nextGeneration(word) | CLAIMED;
            // CAS (volatile) on the word we judged: fails if the slot moved on; then it is not ours.
            if (!OrderedAccess.compareAndSetInt(body, slot(index) + STATE_OFFSET, word, taken)) {
                continue;
            }
            if (state == WAITING) {
                OrderedAccess.getAndAddInt(body, WAITING_COUNT_OFFSET, -1);
            }
            free(index, taken);
            if (state == SIGNALLED) {
                signalOldest();
            }
        }
    }

    /** How many threads wait (a snapshot of slots in the WAITING state). */
    int waiting() {
        int count = 0;
        for (int index = 0; index < capacity; index++) {
            if ((state(index) & STATE_MASK) == WAITING) {
                count++;
            }
        }
        return count;
    }

    private void free(int index, int word) {
        long slot = slot(index);
        // Plain: ordered before the release store of FREE, after which a claimer may reuse the slot.
        OrderedAccess.setLongPlain(body, slot + OWNER_OFFSET, 0);
        // Release: the slot is handed back only after we are done with it.
        OrderedAccess.setIntRelease(body, slot + STATE_OFFSET, (word & ~STATE_MASK) | FREE);
    }

    private static int nextGeneration(int word) {
        return (word & ~STATE_MASK) + GENERATION_UNIT;
    }
}
