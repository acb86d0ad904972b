package io.mproc.ring;

import static io.mproc.ring.MpscRingLayout.NO_POSITION;
import static io.mproc.ring.MpscRingLayout.SLOT_OWNER_OFFSET;
import static io.mproc.ring.MpscRingLayout.SLOT_POSITION_OFFSET;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.ProcessIdentity;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * The producer announce table of an {@link MpscRing} ({@link MpscRingLayout}): one slot per
 * producing thread, in which the thread stores the tail position it is about to claim before
 * its claiming compare-and-set. The consumer reads it only when it suspects a claimer died
 * between that compare-and-set and its first header store.
 *
 * <p>A thread takes a slot on its first claim (compare-and-set of the owner word from 0) and
 * keeps it while this ring handle is open; {@link #releaseAll()} frees the slots of this handle
 * at close. When every slot is taken, slots whose owner process is dead are reclaimed. A
 * thread that ends without the handle being closed keeps its slot until its process exits.
 */
final class MpscAnnounceTable {
    private static final ProcessIdentity SELF = ProcessIdentity.current();
    /** Owner word of this process: pid in the high half, start token in the low half. */
    static final long SELF_OWNER = owner(SELF.pid(), SELF.startToken());

    private final String ring;
    private final MemorySegment body;
    private final int slots;
    private final ThreadLocal<long[]> mySlot = new ThreadLocal<>();
    private final List<Long> taken = new ArrayList<>();
    /**
     * The first thread that produced through this handle, by id, and its slot: most handles have
     * one producer thread, which then finds its slot without a thread-local lookup (a few
     * nanoseconds of every claim). An id, not the Thread, so that a thread that has ended (and
     * its context class loader) is not kept alive by the ring; ids are never reused in a JVM.
     * Plain: a racing reader sees null or the whole record (its fields are final), and null
     * only sends it to the thread-local.
     */
    private FirstProducer firstProducer;

    private record FirstProducer(long threadId, long offset) {
    }

    MpscAnnounceTable(String ring, MemorySegment body, int slots) {
        this.ring = ring;
        this.body = body;
        this.slots = slots;
    }

    static long owner(int pid, int token) {
        return ((long) pid << 32) | (token & 0xFFFF_FFFFL);
    }

    static int ownerPid(long owner) {
        return (int) (owner >>> 32);
    }

    static int ownerToken(long owner) {
        return (int) owner;
    }

    /** The offset of the calling thread's position word, taking a slot on first use. */
    long positionOffset() {
        FirstProducer first = firstProducer;
        if (first != null && first.threadId() == Thread.currentThread().threadId()) {
            return first.offset();
        }
        long[] slot = mySlot.get();
        if (slot == null) {
            slot = new long[] {take() + SLOT_POSITION_OFFSET};
            mySlot.set(slot);
            if (first == null) {
                firstProducer = new FirstProducer(Thread.currentThread().threadId(), slot[0]);
            }
        }
        return slot[0];
    }

    private long take() {
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < slots; i++) {
                long offset = MpscRingLayout.slotOffset(i);
                // Acquire: a slot's owner word is the lock on the slot.
                long owner = OrderedAccess.getLongAcquire(body, offset + SLOT_OWNER_OFFSET);
                boolean free = owner == 0
                    || pass == 1 && !ProcessIdentity.isAliveByToken(ownerPid(owner), ownerToken(owner));
                // CAS: threads of every process compete for slots.
                if (free && OrderedAccess.compareAndSetLong(body, offset + SLOT_OWNER_OFFSET, owner, SELF_OWNER)) {
                    // Release: drop what a dead previous owner had announced.
                    OrderedAccess.setLongRelease(body, offset + SLOT_POSITION_OFFSET, NO_POSITION);
                    synchronized (taken) {
                        taken.add(offset);
                    }
                    return offset;
                }
            }
        }
        throw new IllegalStateException("ring " + ring + ": all " + slots
            + " producer slots are held by live threads (the limit of producer threads over all processes)");
    }

    /** Frees every slot this handle took: called at close, when no thread produces any more. */
    void releaseAll() {
        synchronized (taken) {
            for (long offset : taken) {
                // Release: the position reset is seen before the slot looks free.
                OrderedAccess.setLongRelease(body, offset + SLOT_POSITION_OFFSET, NO_POSITION);
                OrderedAccess.compareAndSetLong(body, offset + SLOT_OWNER_OFFSET, SELF_OWNER, 0);
            }
            taken.clear();
        }
    }

    /**
     * Consumer side: the smallest position in {@code [from, to)} that a live producer has
     * announced, or {@code to} if none. Liveness reads /proc, so call this rarely.
     */
    long smallestLiveAnnounce(long from, long to) {
        long smallest = to;
        for (int i = 0; i < slots; i++) {
            long offset = MpscRingLayout.slotOffset(i);
            // Acquire, owner then position: a position stored after an owner's header writes
            // (release) makes those headers visible to our later header reads.
            long owner = OrderedAccess.getLongAcquire(body, offset + SLOT_OWNER_OFFSET);
            if (owner == 0) {
                continue;
            }
            long position = OrderedAccess.getLongAcquire(body, offset + SLOT_POSITION_OFFSET);
            if (position < from || position >= smallest) {
                continue;
            }
            if (owner == SELF_OWNER || ProcessIdentity.isAliveByToken(ownerPid(owner), ownerToken(owner))) {
                smallest = position;
            }
        }
        return smallest;
    }
}
