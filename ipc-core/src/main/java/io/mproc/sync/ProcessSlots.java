package io.mproc.sync;

import io.mproc.memory.OrderedAccess;
import java.lang.foreign.MemorySegment;

/**
 * A table of per-process slots in a region (a semaphore's ledger, a barrier's waiting counts):
 * each slot starts with a process word ({@link OwnerIdentity#processWord() pid | start token},
 * 0 when free) and the structure that owns the table puts its own per-process fields after it.
 *
 * <p>A process claims one slot per table on first use (under a JVM-wide lock, so that all its
 * handles share it) and keeps it for life. A slot whose process died is taken over by one
 * rescuer: a compare-and-set of the very word it judged to the rescuer's own word with the
 * pid negated, so that a rescuer that dies in turn is judged dead by the next one. The rescuer
 * settles the dead process's fields, then {@link #free frees} the slot.
 */
final class ProcessSlots {
    /** One slot per process and table: handles of this JVM claim under this lock. */
    private static final Object CLAIMING = new Object();

    private final MemorySegment body;
    private final long firstSlot;
    private final long stride;
    private final int count;
    private final String description;

    ProcessSlots(MemorySegment body, long firstSlot, long stride, int count, String description) {
        this.body = body;
        this.firstSlot = firstSlot;
        this.stride = stride;
        this.count = count;
        this.description = description;
    }

    int count() {
        return count;
    }

    /** Offset of slot {@code index}; its process word is there, the owner's fields follow. */
    long offset(int index) {
        return firstSlot + index * stride;
    }

    /** The process word of slot {@code index} (acquire: a claim is one word, seen whole). */
    long process(int index) {
        return OrderedAccess.getLongAcquire(body, offset(index));
    }

    /**
     * This process's slot, claiming a free one on first use; when none is free, runs
     * {@code rescueDead} once (which should free the slots of dead processes) and looks again.
     *
     * @throws IllegalStateException if every slot belongs to a live process
     */
    int slotOfThisProcess(Runnable rescueDead) {
        long me = OwnerIdentity.processWord();
        synchronized (CLAIMING) {
            for (int attempt = 0; attempt < 2; attempt++) {
                int free = -1;
                for (int index = 0; index < count; index++) {
                    long process = process(index);
                    if (process == me) {
                        return index;
                    }
                    if (process == 0 && free < 0) {
                        free = index;
                    }
                }
                // CAS (volatile): a free slot goes to exactly one process; it publishes the
                // owner's fields, which the last owner's rescuer settled before freeing it.
                if (free >= 0 && OrderedAccess.compareAndSetLong(body, offset(free), 0, me)) {
                    return free;
                }
                if (free < 0) {
                    rescueDead.run();
                }
            }
        }
        throw new IllegalStateException(description + ": all " + count
            + " process slots are taken by live processes (create it with more slots)");
    }

    /** Whether the process of {@code word} (a claim or a rescuer's mark) is provably gone. */
    static boolean isDead(long word) {
        return word != 0 && OwnerIdentity.isDead(Math.abs(OwnerIdentity.pid(word)), OwnerIdentity.low(word));
    }

    /**
     * Takes over slot {@code index} if its process is dead; true if this caller now settles it
     * and must {@link #free} it. Reads {@code /proc} once for an occupied slot of another process.
     */
    boolean takeOverIfDead(int index) {
        long process = process(index);
        long me = OwnerIdentity.processWord();
        long rescuer = OwnerIdentity.ownerWord(-OwnerIdentity.PID, OwnerIdentity.TOKEN);
        if (process == 0 || process == me || process == rescuer || !isDead(process)) {
            return false;
        }
        // CAS (volatile) on the word we judged: one rescuer per slot.
        return OrderedAccess.compareAndSetLong(body, offset(index), process, rescuer);
    }

    /** Frees a slot taken over by {@link #takeOverIfDead}, after its fields were settled. */
    void free(int index) {
        // Release: the settled fields are visible to the next claimer.
        OrderedAccess.setLongRelease(body, offset(index), 0);
    }
}
