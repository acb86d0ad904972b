package io.mproc.ring;

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
 * producer thread arrive in the order it committed them.
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
 * its head: positive = committed, negative = claimed, 0 = nothing written. After handling it
 * marks the record as padding, zeroes it (the next lap needs zero headers) and, once per batch,
 * release-stores the head.
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
 *   <li>Consumer killed: the head has not moved past what it was handling, so that batch is
 *       delivered again (at-least-once). Records are marked padding before being zeroed and the
 *       header is zeroed last, so a record half-zeroed by a killed consumer is skipped, never
 *       misread.</li>
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
    private final WaitPoint notEmpty;
    private final WaitPoint notFull;
    private final MpscAnnounceTable announces;
    /** This process's pid and start token as the one 8-byte word a claim's header carries. */
    private final long producerIdentity = RecordLayout.pairWord(
        ProcessIdentity.current().pid(), ProcessIdentity.current().startToken());

    /** Producers' last acquire-loaded head, shared by this process's producer threads (opaque). */
    @SuppressWarnings("unused")
    private long headCache;
    /** Consumer-local: last acquire-loaded tail; only ever behind the real tail. */
    private long tailCache;
    /** Consumer-local: the position where it last found an uncommitted record, and since when. */
    private long stallPosition = -1;
    private long stallSince;
    /** Consumer-local: records and bytes skipped as claimed by dead producers. */
    private long deadRecordsSkipped;

    private MpscRing(Region region, RingGeometry geometry) {
        this.name = region.name();
        this.region = region;
        this.body = region.body();
        this.data = body.asSlice(MpscRingLayout.dataOffset(geometry.slots()), geometry.capacity());
        this.capacity = geometry.capacity();
        this.mask = capacity - 1;
        this.maxMessageLength = geometry.maxMessageLength();
        this.notEmpty = new WaitPoint(body, MpscRingLayout.NOT_EMPTY_OFFSET);
        this.notFull = new WaitPoint(body, MpscRingLayout.NOT_FULL_OFFSET);
        this.announces = new MpscAnnounceTable(name, body, geometry.slots());
        this.headCache = OrderedAccess.getLongAcquire(body, HEAD_OFFSET);
        this.tailCache = OrderedAccess.getLongAcquire(body, TAIL_OFFSET);
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
        // Plain: the consumer is the only writer of the head.
        final long head = OrderedAccess.getLongPlain(body, HEAD_OFFSET);
        long position = head;
        int count = 0;
        try {
            while (count < limit) {
                int index = (int) position & mask;
                // Acquire: pairs with the producer's release of the length (commit or claim).
                int length = OrderedAccess.getIntAcquire(data, index + LENGTH_OFFSET);
                if (length <= 0) {
                    long next = MpscRecovery.afterStall(this, position, index, length);
                    if (next == position) {
                        break;
                    }
                    position = next;
                    continue;
                }
                int aligned = align(length);
                try {
                    // Plain: covered by the length acquire.
                    int type = OrderedAccess.getIntPlain(data, index + TYPE_OFFSET);
                    if (type != PADDING_TYPE) {
                        handler.onMessage(type, data, index + MPSC_HEADER_LENGTH, length - MPSC_HEADER_LENGTH);
                        count++;
                    }
                } finally {
                    zeroRecord(index, aligned);
                    position += aligned;
                }
            }
        } finally {
            if (position != head) {
                // Release: the zeroing and our reads happen-before producers reclaim the space.
                OrderedAccess.setLongRelease(body, HEAD_OFFSET, position);
                signalNotFull();
            }
        }
        return count;
    }

    /**
     * Zeroes a consumed record so the next lap finds 0 headers: first marks it as padding (so a
     * consumer killed midway leaves a record its successor skips), then zeroes the rest, then
     * the length and type word last.
     */
    void zeroRecord(int index, int aligned) {
        // Plain store, then a store-store fence: the mark must land before any zeroing.
        OrderedAccess.setIntPlain(data, index + TYPE_OFFSET, PADDING_TYPE);
        VarHandle.storeStoreFence();
        zero(index + ALIGNMENT, aligned - ALIGNMENT);
        // Release: the zeroed body is in memory before the header reads as "nothing here".
        OrderedAccess.setLongRelease(data, index + LENGTH_OFFSET, 0L);
    }

    /** Plain zeroing of consumed space; published by the head release. */
    void zero(int index, int length) {
        if (length <= 256) {
            for (int i = 0; i < length; i += ALIGNMENT) {
                OrderedAccess.setLongPlain(data, index + i, 0L);
            }
        } else {
            data.asSlice(index, length).fill((byte) 0);
        }
    }

    @Override
    public boolean isEmpty() {
        // Acquire: a snapshot for any thread. A pending padding record counts as non-empty.
        long head = OrderedAccess.getLongAcquire(body, HEAD_OFFSET);
        return OrderedAccess.getIntAcquire(data, (int) head & mask) <= 0;
    }

    /** Records this consumer skipped because their claimers died before committing them. */
    public long deadRecordsSkipped() {
        return deadRecordsSkipped;
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

    // ---- for MpscRecovery (consumer side, same thread) ----

    MemorySegment body() {
        return body;
    }

    int capacityBytes() {
        return capacity;
    }

    MpscAnnounceTable announces() {
        return announces;
    }

    long tailCache() {
        return tailCache;
    }

    void tailCache(long tail) {
        tailCache = tail;
    }

    boolean stalledLongEnough(long position) {
        long now = System.nanoTime();
        if (stallPosition != position) {
            stallPosition = position;
            stallSince = now;
            return false;
        }
        if (now - stallSince < STALL_NANOS) {
            return false;
        }
        stallSince = now; // if the claimer is alive, check again after another STALL_NANOS
        return true;
    }

    void countDeadRecord() {
        deadRecordsSkipped++;
    }

    @Override
    public String toString() {
        return "MpscRing[" + name + ", capacity=" + capacity + ", maxMessageLength=" + maxMessageLength + "]";
    }
}
