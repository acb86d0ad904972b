package io.mproc.ring;

import static io.mproc.ring.RecordLayout.LENGTH_OFFSET;
import static io.mproc.ring.RecordLayout.PADDING_TYPE;
import static io.mproc.ring.RecordLayout.SPSC_HEADER_LENGTH;
import static io.mproc.ring.RecordLayout.TYPE_OFFSET;
import static io.mproc.ring.RecordLayout.align;
import static io.mproc.ring.SpscRingLayout.CONSUMED_OFFSET;
import static io.mproc.ring.SpscRingLayout.HEAD_OFFSET;
import static io.mproc.ring.SpscRingLayout.TAIL_OFFSET;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.Region;
import io.mproc.memory.RegionNamespace;
import io.mproc.wait.WaitPoint;
import java.lang.foreign.MemorySegment;

/**
 * A single-producer, single-consumer ring of variable-length messages in a shared-memory
 * region ({@link SpscRingLayout}, records as in {@link RecordLayout}).
 *
 * <p><b>Contract.</b> At most one thread produces and at most one thread consumes at a time,
 * across all processes; handing either role to another thread or process needs a
 * happens-before edge (a lock, a join, a process exit observed) between the old and the new
 * holder. A role may move back and forth between handles: each claim checks that the shared
 * tail is still where this handle left it (one load of a line only producers write), and
 * each drain starts from the shared consumed position. The producer keeps a process-local
 * cached copy of the head; a stale cache can only make the ring look fuller than it is, never
 * the reverse, because positions only grow.
 *
 * <p><b>Space comes back one drain late.</b> The bytes a drain consumed are given back to the
 * producer at the start of the consumer's next drain (or poll), not at the end of their own:
 * so right after a poll of a full ring, an offer still finds it full until the consumer polls
 * again. A consumer about to wait for messages without draining calls
 * {@link #giveBackConsumed()} first (a drain that finds nothing, or only padding, gives back
 * by itself), so a producer waiting for room never waits on a consumer that waits for
 * messages; a consumer that stops polling holds at most the space of its last drain.
 * {@link #capacityFor} does not count that space. Where the consumer may itself wait for room
 * elsewhere (two rings in opposite directions between the same two threads), the producer
 * keeps that space out of reach with {@link #limitInFlight} instead.
 *
 * <p><b>Progress.</b> Both sides are wait-free: every claim, commit, abort and drain finishes
 * in a bounded number of steps, whatever the other side does. {@link #oldestType()}, a look
 * from any thread, is lock-free: it looks again while the consumer moves.
 *
 * <p><b>Ordering.</b> A record is committed by a release store of its length word, written
 * after its type and payload (plain). The consumer acquire-loads the length word at its
 * position: zero means "nothing yet". So a message moves from producer to consumer in the
 * cache lines it occupies and nothing else (no shared tail to fetch first), which is what
 * makes a round trip cost little more than the hardware's cache-line round trip. After each
 * {@link #drain} batch the consumer release-stores its {@code consumed} position, in a line of
 * its own. For "zero means nothing yet" to hold on every lap, the consumer zeroes the bytes it
 * consumed before it gives them back with a release store of the head; the producer
 * acquire-loads the head (only when its cached copy says the ring is full) before it
 * overwrites them. The zeroing waits for the consumer's next drain: in a request-reply
 * exchange that drain is the one that finds nothing yet, so the zero stores (which take the
 * record's line from the producer) are not queued ahead of the reply. The producer also keeps
 * its position in the shared tail word, for whoever produces next; the consumer never reads
 * it.
 *
 * <p><b>SIGKILL.</b> A producer killed before a record's length store leaves nothing visible:
 * the next producer (its first claim) finds the end of the committed records by walking their
 * headers from the consumed position (or the tail, if later), and zeroes whatever a dead
 * predecessor may have written beyond them. Killed after the length store, the message was
 * sent. A consumer killed before its consumed store leaves it unmoved: the messages it was
 * handling are delivered again to the next consumer (at-least-once for the in-flight message
 * or batch). A consumer killed while zeroing consumed bytes loses nothing: they lie between
 * the head and the consumed position, and the next consumer zeroes them again before it gives
 * them back. A handler that throws consumes its message (it is not redelivered, so one bad
 * message cannot wedge the ring).
 */
