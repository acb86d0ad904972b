package io.mproc.queue;

import io.mproc.ring.MessageHandler;
import io.mproc.ring.SpscRing;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;

/**
 * A {@link QueueShape#ONE_TO_ONE} queue's ring: an {@link SpscRing} of variable-length records,
 * sized by {@link SpscRing#capacityFor} so that its bytes never run out before the element
 * count does, plus the two counts in {@link QueueState} that bound it by {@code maxSize}.
 *
 * <p><b>Counting.</b> The producer numbers its elements: a record's type word (the ring lets
 * the producer choose it) carries the low 31 bits of the put count at its claim. After the
 * ring's commit, the producer release-stores the put count plus one. The consumer, inside the
 * ring's handler (before the ring frees the record), moves the taken count to the element's
 * number plus one, only ever forward: an element delivered again (its consumer was killed
 * before the ring freed it) is not counted twice. {@code size = put - taken}. Each count is
 * written by one side only, in its own cache lines; the producer reads the consumer's only
 * when its cached copy says the queue is full.
 *
 * <p><b>Why the ring has room for two more.</b> The consumer counts an element before the ring
 * frees its bytes, which it does at the consumer's next poll ({@link SpscRing}: space comes
 * back one drain late), so one element may be counted as taken and still occupy the ring; and a producer killed between its commit and its count leaves one element uncounted,
 * which its successor numbers again (the consumer then counts the number once): the queue may
 * then hold {@code maxSize + 1} until that element is taken.
 *
 * <p>One producer thread and one consumer thread at a time ({@link QueueShape#ONE_TO_ONE}): the
 * fields below are each used by one of them.
 */
final class SpscQueueRing extends QueueRing implements MessageHandler {
    /** Record types are non-negative ints: they carry an element's number modulo 2^31. */
    private static final int NUMBER_MASK = Integer.MAX_VALUE;
    /** A number this far or farther ahead (modulo 2^31) is behind: one already counted. */
    private static final int BEHIND = 1 << 30;
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
    /** Consumer: the handler of the drain in progress. */
    private MessageHandler consumer;

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
            takenCache = state.taken();
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
        consumer = handler;
        try {
            return ring.drain(this, limit);
        } finally {
            consumer = null;
        }
    }

    /** Counts the element as taken (only forward), then hands it to the queue's handler. */
    @Override
    public void onMessage(int number, MemorySegment buffer, long offset, int length) {
        long taken = state.taken();
        int ahead = (number - (int) taken) & NUMBER_MASK;
        if (ahead < BEHIND) {
            state.setTaken(taken + ahead + 1);
        }
        consumer.onMessage(QueueRing.ELEMENT, buffer, offset, length);
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
        // Taken first: it never passes the put count read after it, except by an uncounted put.
        long taken = state.taken();
        return state.put() - taken;
    }
}
