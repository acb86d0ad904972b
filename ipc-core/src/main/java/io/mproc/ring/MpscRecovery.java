package io.mproc.ring;

import static io.mproc.ring.MpscRingLayout.TAIL_OFFSET;
import static io.mproc.ring.RecordLayout.ALIGNMENT;
import static io.mproc.ring.RecordLayout.LENGTH_OFFSET;
import static io.mproc.ring.RecordLayout.PID_OFFSET;
import static io.mproc.ring.RecordLayout.align;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.ProcessIdentity;

/**
 * The consumer's slow path of an {@link MpscRing}: what to do when the record at the head is
 * not committed. Kept out of the ring so that its hot path stays small; see the ring's Javadoc
 * for why skipping is safe.
 */
final class MpscRecovery {
    private MpscRecovery() {
    }

    /**
     * The position the consumer may move to from {@code position}, where it read
     * {@code length <= 0}: {@code position} itself when it must wait (empty ring, or a live
     * producer's claim), else the end of the space that dead producers claimed there.
     */
    static long afterStall(MpscRing ring, long position, int index, int length) {
        // Every empty poll ends here, so the common case must stay cheap: the tail is looked
        // at only once the position has looked empty for a while. Loading it on each poll would
        // pull the producers' tail line into this core and make every claim CAS wait for it.
        if (!ring.stalledLongEnough(position)) {
            return position;
        }
        if (length == 0) {
            // Acquire: a tail beyond us means claims whose headers are on their way.
            long tail = OrderedAccess.getLongAcquire(ring.body(), TAIL_OFFSET);
            if (position >= tail) {
                return position; // empty
            }
        }
        return length < 0 ? afterClaimedRecord(ring, position, index, length) : afterClaimWindow(ring, position, index);
    }

    /** A negative header: skip the record if the process that claimed it is dead. */
    private static long afterClaimedRecord(MpscRing ring, long position, int index, int length) {
        // Acquire, one 8-byte load: the claimer writes pid and token together, after the length.
        long identity = OrderedAccess.getLongAcquire(ring.buffer(), index + PID_OFFSET);
        int pid = RecordLayout.firstOfPair(identity);
        if (pid == 0) {
            // The claimer has not written its identity yet (or died before it did): it
            // announced this position before its CAS, so ask the announce table.
            if (ring.announces().smallestLiveAnnounce(position, position + 1) == position) {
                return position;
            }
        } else if (ProcessIdentity.isAliveByToken(pid, RecordLayout.secondOfPair(identity))) {
            return position; // slow, not dead: wait for its commit
        }
        // No zeroing here: the consumer zeroes all consumed space, skipped records included,
        // before its head passes it.
        ring.countDeadRecord();
        return position + align(-length);
    }

    /**
     * A zero header below the tail: a producer won the CAS for this position and has not
     * written its header. Skip up to the first sign of a live or finished claim.
     */
    private static long afterClaimWindow(MpscRing ring, long position, int index) {
        // Acquire: every claim below this tail was announced before its CAS.
        long tail = OrderedAccess.getLongAcquire(ring.body(), TAIL_OFFSET);
        long limit = Math.min(tail, position + (ring.capacityBytes() - index));
        // The slots first, then the headers (see the ring's Javadoc for why this order).
        long announced = ring.announces().smallestLiveAnnounce(position, limit);
        if (announced == position) {
            return position; // a live producer may be the winner of this position, just slow
        }
        long end = position;
        // Acquire: a header that appears now must be seen with what its producer wrote before.
        while (end < announced
            && OrderedAccess.getIntAcquire(ring.buffer(), index + (int) (end - position) + LENGTH_OFFSET) == 0) {
            end += ALIGNMENT;
        }
        if (end == position) {
            return position; // the header arrived meanwhile
        }
        // The span is zeroed with the rest of the consumed space before the head passes it.
        ring.countDeadRecord();
        return end;
    }
}
