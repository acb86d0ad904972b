package io.mproc.ring;

import static io.mproc.ring.MpmcControl.EMPTY;
import static io.mproc.ring.MpmcControl.FULL;
import static io.mproc.ring.MpmcControl.READING;
import static io.mproc.ring.MpmcControl.WRITING;
import static io.mproc.ring.MpmcRingLayout.CONTROL_OFFSET;
import static io.mproc.ring.MpmcRingLayout.LENGTH_OFFSET;
import static io.mproc.ring.MpmcRingLayout.OWNER_TOKEN_OFFSET;
import static io.mproc.ring.MpmcRingLayout.PAYLOAD_OFFSET;
import static io.mproc.ring.MpmcRingLayout.TYPE_OFFSET;

import io.mproc.memory.OrderedAccess;
import io.mproc.wait.WaitPoint;
import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * The consumer side of one {@link MpmcRing} handle, shared by its threads: the claim of the
 * message at the read frontier, its hand-over to the handler in place, the return of its slot
 * to the producers of the next lap, and the "empty" snapshot. The algorithm and the memory
 * ordering are described in {@link MpmcRing}'s class comment.
 */
final class MpmcConsumerSide {
    private final String ring;
    private final MemorySegment body;
    private final int myPid;
    private final int myToken;
    private final WaitPoint notFull;
    private final MpmcDeadOwners deadOwners;
    private final MpmcFrontiers frontiers;

    /** For the ring described as {@code ring} (in error messages). */
    MpmcConsumerSide(String ring, MemorySegment body, int myPid, int myToken, WaitPoint notFull,
                     MpmcDeadOwners deadOwners, MpmcFrontiers frontiers) {
        this.ring = ring;
        this.body = body;
        this.myPid = myPid;
        this.myToken = myToken;
        this.notFull = notFull;
        this.deadOwners = deadOwners;
        this.frontiers = frontiers;
    }

    /** {@link MpmcRing#poll}. */
    boolean poll(MessageHandler handler) {
        Objects.requireNonNull(handler, "handler");
        long position = frontiers.headHint();
        while (true) {
            long slot = frontiers.slotOf(position);
            int lap = frontiers.lapOf(position);
            // Acquire: FULL's release made the message visible (the CAS re-reads it volatile).
            long control = OrderedAccess.getLongAcquire(body, slot + CONTROL_OFFSET);
            int distance = MpmcControl.lapDistance(control, lap);
            int state = MpmcControl.state(control);
            if (distance == 0 && state == FULL) {
                // CAS: the claim; of consumers racing for this message exactly one wins. A loss is re-read.
                if (OrderedAccess.compareAndSetLong(body, slot + CONTROL_OFFSET, control,
                    MpmcControl.reading(lap, myPid))) {
                    consume(slot, lap, position, handler);
                    return true;
                }
            } else if ((distance == 0 && state == READING) || distance >= 1) {
                position = frontiers.nextForReading(position); // another consumer took it: step on
            } else if (distance == 0 && state == WRITING) {
                // A writer holds the frontier. Free it if dead, else nothing is ready yet.
                if (!deadOwners.recoverIfDead(slot, control)) {
                    return false;
                }
                notFull.signalAll();
            } else if (distance == 0 || (distance == -1 && state == READING)) {
                // EMPTY(L): nothing was claimed here; READING(L-1): the frontier lapped a slow
                // reader, so this position is not even written.
                return false;
            } else {
                throw MpmcControl.corrupted(ring, "head", position, control);
            }
        }
    }

    private void consume(long slot, int lap, long position, MessageHandler handler) {
        // Release: never elided or merged with the zeroing below (recovery reads it).
        OrderedAccess.setIntRelease(body, slot + OWNER_TOKEN_OFFSET, myToken);
        frontiers.claimedForReading(position);
        try {
            // Plain: our CAS read FULL(L), which the producer's release store published.
            int length = OrderedAccess.getIntPlain(body, slot + LENGTH_OFFSET);
            int type = OrderedAccess.getIntPlain(body, slot + TYPE_OFFSET);
            handler.onMessage(type, body, slot + PAYLOAD_OFFSET, length);
        } finally {
            // The message counts as consumed even if the handler threw.
            OrderedAccess.setIntPlain(body, slot + OWNER_TOKEN_OFFSET, 0);
            // Release: every read of the slot completes before a producer may overwrite it.
            OrderedAccess.setLongRelease(body, slot + CONTROL_OFFSET, MpmcControl.empty(lap + 1));
            notFull.signalAll();
        }
    }

    /** {@link MpmcRing#isEmpty()}. */
    boolean isEmpty() {
        long position = frontiers.headHint();
        while (true) {
            // Acquire: as in poll.
            long control = OrderedAccess.getLongAcquire(body, frontiers.slotOf(position) + CONTROL_OFFSET);
            int distance = MpmcControl.lapDistance(control, frontiers.lapOf(position));
            int state = MpmcControl.state(control);
            if ((distance == 0 && (state == EMPTY || state == WRITING)) || (distance == -1 && state == READING)) {
                return true;
            }
            if (distance == 0 && state == FULL) {
                return false;
            }
            if (distance < 0) {
                throw MpmcControl.corrupted(ring, "head", position, control);
            }
            position = frontiers.nextForReading(position);
        }
    }
}
