package io.mproc.ring;

import static io.mproc.ring.MpmcControl.EMPTY;
import static io.mproc.ring.MpmcControl.READING;
import static io.mproc.ring.MpmcRingLayout.CONTROL_OFFSET;
import static io.mproc.ring.MpmcRingLayout.HEAD_OFFSET;
import static io.mproc.ring.MpmcRingLayout.TAIL_OFFSET;

import io.mproc.memory.OrderedAccess;
import java.lang.foreign.MemorySegment;

/**
 * The tail and head words of an MPMC ring, which are <em>hints</em>, and the scans that find
 * the true frontiers from them.
 *
 * <p>The <b>write frontier</b> is the first position no writer has claimed; the <b>read
 * frontier</b> the first position no reader has claimed. A claim is a CAS on the slot's control
 * word (see {@link MpmcRing}); the winner then stores {@code position + 1} into the tail (or
 * head) with a plain release store, not a CAS: a locked instruction per operation is what an
 * MPMC ring costs over an SPSC one on the round trip, and this saves one per side. The price is
 * that a hint may lag, or even move back when a slower claimer's store lands after a faster
 * one's; but a claimer stores only after its claim, so <b>a hint never passes its
 * frontier</b>, and whoever reads a stale hint steps over the slots already claimed from there
 * ({@link #writeFrontier}, {@link #readFrontier}, and the loops of {@link MpmcProducerSide} and
 * {@link MpmcConsumerSide}). A hint is at most one lap behind: a claimer stores it while its own
 * slot is still claimed, and nobody passes a claimed slot by more than a lap. The cost of a
 * lagging hint falls on the next claimer, which steps slot by slot (a control-word load each)
 * until it finds the frontier or a fresher hint: a step or two after ordinary races, up to a
 * lap of steps for one operation after a claimer was descheduled between its claim and its
 * store while the ring went on without it.
 *
 * <p>Which slots lie behind a frontier, for position {@code p} of lap {@code L}: claimed by a
 * writer if the slot's lap is {@code L} in any state but {@code EMPTY}, or later; claimed by a
 * reader if it is {@code READING(L)}, or the slot's lap is later than {@code L}.
 */
final class MpmcFrontiers {
    private final MemorySegment body;
    private final int slots;
    private final int lapShift;
    private final long indexMask;
    private final int slotStride;

    MpmcFrontiers(MemorySegment body, int slots, int slotStride) {
        this.body = body;
        this.slots = slots;
        this.lapShift = Integer.numberOfTrailingZeros(slots);
        this.indexMask = slots - 1;
        this.slotStride = slotStride;
    }

    /** The tail hint: at most the write frontier. */
    long tailHint() {
        // Acquire: the slot reads that follow must not be satisfied before this load, so that
        // a state seen there is at least as new as the hint (see MpmcRing's class comment).
        return OrderedAccess.getLongAcquire(body, TAIL_OFFSET);
    }

    /** The head hint: at most the read frontier. */
    long headHint() {
        // Acquire: as in tailHint.
        return OrderedAccess.getLongAcquire(body, HEAD_OFFSET);
    }

    /** After claiming {@code position} for writing: the next claimer may start after it. */
    void claimedForWriting(long position) {
        // Release: a hint only (correctness never depends on it), but whoever reads it then
        // also sees our claim and does not waste a CAS on the slot.
        OrderedAccess.setLongRelease(body, TAIL_OFFSET, position + 1);
    }

    /** After claiming {@code position} for reading. */
    void claimedForReading(long position) {
        // Release: as in claimedForWriting.
        OrderedAccess.setLongRelease(body, HEAD_OFFSET, position + 1);
    }

    /** Where a writer goes after finding {@code position} already claimed: past it, or to a fresher hint. */
    long nextForWriting(long position) {
        return Math.max(position + 1, tailHint());
    }

    /** Where a reader goes after finding {@code position} already claimed. */
    long nextForReading(long position) {
        return Math.max(position + 1, headHint());
    }

    /**
     * The write frontier as seen now, scanned from the tail hint: for snapshots (size, isFull)
     * where a lagging hint would miscount. Stops after a lap of steps if writers keep moving it.
     */
    long writeFrontier() {
        return scan(tailHint(), false);
    }

    /** The read frontier as seen now, scanned from {@code from} (a head hint or a value it had). */
    long readFrontier(long from) {
        return scan(from, true);
    }

    /**
     * The first position from {@code from} that is not yet claimed for writing (or, if
     * {@code reading}, for reading) in its lap; after a lap of steps, where it got to.
     */
    private long scan(long from, boolean reading) {
        long position = from;
        for (int step = 0; step < slots; step++) {
            // Acquire: the state read is at least as new as the hint or frontier scanned from.
            long control = OrderedAccess.getLongAcquire(body, slotOf(position) + CONTROL_OFFSET);
            int distance = MpmcControl.lapDistance(control, lapOf(position));
            if (distance < 0 || (distance == 0 && !claimed(MpmcControl.state(control), reading))) {
                return position;
            }
            position++;
        }
        return position;
    }

    /** Whether a slot of the position's own lap in {@code state} was claimed (for reading, or for writing). */
    private static boolean claimed(int state, boolean reading) {
        return reading ? state == READING : state != EMPTY;
    }

    long slotOf(long position) {
        return MpmcRingLayout.FIRST_SLOT_OFFSET + (position & indexMask) * slotStride;
    }

    int lapOf(long position) {
        return (int) (position >>> lapShift);
    }
}
