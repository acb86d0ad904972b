package io.mproc.ring;

import static io.mproc.ring.RecordLayout.LENGTH_OFFSET;
import static io.mproc.ring.RecordLayout.PADDING_TYPE;
import static io.mproc.ring.RecordLayout.SPSC_HEADER_LENGTH;
import static io.mproc.ring.RecordLayout.TYPE_OFFSET;
import static io.mproc.ring.RecordLayout.align;
import static io.mproc.ring.SpscRingLayout.HEAD_OFFSET;
import static io.mproc.ring.SpscRingLayout.TAIL_OFFSET;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.Region;
import io.mproc.memory.RegionNamespace;
import io.mproc.wait.WaitPoint;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A single-producer, single-consumer ring of variable-length messages in a shared-memory
 * region ({@link SpscRingLayout}, records as in {@link RecordLayout}).
 *
 * <p><b>Contract.</b> At most one thread produces and at most one thread consumes at a time,
 * across all processes; handing either role to another thread or process needs a
 * happens-before edge (a lock, a join, a process exit observed) between the old and the new
 * holder. Each role keeps a process-local cached copy of the other side's position; a new
 * handle starts from the shared positions, and a stale cache can only make the ring look
 * fuller (producer) or emptier (consumer) than it is, never the reverse, because positions
 * only grow.
 *
 * <p><b>Progress.</b> Both sides are wait-free: every call finishes in a bounded number of
 * steps, whatever the other side does.
 *
 * <p><b>Ordering.</b> The producer writes header and payload with plain stores and publishes
 * them with one release store of the tail; the consumer acquire-loads the tail (only when its
 * cached copy says it has caught up) and then reads plainly. The consumer gives space back
 * with a release store of the head (once per {@link #drain} batch), which orders its reads of
 * the records before the producer's acquire load of the head and its overwriting stores. No
 * zeroing is needed: the consumer never reads beyond the published tail.
 *
 * <p><b>SIGKILL.</b> A producer killed anywhere before its tail store leaves nothing visible:
 * its claim was private. Killed after it, the message was sent. A consumer killed before its
 * head store leaves the head unmoved: the messages it was handling are delivered again to the
 * next consumer (at-least-once for the in-flight message or batch). A handler that throws
 * consumes its message (it is not redelivered, so one bad message cannot wedge the ring).
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
    /** Consumer's last acquire-loaded tail: process-local, only ever behind the real tail. */
    private long tailCache;

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
        // Start from the shared positions: another process may have used the ring before.
        this.headCache = OrderedAccess.getLongAcquire(body, HEAD_OFFSET);
        this.tailCache = OrderedAccess.getLongAcquire(body, TAIL_OFFSET);
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
    public boolean offer(int type, MemorySegment source, long offset, int length) {
        long index = tryClaim(type, length);
        if (index < 0) {
            return false;
        }
        MemorySegment.copy(source, offset, data, index, length);
        commit(index);
        return true;
    }

    @Override
    public boolean offer(int type, byte[] source, int offset, int length) {
        long index = tryClaim(type, length);
        if (index < 0) {
            return false;
        }
        MemorySegment.copy(source, offset, data, ValueLayout.JAVA_BYTE, index, length);
        commit(index);
        return true;
    }

    @Override
    public long tryClaim(int type, int length) {
        RecordLayout.requireValidType(name, type);
        RecordLayout.requireValidLength(name, length, maxMessageLength);
        int recordLength = SPSC_HEADER_LENGTH + length;
        int aligned = align(recordLength);
        // Plain: the producer is the only writer of the tail.
        long tail = OrderedAccess.getLongPlain(body, TAIL_OFFSET);
        int index = (int) tail & mask;
        int toEnd = capacity - index;
        int required = aligned <= toEnd ? aligned : toEnd + aligned;
        if (tail + required - headCache > capacity) {
            // Acquire: pairs with the consumer's head release; its reads are done before we overwrite.
            headCache = OrderedAccess.getLongAcquire(body, HEAD_OFFSET);
            if (tail + required - headCache > capacity) {
                return INSUFFICIENT_CAPACITY;
            }
        }
        if (required != aligned) {
            // Plain: published together with the message by the tail release in commit.
            OrderedAccess.setIntPlain(data, index + TYPE_OFFSET, PADDING_TYPE);
            OrderedAccess.setIntPlain(data, index + LENGTH_OFFSET, toEnd);
            index = 0;
        }
        OrderedAccess.setIntPlain(data, index + TYPE_OFFSET, type);
        OrderedAccess.setIntPlain(data, index + LENGTH_OFFSET, recordLength);
        return index + SPSC_HEADER_LENGTH;
    }

    @Override
    public void commit(long index) {
        int record = recordIndex(index);
        // Plain: our own header, written by this thread in tryClaim.
        int aligned = align(OrderedAccess.getIntPlain(data, record + LENGTH_OFFSET));
        long tail = OrderedAccess.getLongPlain(body, TAIL_OFFSET);
        // The claim started at tail; if it wrapped, a padding record fills up to index 0.
        long newTail = tail + ((record - ((int) tail & mask)) & mask) + aligned;
        // Release: publishes header, payload and any padding to the consumer's tail acquire.
        OrderedAccess.setLongRelease(body, TAIL_OFFSET, newTail);
        signalNotEmpty();
    }

    @Override
    public void abort(long index) {
        int record = recordIndex(index);
        // Plain: our own claimed header; the commit's tail release publishes it as padding.
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

    // ---- consumer ----

    @Override
    public boolean poll(MessageHandler handler) {
        return drain(handler, 1) == 1;
    }

    @Override
    public int drain(MessageHandler handler, int limit) {
        // Plain: the consumer is the only writer of the head.
        final long head = OrderedAccess.getLongPlain(body, HEAD_OFFSET);
        long position = head;
        int count = 0;
        try {
            while (count < limit) {
                if (position >= tailCache) {
                    // Acquire: pairs with the producer's tail release; records below it are complete.
                    tailCache = OrderedAccess.getLongAcquire(body, TAIL_OFFSET);
                    if (position >= tailCache) {
                        break;
                    }
                }
                int index = (int) position & mask;
                // Plain: below the acquired tail, the producer no longer writes.
                int length = OrderedAccess.getIntPlain(data, index + LENGTH_OFFSET);
                int type = OrderedAccess.getIntPlain(data, index + TYPE_OFFSET);
                position += align(length);
                if (type != PADDING_TYPE) {
                    count++;
                    handler.onMessage(type, data, index + SPSC_HEADER_LENGTH, length - SPSC_HEADER_LENGTH);
                }
            }
        } finally {
            if (position != head) {
                // Release: our reads of the records happen-before the producer reuses their space.
                OrderedAccess.setLongRelease(body, HEAD_OFFSET, position);
                signalNotFull();
            }
        }
        return count;
    }

    @Override
    public boolean isEmpty() {
        // Acquire both: a snapshot for any thread. An aborted record counts as non-empty.
        return OrderedAccess.getLongAcquire(body, HEAD_OFFSET) >= OrderedAccess.getLongAcquire(body, TAIL_OFFSET);
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
