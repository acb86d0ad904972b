package io.mproc.queue;

import io.mproc.ring.MessageHandler;
import io.mproc.ring.SpscRing;
import java.util.concurrent.TimeUnit;

/**
 * A {@link QueueShape#ONE_TO_ONE} queue's ring: an {@link SpscRing} of variable-length records,
 * sized by {@link SpscRing#capacityFor} so that its bytes never run out before the element
 * count does, plus the put count in {@link QueueState} that, with the numbers in the records,
 * bounds it by {@code maxSize}.
 *
 * <p><b>Counting.</b> The producer numbers its elements: a record's type word (the ring lets
 * the producer choose it) carries the low 31 bits of the put count at its claim. After the
 * ring's commit, the producer release-stores the put count plus one. The consumer counts
 * nothing: the number of the oldest element not yet taken ({@link SpscRing#oldestType()}) is
 * the taken count modulo 2<sup>31</sup>, and {@code size = put - taken}, 0 when nothing is
 * left. So a take does no more than the ring's poll, and an element delivered again (its
 * consumer was killed before its consumed position moved) is not counted twice. The producer
 * looks at the ring for the taken count only when its cached copy says the queue is full.
 *
 * <p><b>Why the ring has room for two more.</b> The ring gives an element's bytes back at the
 * consumer's next poll ({@link SpscRing}: space comes back one drain late), so one element may
 * be taken and still occupy the ring; and a producer killed between its commit and its count
 * leaves one element uncounted, which its successor numbers again: the queue may then hold
 * {@code maxSize + 1} until that element is taken.
 *
 * <p>Handlers see an element's number as its message type, not {@link QueueRing#ELEMENT}.
 *
 * <p>One producer thread and one consumer thread at a time ({@link QueueShape#ONE_TO_ONE}): the
 * fields below are the producer's.
 */
final class SpscQueueRing extends QueueRing {
    /** Record types are non-negative ints: they carry an element's number modulo 2^31. */
    private static final int NUMBER_MASK = Integer.MAX_VALUE;
    /** Elements the ring holds besides {@code maxSize}: see the class comment. */
    private static final int SLACK = 2;
    /**
     * Nothing here needs stepping over (a killed producer's claim is recovered by the next
     * producer, a killed consumer's element by the next consumer, and each of them signals);
     * the wait layer itself looks at the condition every 100 ms or sooner, in case a signaller
     * was killed between its change and its signal. So blocked calls start over only rarely:
     * each start costs an idle waiter a spin phase and a membarrier.
     */
    static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final SpscRing ring;
    private final QueueState state;
    private final int maxSize;
    /** Producer: its last look at the taken count, only ever behind the real one. */
    private long takenCache;
    /** Producer: the number of the element claimed and not yet committed (an abort leaves it unused). */
    private long claimedNumber;

    SpscQueueRing(SpscRing ring, QueueState state) {
        super(ring);
        this.ring = ring;
        this.state = state;
        this.maxSize = state.maxSize();
    }

    /**
     * The ring capacity a queue of this size needs.
     *
     * @throws IllegalArgumentException if it is more than a ring can have
     */
    static int capacity(int maxSize, int maxMessageBytes) {
        return SpscRing.capacityFor(maxSize + SLACK, maxMessageBytes);
    }

    @Override
    long tryClaim(int length) {
        long put = state.put();
        if (put - takenCache >= maxSize) {
            takenCache = taken(put);
            if (put - takenCache >= maxSize) {
                return -1;
            }
        }
        long index = ring.tryClaim((int) put & NUMBER_MASK, length);
        if (index < 0) {
            return -1;
        }
        claimedNumber = put;
        return index;
    }

    @Override
    void commit(long index) {
        ring.commit(index);
        state.setPut(claimedNumber + 1);
    }

    @Override
    int drain(MessageHandler handler, int limit) {
        int taken;
        try {
            taken = ring.drain(handler, limit);
        } catch (RuntimeException | Error handlerFailed) {
            // The element was consumed all the same.
            notFull().signalAll();
            throw handlerFailed;
        }
        if (taken > 0) {
            // Room by count comes with the take, not with the ring's give-back one poll later:
            // a producer blocked on a full queue must hear of it now.
            notFull().signalAll();
        }
        return taken;
    }

    @Override
    boolean isFull() {
        return count() >= maxSize;
    }

    @Override
    int size() {
        return (int) Math.max(0, Math.min(maxSize, count()));
    }

    @Override
    long recheckNanos() {
        return RECHECK_NANOS;
    }

    private long count() {
        // The oldest number first: the put count read after it is at least that number, since
        // the producer claimed that element only after counting the one before it (it may
        // equal it, between the element's commit and its count: the count then reads 0).
        int oldest = ring.oldestType();
        long put = state.put();
        return oldest < 0 ? 0 : inQueue(put, oldest);
    }

    /**
     * Producer: elements taken so far, given its put count: all but those from the oldest
     * element still in the ring on, or all of them if none is.
     */
    private long taken(long put) {
        int oldest = ring.oldestType();
        return oldest < 0 ? put : put - inQueue(put, oldest);
    }

    private static long inQueue(long put, int oldest) {
        return ((int) put - oldest) & NUMBER_MASK;
    }
}