public final class SpscRing implements MessageRing {
    private final String name;
    private final Region region;
    private final MemorySegment body;
    private final MemorySegment data;
    private final int capacity;
    private final int mask;
    private final int maxMessageLength;
    private final WaitPoint notEmpty;
    private final WaitPoint notFull;

    /** Producer's last acquire-loaded head: process-local, only ever behind the real head. */
    private long headCache;
    /** Producer: at most this many bytes of unconsumed records ({@link #limitInFlight}). */
    private long inFlightLimit;
    /** Producer's last acquire-loaded consumed position, for the in-flight limit; only ever behind. */
    private long consumedCache;
    /**
     * Producer's position (bytes ever claimed), or -1 until this handle's first claim. Equal to
     * the shared tail after each commit; a tail that differs at the next claim means another
     * handle produced meanwhile, and the position is recovered again.
     */
    private long producerPosition = -1;
    /** Whether this handle has consumed before (a new consumer first acquires its predecessor's positions). */
    private boolean consumerStarted;
    /** Length of the record claimed and not yet committed (-1: none). */
    private int claimedLength = -1;

    private SpscRing(Region region, RingGeometry geometry) {
        this.name = region.name();
        this.region = region;
        this.body = region.body();
        this.data = body.asSlice(SpscRingLayout.DATA_OFFSET, geometry.capacity());
        this.capacity = geometry.capacity();
        this.mask = capacity - 1;
        this.maxMessageLength = geometry.maxMessageLength();
        this.notEmpty = new WaitPoint(body, SpscRingLayout.NOT_EMPTY_OFFSET);
        this.notFull = new WaitPoint(body, SpscRingLayout.NOT_FULL_OFFSET);
        // Start from the shared position: another process may have used the ring before.
        this.headCache = OrderedAccess.getLongAcquire(body, HEAD_OFFSET);
        this.consumedCache = headCache;
        this.inFlightLimit = capacity;
    }

    /**
     * Creates the ring {@code name} in {@code namespace}: a data area of {@code capacityBytes}
     * (a power of two from 64 to 2<sup>30</sup>) for messages of up to {@code maxMessageLength}
     * bytes (at most {@code capacityBytes / 8}).
     */
    public static SpscRing create(RegionNamespace namespace, String name, int capacityBytes, int maxMessageLength) {
        RingGeometry.requireValid(name, capacityBytes, maxMessageLength);
        RingGeometry geometry = new RingGeometry(capacityBytes, maxMessageLength, 0);
        Region region = namespace.create(name, SpscRingLayout.KIND, SpscRingLayout.bodySize(capacityBytes),
            geometry::write);
        return new SpscRing(region, geometry);
    }

    /**
     * The smallest capacity for {@link #create} at which {@code messages} messages of
     * {@code maxMessageLength} bytes fit in the ring at once, wherever its producer stands: a
     * record never wraps, so once per lap the end of the data area may go unused.
     *
     * @throws IllegalArgumentException if that is more than the largest capacity, 2<sup>30</sup>
     */
    public static int capacityFor(int messages, int maxMessageLength) {
        if (messages < 1 || maxMessageLength < 0) {
            throw new IllegalArgumentException("messages=" + messages + ", maxMessageLength=" + maxMessageLength
                + " (expected: messages >= 1, maxMessageLength >= 0)");
        }
        long record = (SPSC_HEADER_LENGTH + (long) maxMessageLength + RecordLayout.ALIGNMENT - 1)
            & -RecordLayout.ALIGNMENT;
        // One record's worth more: the padding before index 0 is shorter than a record.
        long needed = Math.max((messages + 1L) * record,
            Math.max(RingGeometry.MIN_CAPACITY, (long) maxMessageLength * RingGeometry.MAX_MESSAGE_FRACTION));
        if (needed > RingGeometry.MAX_CAPACITY) {
            throw new IllegalArgumentException(messages + " messages of maxMessageLength=" + maxMessageLength
                + " need a ring of " + needed + " bytes (expected: at most " + RingGeometry.MAX_CAPACITY + ")");
        }
        return Integer.highestOneBit((int) needed - 1) << 1;
    }

