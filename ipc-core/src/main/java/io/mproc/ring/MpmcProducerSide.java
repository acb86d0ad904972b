package io.mproc.ring;

import static io.mproc.ring.MpmcControl.EMPTY;
import static io.mproc.ring.MpmcControl.FULL;
import static io.mproc.ring.MpmcRingLayout.CONTROL_OFFSET;
import static io.mproc.ring.MpmcRingLayout.LENGTH_OFFSET;
import static io.mproc.ring.MpmcRingLayout.OWNER_TOKEN_OFFSET;
import static io.mproc.ring.MpmcRingLayout.PAYLOAD_OFFSET;
import static io.mproc.ring.MpmcRingLayout.TYPE_OFFSET;

import io.mproc.memory.OrderedAccess;
import io.mproc.wait.WaitPoint;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.foreign.ValueLayout;

/**
 * The producer side of one {@link MpmcRing} handle, shared by its threads: the claim of a slot
 * at the write frontier (within the ring's limit), the publication of a written message, the
 * abort of a claim, and the "full" snapshot. The algorithm, the limit and the memory ordering
 * are described in {@link MpmcRing}'s class comment; its public methods check their arguments
 * and come here. Slots are named by their offset in the ring's body.
 */
final class MpmcProducerSide {
    private final String ring;
    private final MemorySegment body;
    private final int slots;
    private final int limit;
    private final int myPid;
    private final int myToken;
    private final WaitPoint notEmpty;
    private final WaitPoint notFull;
    private final MpmcDeadOwners deadOwners;
    private final MpmcFrontiers frontiers;
    /**
     * A read frontier this handle has seen (the frontier never moves back, so it stays a lower
     * bound): producers of a bounded ring check the limit against it before reading the head
     * line, which consumers keep writing. Shared by the handle's threads with opaque accesses
     * ({@link #KNOWN_READ_FRONTIER}): atomic (a plain long may tear, and a torn value could
     * pass the frontier), no ordering needed, since any value one of them stored is a valid
     * lower bound.
     */
    private long knownReadFrontier;
    private static final VarHandle KNOWN_READ_FRONTIER;

    static {
        try {
            KNOWN_READ_FRONTIER = MethodHandles.lookup().findVarHandle(MpmcProducerSide.class, "knownReadFrontier",
                long.class);
        } catch (ReflectiveOperationException impossible) {
            throw new ExceptionInInitializerError(impossible);
        }
    }

    /** For the ring described as {@code ring} (in error messages), of {@code slots} slots holding at most {@code limit}. */
    MpmcProducerSide(String ring, MemorySegment body, int slots, int limit, int myPid, int myToken,
                     WaitPoint notEmpty, WaitPoint notFull, MpmcDeadOwners deadOwners, MpmcFrontiers frontiers) {
        this.ring = ring;
        this.body = body;
        this.slots = slots;
        this.limit = limit;
        this.myPid = myPid;
        this.myToken = myToken;
        this.notEmpty = notEmpty;
        this.notFull = notFull;
        this.deadOwners = deadOwners;
        this.frontiers = frontiers;
    }

    /** {@link MpmcRing#offer(int, MemorySegment, long, int)}, with checked arguments. */
    boolean offer(int type, MemorySegment source, long offset, int length) {
        long position = claim(type, length);
        if (position < 0) {
            return false;
        }
        long slot = frontiers.slotOf(position);
        MemorySegment.copy(source, offset, body, slot + PAYLOAD_OFFSET, length);
        publish(slot, frontiers.lapOf(position));
        return true;
    }

    /** {@link MpmcRing#offer(int, byte[], int, int)}, with checked arguments. */
    boolean offer(int type, byte[] source, int offset, int length) {
        long position = claim(type, length);
        if (position < 0) {
            return false;
        }
        long slot = frontiers.slotOf(position);
        MemorySegment.copy(source, offset, body, ValueLayout.JAVA_BYTE, slot + PAYLOAD_OFFSET, length);
        publish(slot, frontiers.lapOf(position));
        return true;
    }

    /** {@link MpmcRing#tryClaim}, with checked arguments. */
    long tryClaim(int type, int length) {
        long position = claim(type, length);
        return position < 0 ? MessageRing.INSUFFICIENT_CAPACITY : frontiers.slotOf(position) + PAYLOAD_OFFSET;
    }

    /** Publishes the message in {@code slot}, which this process claimed and wrote. */
    void commit(long slot) {
        // Plain: our own CAS wrote it, and nobody changes a live owner's claim.
        publish(slot, MpmcControl.lap(OrderedAccess.getLongPlain(body, slot + CONTROL_OFFSET)));
    }

