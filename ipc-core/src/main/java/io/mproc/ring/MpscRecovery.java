package io.mproc.ring;

import static io.mproc.ring.MpscRingLayout.TAIL_OFFSET;
import static io.mproc.ring.RecordLayout.ALIGNMENT;
import static io.mproc.ring.RecordLayout.LENGTH_OFFSET;
import static io.mproc.ring.RecordLayout.PID_OFFSET;
import static io.mproc.ring.RecordLayout.align;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.ProcessIdentity;
import java.lang.foreign.MemorySegment;

/**
 * The consumer's slow path of an {@link MpscRing}: what to do when the record at the head is
 * not committed, and the bookkeeping of how long it has not been (one per ring handle, used by
 * its one consumer thread; the count of skipped records may be read by any). Kept out of the
 * ring so that its hot path stays small; see the ring's Javadoc for why skipping is safe.
 */
final class MpscRecovery {
    /** Polls of one stalled position between two clock reads (a power of two). */
    static final int POLLS_PER_CLOCK_READ = 16;

    private final MemorySegment body;
    private final MemorySegment data;
    private final int capacity;
    private final MpscAnnounceTable announces;
    /** The position where the consumer last found an uncommitted record, and since when. */
    private long stallPosition = -1;
    private long stallSince;
    private int stallPolls;
    /** Records and bytes skipped as claimed by dead producers. */
    private long deadRecordsSkipped;

    /** For the ring with this body, data area of {@code capacity} bytes and announce table. */
    MpscRecovery(MemorySegment body, MemorySegment data, int capacity, MpscAnnounceTable announces) {
        this.body = body;
        this.data = data;
        this.capacity = capacity;
        this.announces = announces;
    }

    /**
     * The position the consumer may move to from {@code position}, where it read
     * {@code length <= 0}: {@code position} itself when it must wait (empty ring, or a live
     * producer's claim), else the end of the space that dead producers claimed there.
     */
    long afterStall(long position, int index, int length) {
        // Every empty poll ends here, so the common case must stay cheap: the tail is looked
        // at only once the position has looked empty for a while. Loading it on each poll would
        // pull the producers' tail line into this core and make every claim CAS wait for it.
        if (!stalledLongEnough(position)) {
            return position;
        }
        if (length == 0) {
            // Acquire: a tail beyond us means claims whose headers are on their way.
            long tail = OrderedAccess.getLongAcquire(body, TAIL_OFFSET);
            if (position >= tail) {
                return position; // empty
            }
        }
        return length < 0 ? afterClaimedRecord(position, index, length) : afterClaimWindow(position, index);
    }

    /** A negative header: skip the record if the process that claimed it is dead. */
    private long afterClaimedRecord(long position, int index, int length) {
        // Acquire, one 8-byte load: the claimer writes pid and token together, after the length.
        long identity = OrderedAccess.getLongAcquire(data, index + PID_OFFSET);
        int pid = RecordLayout.firstOfPair(identity);
        if (pid == 0) {
            // The claimer has not written its identity yet (or died before it did): it
            // announced this position before its CAS, so ask the announce table.
            if (announces.smallestLiveAnnounce(position, position + 1) == position) {
                return position;
            }
        } else if (ProcessIdentity.isAliveByToken(pid, RecordLayout.secondOfPair(identity))) {
            return position; // slow, not dead: wait for its commit
        }
        // No zeroing here: the consumer zeroes all consumed space, skipped records included,
        // before its head passes it.
        deadRecordsSkipped++;
        return position + align(-length);
    }

    /**
     * A zero header below the tail: a producer won the CAS for this position and has not
     * written its header. Skip up to the first sign of a live or finished claim.
     */
    private long afterClaimWindow(long position, int index) {
        // Acquire: every claim below this tail was announced before its CAS.
        long tail = OrderedAccess.getLongAcquire(body, TAIL_OFFSET);
        long limit = Math.min(tail, position + (capacity - index));
        // The slots first, then the headers (see the ring's Javadoc for why this order).
        long announced = announces.smallestLiveAnnounce(position, limit);
        if (announced == position) {
            return position; // a live producer may be the winner of this position, just slow
        }
        long end = position;
        // Acquire: a header that appears now must be seen with what its producer wrote before.
        while (end < announced
            && OrderedAccess.getIntAcquire(data, index + (int) (end - position) + LENGTH_OFFSET) == 0) {
            end += ALIGNMENT;
        }
        if (end == position) {
            return position; // the header arrived meanwhile
        }
        // The span is zeroed with the rest of the consumed space before the head passes it.
        deadRecordsSkipped++;
        return end;
    }

    /**
     * Whether the consumer has found {@code position} empty or uncommitted for
     * {@link MpscRing#STALL_NANOS}. Cheap on purpose (one clock read per new position, then one per
     * {@link #POLLS_PER_CLOCK_READ} polls), since every empty poll asks; so a consumer that polls
     * rarely notices a dead claim after that many polls past the stall time.
     */
    private boolean stalledLongEnough(long position) {
        if (stallPosition != position) {
            stallPosition = position;
            stallPolls = 0;
            stallSince = System.nanoTime();
            return false;
        }
        if ((++stallPolls & (POLLS_PER_CLOCK_READ - 1)) != 0) {
            return false;
        }
        long now = System.nanoTime();
        if (now - stallSince < MpscRing.STALL_NANOS) {
            return false;
        }
        stallSince = now; // if the claimer is alive, check again after another STALL_NANOS
        return true;
    }

    /** Records this consumer skipped because their claimers died before committing them. */
    long deadRecordsSkipped() {
        return deadRecordsSkipped;
    }
}