    /** Attaches to an existing SPSC ring, checking its kind and metadata. */
    public static SpscRing attach(RegionNamespace namespace, String name) {
        Region region = namespace.attach(name, SpscRingLayout.KIND);
        try {
            return new SpscRing(region, RingGeometry.read(region, slots -> SpscRingLayout.DATA_OFFSET));
        } catch (RuntimeException bad) {
            region.close();
            throw bad;
        }
    }

    @Override
    public int maxMessageLength() {
        return maxMessageLength;
    }

    @Override
    public long capacity() {
        return capacity;
    }

    // ---- producer ----

    @Override
    public long tryClaim(int type, int length) {
        RecordLayout.requireValidType(name, type);
        RecordLayout.requireValidLength(name, length, maxMessageLength);
        if (claimedLength >= 0) {
            throw new IllegalStateException("ring " + name + ": a claim is pending (commit or abort it first)");
        }
        // Acquire: the shared tail is ours unless another handle produced since our last commit
        // (the role moved away and back); then its records lie beyond our stale position.
        if (producerPosition < 0 || OrderedAccess.getLongAcquire(body, TAIL_OFFSET) != producerPosition) {
            producerPosition = recoverProducerPosition();
        }
        int recordLength = SPSC_HEADER_LENGTH + length;
        int aligned = align(recordLength);
        long tail = producerPosition;
        int index = (int) tail & mask;
        int toEnd = capacity - index;
        int required = aligned <= toEnd ? aligned : toEnd + aligned;
        if (tail + required - headCache > capacity) {
            // Acquire: pairs with the consumer's head release; its reads and zeroing are done
            // before we overwrite.
            headCache = OrderedAccess.getLongAcquire(body, HEAD_OFFSET);
            if (tail + required - headCache > capacity) {
                return INSUFFICIENT_CAPACITY;
            }
        }
        if (inFlightLimit < capacity && tail + required - consumedCache > inFlightLimit) {
            // Acquire: a look at how far the consumer has read (a line it writes), only when
            // the cached position says the limit is reached.
            consumedCache = OrderedAccess.getLongAcquire(body, CONSUMED_OFFSET);
            if (tail + required - consumedCache > inFlightLimit) {
                return INSUFFICIENT_CAPACITY;
            }
        }
        if (required != aligned) {
            // A padding record to the end; committed at once (release), as it carries nothing.
            OrderedAccess.setIntPlain(data, index + TYPE_OFFSET, PADDING_TYPE);
            OrderedAccess.setIntRelease(data, index + LENGTH_OFFSET, toEnd);
            producerPosition = tail + toEnd;
            index = 0;
        }
        // Plain: published by the length release in commit.
        OrderedAccess.setIntPlain(data, index + TYPE_OFFSET, type);
        claimedLength = recordLength;
        return index + SPSC_HEADER_LENGTH;
    }

    /**
     * Producer, for this handle: claims keep at most {@code bytes} of unconsumed records in the
     * ring (at least a quarter of the capacity). With half the capacity or less, the space a
     * consumer holds until its next drain (see "Space comes back one drain late") never keeps
     * a producer waiting once everything sent was read: a pair of rings whose two consumers
     * also produce into each other cannot then wedge on that space.
     *
     * @throws IllegalArgumentException if {@code bytes} is below a quarter of the capacity or above it
     */
    public void limitInFlight(int bytes) {
        if (bytes < capacity / 4 || bytes > capacity) {
            throw new IllegalArgumentException("ring " + name + ": in-flight limit " + bytes + " (expected: "
                + capacity / 4 + " to the capacity " + capacity + ")");
        }
        inFlightLimit = bytes;
    }

    @Override
    public void commit(long index) {
        int record = recordIndex(index);
        int recordLength = claimedLength;
        if (recordLength < 0 || record != ((int) producerPosition & mask)) {
            throw new IllegalArgumentException("ring " + name + ": index=" + index + " (expected: the pending tryClaim result)");
        }
        claimedLength = -1;
        // Release: the commit. Type and payload become visible to the consumer's acquire load.
        OrderedAccess.setIntRelease(data, record + LENGTH_OFFSET, recordLength);
        producerPosition += align(recordLength);
        // Release: for the next producer and a consumer taking over (their recovery reads
        // records below it); on x86 a plain store. Nobody waits on it.
        OrderedAccess.setLongRelease(body, TAIL_OFFSET, producerPosition);
        signalNotEmpty();
    }