    /** Gives up the claim on {@code slot}, which this process holds. */
    void abort(long slot) {
        int lap = MpmcControl.lap(OrderedAccess.getLongPlain(body, slot + CONTROL_OFFSET));
        // An aborted claim is a slot consumed without a message: consumers at it see
        // EMPTY(L + 1) and step over it, producers one lap later reuse it.
        OrderedAccess.setIntPlain(body, slot + OWNER_TOKEN_OFFSET, 0);
        // Release: the token's zeroing is visible before anyone can claim the slot again.
        OrderedAccess.setLongRelease(body, slot + CONTROL_OFFSET, MpmcControl.empty(lap + 1));
        notFull.signalAll();
    }

    /** Claims the slot at the write frontier for a message; returns its position, or -1 when full. */
    private long claim(int type, int length) {
        long position = frontiers.tailHint();
        boolean stepped = false;
        while (true) {
            if (limit != slots && !belowLimit(position)) {
                return -1; // positions only grow: no later one is below the limit either
            }
            long slot = frontiers.slotOf(position);
            int lap = frontiers.lapOf(position);
            long expected = MpmcControl.empty(lap);
            long control = expected;
            if (stepped) {
                // Acquire, before a claim after a step: the slots stepped over are other
                // producers', still being written, and an exchange on each would take their
                // lines from them.
                control = OrderedAccess.getLongAcquire(body, slot + CONTROL_OFFSET);
            }
            if (control == expected) {
                // Compare-and-exchange, at the hint with no load before it: the claim itself
                // (exactly one producer wins EMPTY(L)), and on failure a volatile read of what is
                // there instead (see MpmcRing's class comment).
                control = OrderedAccess.compareAndExchangeLong(body, slot + CONTROL_OFFSET, expected,
                    MpmcControl.writing(lap, myPid));
            }
            if (control == expected) {
                // Release: never elided or merged with the zeroing at commit (recovery reads it).
                OrderedAccess.setIntRelease(body, slot + OWNER_TOKEN_OFFSET, myToken);
                frontiers.claimedForWriting(position);
                // Plain: published by the release store of FULL in publish().
                OrderedAccess.setIntPlain(body, slot + LENGTH_OFFSET, length);
                OrderedAccess.setIntPlain(body, slot + TYPE_OFFSET, type);
                return position;
            }
            int distance = MpmcControl.lapDistance(control, lap);
            int state = MpmcControl.state(control);
            if (distance == 0 && state == EMPTY) {
                // EMPTY(L) with other bits set: no writer of mproc's makes one.
                throw MpmcControl.corrupted(ring, "tail", position, control);
            } else if (distance >= 0) {
                position = frontiers.nextForWriting(position); // claimed for this lap or later: step on
                stepped = true;
            } else if (distance == -1) {
                // Lap L-1 still occupies the slot: full, unless its owner is dead.
                if (state == FULL || !deadOwners.recoverIfDead(slot, control)) {
                    return -1;
                }
                notFull.signalAll();
            } else {
                throw MpmcControl.corrupted(ring, "tail", position, control);
            }
        }
    }

    /**
     * Whether a claim at {@code position} keeps the ring within its limit: compared with a
     * read frontier this handle already knows, and only if that is too far behind, with the
     * frontier scanned afresh from the head (see {@link MpmcRing}'s class comment).
     */
    private boolean belowLimit(long position) {
        // Opaque, both: see the field.
        long known = (long) KNOWN_READ_FRONTIER.getOpaque(this);
        if (position - known < limit) {
            return true;
        }
        long head = frontiers.readFrontier(Math.max(known, frontiers.headHint()));
        KNOWN_READ_FRONTIER.setOpaque(this, head);
        return position - head < limit;
    }

    /** Makes the message in our claimed slot visible to consumers. */
    private void publish(long slot, int lap) {
        // Plain: ordered before the release store below; an unowned slot's token is 0.
        OrderedAccess.setIntPlain(body, slot + OWNER_TOKEN_OFFSET, 0);
        // Release: length, type and payload become visible to whoever acquires FULL(L).
        OrderedAccess.setLongRelease(body, slot + CONTROL_OFFSET, MpmcControl.full(lap));
        notEmpty.signalAll();
    }

    /** {@link MpmcRing#isFull()}. */
    boolean isFull() {
        long position = frontiers.writeFrontier();
        // Acquire: what the slot's last owner did happens-before the answer.
        long control = OrderedAccess.getLongAcquire(body, frontiers.slotOf(position) + CONTROL_OFFSET);
        if (MpmcControl.lapDistance(control, frontiers.lapOf(position)) == -1) {
            return true;
        }
        // Without a limit below the slot count, the slot check above is the whole answer: a
        // blocked producer's wait evaluates this on every spin, so the head line is not read.
        return limit != slots && position - frontiers.readFrontier(frontiers.headHint()) >= limit;
    }
}
