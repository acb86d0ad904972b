package io.mproc.ring;

import static io.mproc.ring.MpscRingLayout.CONSUMED_OFFSET;
import static io.mproc.ring.MpscRingLayout.HEAD_OFFSET;
import static io.mproc.ring.MpscRingLayout.NO_POSITION;
import static io.mproc.ring.MpscRingLayout.TAIL_OFFSET;
import static io.mproc.ring.RecordLayout.ALIGNMENT;
import static io.mproc.ring.RecordLayout.LENGTH_OFFSET;
import static io.mproc.ring.RecordLayout.MPSC_HEADER_LENGTH;
import static io.mproc.ring.RecordLayout.PADDING_TYPE;
import static io.mproc.ring.RecordLayout.PID_OFFSET;
import static io.mproc.ring.RecordLayout.TYPE_OFFSET;
import static io.mproc.ring.RecordLayout.align;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.ProcessIdentity;
import io.mproc.memory.Region;
import io.mproc.memory.RegionNamespace;
import io.mproc.wait.WaitPoint;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A multi-producer, single-consumer ring of variable-length messages in a shared-memory region
 * ({@link MpscRingLayout}, records with the 16-byte header of {@link RecordLayout}).
 *
 * <p><b>Contract.</b> Any number of threads in any processes produce (at most
 * {@link MpscRingLayout#DEFAULT_SLOTS} at once); one thread at a time consumes. Messages of one
 * producer thread arrive in the order it committed them. Consumed space becomes free for
 * producers in batches of {@link MpscRingLayout#zeroingBatch} bytes (at most 4 KiB), and all of
 * it as soon as a poll finds the ring empty; so right after one poll of a full ring, an offer
 * may still find it full.
 *
 * <p><b>Progress.</b> Producers are lock-free: a claim is a compare-and-set of the tail, which
 * fails only because another producer's claim succeeded. The consumer is wait-free except that
 * it cannot pass a record a live producer has claimed but not yet committed: it then reports
 * nothing (it never blocks), and delivers once the producer commits.
 *
 * <p><b>Producer protocol.</b> (1) Release-store the tail value about to be claimed into the
 * thread's announce slot ({@link MpscAnnounceTable}); (2) CAS the tail forward; (3)
 * release-store the <em>negative</em> record length together with the type as one 8-byte word
 * (nothing of the record is written before it, so a claimer killed earlier leaves only zeros),
 * then pid and start token as another single 8-byte word; (4) if
 * the claim wrapped, write the padding record before index 0; (5) write the payload; (6)
 * release-store the positive length: the commit. The consumer acquire-loads the length at
 * its {@code consumed} position: positive = committed, negative = claimed, 0 = nothing
 * written. After each drain it release-stores {@code consumed}; once
 * {@link MpscRingLayout#zeroingBatch} bytes of consumed space have built up below it, it zeroes
 * them (the next lap needs zero headers) and release-stores the head, up to which producers
 * may reuse space. Zeroing in batches keeps it off the per-message path (see
 * {@link #drain}).
 *
 * <p><b>SIGKILL.</b>
 * <ul>
 *   <li>Producer killed before its CAS: nothing was claimed; its announce (if any) is below
 *       the next tail or belongs to a dead owner, so it is ignored.</li>
 *   <li>Killed between its CAS and the negative header ("the claim window"): the header at
 *       the head stays 0 while tail &gt; head. After the record has stayed so for
 *       {@link #STALL_NANOS}, the consumer acquire-loads the tail, reads the announce table,
 *       and then scans the 8-byte-aligned length words from the head. Space from the head up
 *       to the first non-zero header, the smallest position a live producer announced, the
 *       tail, or the end of the data area, whichever is first, was claimed by dead producers
 *       and is skipped. If a live producer announced exactly the head, the consumer waits: that
 *       producer may be the slow winner. Safe because every claim below the tail the consumer
 *       read was preceded by its announce (announce, then CAS, whose release makes the announce
 *       visible to anyone acquiring a later tail); the claimer's later slot stores are releases
 *       made after its header stores, so the consumer, which reads the slots before the headers,
 *       sees either the announce (live owner: not skipped), or the header (not skipped), or a
 *       dead owner (skipped, and a dead process writes nothing more).</li>
 *   <li>Killed after the negative header, before the commit: the header names the claimer; a
 *       consumer that has waited {@link #STALL_NANOS} checks it with
 *       {@link ProcessIdentity#isAliveByToken} and skips the record (its length is known) if
 *       the claimer is dead. If the identity word is still zero (killed between the two
 *       header stores, or alive and slow there), the announce table decides, as above: a live
 *       announcer of this position means wait.</li>
 *   <li>In every case the dead producer's uncommitted message is lost (it was never sent), and
 *       its committed messages stay a gap-free prefix of what it offered.</li>
 *   <li>Consumer killed: {@code consumed} has not moved past the drain it was in, so the
 *       messages of that one drain call are delivered again to the next consumer
 *       (at-least-once). Everything below {@code consumed} is never read again: a consumer
 *       killed while zeroing leaves a half-zeroed span below {@code consumed} and above the
 *       head, which its successor zeroes again before moving the head.</li>
 * </ul>
 */
public final class MpscRing implements MessageRing {
    /** How long a record may stay claimed-but-uncommitted before the consumer checks its claimer. */
    public static final long STALL_NANOS = 1_000_000;

    private static final VarHandle HEAD_CACHE;

    static {
        try {
            HEAD_CACHE = MethodHandles.lookup().findVarHandle(MpscRing.class, "headCache", long.class)
                .withInvokeExactBehavior();
        } catch (ReflectiveOperationException impossible) {
            throw new ExceptionInInitializerError(impossible);
        }
    }

    private final String name;
    private final Region region;
    private final MemorySegment body;
    private final MemorySegment data;
    private final int capacity;
    private final int mask;
    private final int maxMessageLength;
    /** Consumed bytes left unzeroed below the consumed position ({@link MpscRingLayout#zeroingBatch}). */
    private final int zeroingBatch;
    private final WaitPoint notEmpty;
    private final WaitPoint notFull;
    private final MpscAnnounceTable announces;
    /** Consumer-local: what to do at an uncommitted record, and how long it has been one. */
    private final MpscRecovery recovery;
    /** This process's pid and start token as the one 8-byte word a claim's header carries. */
    private final long producerIdentity = RecordLayout.pairWord(
        ProcessIdentity.current().pid(), ProcessIdentity.current().startToken());

    /** Producers' last acquire-loaded head, shared by this process's producer threads (opaque). */
    @SuppressWarnings("unused")
    private long headCache;

    private MpscRing(Region region, RingGeometry geometry) {
        this.name = region.name();
        this.region = region;
        this.body = region.body();
        this.data = body.asSlice(MpscRingLayout.dataOffset(geometry.slots()), geometry.capacity());
        this.capacity = geometry.capacity();
        this.mask = capacity - 1;
        this.maxMessageLength = geometry.maxMessageLength();
        this.zeroingBatch = MpscRingLayout.zeroingBatch(capacity, maxMessageLength);
        this.notEmpty = new WaitPoint(body, MpscRingLayout.NOT_EMPTY_OFFSET);
        this.notFull = new WaitPoint(body, MpscRingLayout.NOT_FULL_OFFSET);
        this.announces = new MpscAnnounceTable(name, body, geometry.slots());
        this.recovery = new MpscRecovery(body, data, capacity, announces);
        this.headCache = OrderedAccess.getLongAcquire(body, HEAD_OFFSET);
    }

    /**
     * Creates the ring {@code name}: a data area of {@code capacityBytes} (a power of two from
     * 64 to 2<sup>30</sup>) for messages of up to {@code maxMessageLength} bytes (at most
     * {@code capacityBytes / 8}), and {@link MpscRingLayout#DEFAULT_SLOTS} producer slots.
     */
    public static MpscRing create(RegionNamespace namespace, String name, int capacityBytes, int maxMessageLength) {
        RingGeometry.requireValid(name, capacityBytes, maxMessageLength);
        int slots = MpscRingLayout.DEFAULT_SLOTS;
        RingGeometry geometry = new RingGeometry(capacityBytes, maxMessageLength, slots);
        Region region = namespace.create(name, MpscRingLayout.KIND, MpscRingLayout.bodySize(slots, capacityBytes),
            geometry::write);
        return new MpscRing(region, geometry);
    }

    /** Attaches to an existing MPSC ring, checking its kind and metadata. */
    public static MpscRing attach(RegionNamespace namespace, String name) {
        Region region = namespace.attach(name, MpscRingLayout.KIND);
        try {
            return new MpscRing(region, RingGeometry.read(region, MpscRingLayout::dataOffset));
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

    // ---- producers ----

    @Override
    public long tryClaim(int type, int length) {
        RecordLayout.requireValidType(name, type);
        RecordLayout.requireValidLength(name, length, maxMessageLength);
        int recordLength = MPSC_HEADER_LENGTH + length;
        int aligned = align(recordLength);
        long announce = announces.positionOffset();
        while (true) {
            // Opaque: only the CAS's expected value; a stale one just fails the CAS.
            long tail = OrderedAccess.getLongOpaque(body, TAIL_OFFSET);
            int index = (int) tail & mask;
            int toEnd = capacity - index;
            int required = aligned <= toEnd ? aligned : toEnd + aligned;
            if (tail + required - (long) HEAD_CACHE.getOpaque(this) > capacity) {
                // Acquire: pairs with the consumer's head release; that space is zeroed and read.
                long head = OrderedAccess.getLongAcquire(body, HEAD_OFFSET);
                HEAD_CACHE.setOpaque(this, head);
                if (tail + required - head > capacity) {
                    // Release: a stale announce at a live slot would make the consumer wait for us.
                    OrderedAccess.setLongRelease(body, announce, NO_POSITION);
                    return INSUFFICIENT_CAPACITY;
                }
            }
            // Release: ordered after our previous record's header stores (see class comment).
            OrderedAccess.setLongRelease(body, announce, tail);
            // CAS: competing producers; its release publishes the announce with the new tail.
            if (OrderedAccess.compareAndSetLong(body, TAIL_OFFSET, tail, tail + required)) {
                int record = required == aligned ? index : 0;
                // Release, one 8-byte store of length (negative: claimed) and type: nothing of
                // the record is written before its length, so the space of a claimer killed
                // before this store stays all zero, which the consumer's recovery relies on.
                OrderedAccess.setLongRelease(data, record + LENGTH_OFFSET,
                    RecordLayout.pairWord(-recordLength, type));
                // Release, one 8-byte store: pid and start token appear together, never a pid
                // with a missing token (which would look like a recycled pid, i.e. dead).
                OrderedAccess.setLongRelease(data, record + PID_OFFSET, producerIdentity);
                if (required != aligned) {
                    // Release, one store: the padding before the wrap appears whole.
                    OrderedAccess.setLongRelease(data, index + LENGTH_OFFSET,
                        RecordLayout.pairWord(toEnd, PADDING_TYPE));
                }
                return record + MPSC_HEADER_LENGTH;
            }
        }
    }

    @Override
    public void commit(long index) {
        int record = claimedRecord(index);
        // Plain: our own negative length; release of its negation publishes the payload.
        int length = OrderedAccess.getIntPlain(data, record + LENGTH_OFFSET);
        OrderedAccess.setIntRelease(data, record + LENGTH_OFFSET, -length);
        signalNotEmpty();
    }

    @Override
    public void abort(long index) {
        int record = claimedRecord(index);
        // Plain type, then the commit's release: consumers see a whole padding record.
        OrderedAccess.setIntPlain(data, record + TYPE_OFFSET, PADDING_TYPE);
        commit(index);
    }

    private int claimedRecord(long index) {
        long record = index - MPSC_HEADER_LENGTH;
        if (record < 0 || record >= capacity || (record & (ALIGNMENT - 1)) != 0
            || OrderedAccess.getIntPlain(data, (int) record + LENGTH_OFFSET) >= 0) {
            throw new IllegalArgumentException("ring " + name + ": index=" + index
                + " (expected: an uncommitted tryClaim result)");
        }
        return (int) record;
    }

    // ---- consumer ----

    @Override
    public int drain(MessageHandler handler, int limit) {
        // Plain: the consumer is the only writer of consumed and head.
        final long consumed = OrderedAccess.getLongPlain(body, CONSUMED_OFFSET);
        long head = OrderedAccess.getLongPlain(body, HEAD_OFFSET);
        long position = consumed;
        int count = 0;
        try {
            while (count < limit) {
                if (position - head > zeroingBatch) {
                    // Keep the unzeroed span short: positions at or past head + capacity would
                    // read its stale headers as new records.
                    head = zeroConsumed(head, position);
                }
                int index = (int) position & mask;
                // Acquire: pairs with the producer's release of the length (commit or claim).
                int length = OrderedAccess.getIntAcquire(data, index + LENGTH_OFFSET);
                if (length <= 0) {
                    long next = recovery.afterStall(position, index, length);
                    if (next == position) {
                        if (position == consumed && head != position) {
                            // Nothing to deliver: zero now, while no one waits for this thread.
                            head = zeroConsumed(head, position);
                        }
                        break;
                    }
                    position = next;
                    continue;
                }
                // Advance first: a handler that throws has still been handed the message.
                position += align(length);
                // Plain: covered by the length acquire.
                int type = OrderedAccess.getIntPlain(data, index + TYPE_OFFSET);
                if (type != PADDING_TYPE) {
                    handler.onMessage(type, data, index + MPSC_HEADER_LENGTH, length - MPSC_HEADER_LENGTH);
                    count++;
                }
            }
        } finally {
            if (position - head > zeroingBatch) {
                zeroConsumed(head, position); // publishes consumed too
            } else if (position != consumed) {
                // Release: what the handler read happens-before a successor consumer starts here.
                OrderedAccess.setLongRelease(body, CONSUMED_OFFSET, position);
            }
        }
        return count;
    }

    /**
     * Zeroes the consumed space {@code [head, position)} and moves the head to
     * {@code position}, letting producers reuse it; returns the new head. Done in batches of
     * {@link MpscRingLayout#zeroingBatch} bytes, not per message, on purpose: in a
     * request/response exchange the consumer's zeroing stores would otherwise still be in
     * flight when the same thread's next claim CAS (a full fence) has to wait for them, one
     * cross-core transfer per message.
     */
    private long zeroConsumed(long head, long position) {
        // Release: consumed must be visible before any zeroing, so that a successor of a
        // consumer killed while zeroing never reads zeroed records as still to come.
        OrderedAccess.setLongRelease(body, CONSUMED_OFFSET, position);
        VarHandle.storeStoreFence();
        zeroSpan(head, position);
        // Release: the zeroing and our reads happen-before producers reclaim the space.
        OrderedAccess.setLongRelease(body, HEAD_OFFSET, position);
        signalNotFull();
        return position;
    }

    /** Plain zeroing of the consumed positions {@code [from, to)}, which may wrap. */
    private void zeroSpan(long from, long to) {
        int start = (int) from & mask;
        int length = (int) (to - from);
        int firstPart = Math.min(length, capacity - start);
        RecordLayout.zero(data, start, firstPart);
        if (firstPart < length) {
            RecordLayout.zero(data, 0, length - firstPart);
        }
    }

    @Override
    public boolean isEmpty() {
        // Acquire: a snapshot for any thread. A pending padding record counts as non-empty.
        long consumed = OrderedAccess.getLongAcquire(body, CONSUMED_OFFSET);
        return OrderedAccess.getIntAcquire(data, (int) consumed & mask) <= 0;
    }

    /** Records this consumer skipped because their claimers died before committing them. */
    public long deadRecordsSkipped() {
        return recovery.deadRecordsSkipped();
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

    /** Frees this handle's producer slots, then unmaps. */
    @Override
    public void close() {
        if (region.isOpen()) {
            announces.releaseAll();
        }
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
        return "MpscRing[" + name + ", capacity=" + capacity + ", maxMessageLength=" + maxMessageLength + "]";
    }
}