    @Override
    public void abort(long index) {
        int record = recordIndex(index);
        // Plain: our own claimed header; the commit's length release publishes it as padding.
        OrderedAccess.setIntPlain(data, record + TYPE_OFFSET, PADDING_TYPE);
        commit(index);
    }

    private int recordIndex(long index) {
        long record = index - SPSC_HEADER_LENGTH;
        if (record < 0 || record >= capacity || (record & (RecordLayout.ALIGNMENT - 1)) != 0) {
            throw new IllegalArgumentException("ring " + name + ": index=" + index + " (expected: a tryClaim result)");
        }
        return (int) record;
    }

    /**
     * Where this handle starts producing: after the last committed record. The shared tail may
     * lag it (a producer killed between its commit and its tail store) and trail the consumed
     * position (all delivered), so walk the committed headers from the later of the two. A
     * header found zero may be one the consumer zeroed after delivering it: then the consumed
     * position has passed it, and the walk goes on from there. Then zero what a predecessor
     * killed mid-claim may have written beyond: at most one record (its padding, if any, was
     * committed and walked over), and only in free space.
     */
    private long recoverProducerPosition() {
        // Acquire all: the consumer's zeroing before its head release; the committed records.
        long head = OrderedAccess.getLongAcquire(body, HEAD_OFFSET);
        long position = OrderedAccess.getLongAcquire(body, TAIL_OFFSET);
        long consumed = OrderedAccess.getLongAcquire(body, CONSUMED_OFFSET);
        do {
            position = Math.max(position, consumed);
            while (position - head < capacity) {
                int length = OrderedAccess.getIntAcquire(data, ((int) position & mask) + LENGTH_OFFSET);
                if (length <= 0) {
                    break;
                }
                position += align(length);
            }
        } while ((consumed = OrderedAccess.getLongAcquire(body, CONSUMED_OFFSET)) > position);
        long free = capacity - (position - head);
        long dirty = Math.min(free, align(SPSC_HEADER_LENGTH + maxMessageLength));
        zero(position, dirty);
        headCache = head;
        return position;
    }

    // ---- consumer ----

    @Override
    public int drain(MessageHandler handler, int limit) {
        final long consumed = giveBackConsumed();
        long position = consumed;
        int count = 0;
        try {
            // Within one lap of the head (now the consumed position): beyond it lie this lap's
            // records, not yet zeroed, where the producer has not written.
            while (count < limit && position - consumed < capacity) {
                int index = (int) position & mask;
                // Acquire: pairs with the producer's commit; type and payload are complete.
                int length = OrderedAccess.getIntAcquire(data, index + LENGTH_OFFSET);
                if (length == 0) {
                    break;
                }
                int type = OrderedAccess.getIntPlain(data, index + TYPE_OFFSET);
                position += align(length);
                if (type != PADDING_TYPE) {
                    count++;
                    handler.onMessage(type, data, index + SPSC_HEADER_LENGTH, length - SPSC_HEADER_LENGTH);
                }
            }
        } finally {
            if (position != consumed) {
                // Release: for a consumer taking over (it starts here) and a producer recovering.
                // A line only the consumer writes, so in a round trip it stays in its cache.
                OrderedAccess.setLongRelease(body, CONSUMED_OFFSET, position);
                if (count == 0) {
                    // Only padding (aborted claims, the end of a lap): nobody waits for a reply
                    // to it, and a consumer that now waits for messages must not hold its room.
                    giveBack(consumed, position);
                }
            }
        }
        return count;
    }

    /**
     * Consumer: gives the space of the messages earlier drains consumed back to the producer
     * now, which the next drain would otherwise do first; returns the consumed position. A
     * consumer about to wait for messages without draining (on {@link #isEmpty()}, say) calls
     * it, so that the zeroing is done while nothing arrives rather than after something did,
     * and a producer waiting for room gets it.
     */
    public long giveBackConsumed() {
        final long consumed;
        final long head;
        if (consumerStarted) {
            // Plain: the consumer is the only writer of both; a role handed over brings a
            // happens-before edge with it.
            consumed = OrderedAccess.getLongPlain(body, CONSUMED_OFFSET);
            head = OrderedAccess.getLongPlain(body, HEAD_OFFSET);
        } else {
            consumerStarted = true;
            // Acquire both: a predecessor may have died without any edge to us.
            consumed = OrderedAccess.getLongAcquire(body, CONSUMED_OFFSET);
            head = OrderedAccess.getLongAcquire(body, HEAD_OFFSET);
        }
        if (head != consumed) {
            giveBack(head, consumed);
        }
        return consumed;
    }

    /**
     * Zeroes the consumed bytes from {@code head} to {@code consumed} (all of them delivered)
     * and gives them back to the producer. Zeroing again what a killed predecessor had begun
     * to zero is harmless: the producer writes nothing there before the head passes it.
     */
    private void giveBack(long head, long consumed) {
        // The consumed store (an earlier drain) is ordered before the zeros: a recovering
        // producer that reads a zeroed header then finds the consumed position past it.
        OrderedAccess.storeStoreFence();
        zero(head, consumed - head);
        // Release: the zeros happen-before the producer's acquire of the head and its reuse.
        OrderedAccess.setLongRelease(body, HEAD_OFFSET, consumed);
        signalNotFull();
    }

    /** Zeroes {@code length} bytes of the data area from {@code position}, wrapping at the end. */
    private void zero(long position, long length) {
        int index = (int) position & mask;
        long first = Math.min(length, capacity - index);
        RecordLayout.zero(data, index, first);
        if (first < length) {
            RecordLayout.zero(data, 0, length - first);
        }
    }

    /**
     * The type of the oldest committed message not yet consumed, or -1 when there is none: a
     * snapshot, for any thread (a queue over this ring numbers its messages in their types and
     * so learns how many were taken without a count of its own). Records given back and
     * reused while it looked are not mistaken for it: the consumed position must be the same
     * before and after the header is read.
     */
    public int oldestType() {
        while (true) {
            // Acquire: the records below it were consumed, the one at it was not (yet).
            long consumed = OrderedAccess.getLongAcquire(body, CONSUMED_OFFSET);
            // Acquire, after: no earlier than the head when consumed was read. From the head on,
            // one lap holds this lap's records; beyond it lie records consumed and not yet zeroed.
            long head = OrderedAccess.getLongAcquire(body, HEAD_OFFSET);
            long position = consumed;
            int type = -1;
            while (position - head < capacity) {
                // Acquire: one 8-byte word, so length and type come from the same record.
                long header = OrderedAccess.getLongAcquire(data, (int) position & mask);
                int length = RecordLayout.firstOfPair(header);
                if (length <= 0) {
                    break;
                }
                type = RecordLayout.secondOfPair(header);
                if (type != PADDING_TYPE) {
                    break;
                }
                type = -1;
                position += align(length);
            }
            // Acquire: unchanged means the headers read were still the unconsumed records.
            if (OrderedAccess.getLongAcquire(body, CONSUMED_OFFSET) == consumed) {
                return type;
            }
        }
    }

    @Override
    public boolean isEmpty() {
        // Acquire all: a snapshot for any thread. An aborted record counts as non-empty.
        long consumed = OrderedAccess.getLongAcquire(body, CONSUMED_OFFSET);
        // A whole lap consumed and not yet given back: the header there is from that lap.
        if (consumed - OrderedAccess.getLongAcquire(body, HEAD_OFFSET) >= capacity) {
            return true;
        }
        return OrderedAccess.getIntAcquire(data, ((int) consumed & mask) + LENGTH_OFFSET) == 0;
    }

    @Override
    public MemorySegment buffer() {
        return data;
    }

    @Override
    public WaitPoint notEmpty() {
        return notEmpty;
    }

    @Override
    public WaitPoint notFull() {
        return notFull;
    }

    @Override
    public Region region() {
        return region;
    }

    @Override
    public void close() {
        region.close();
    }

    private void signalNotEmpty() {
        notEmpty.signalAll();
    }

    private void signalNotFull() {
        notFull.signalAll();
    }

    @Override
    public String toString() {
        return "SpscRing[" + name + ", capacity=" + capacity + ", maxMessageLength=" + maxMessageLength + "]";
    }
}
