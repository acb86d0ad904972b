package io.mproc.ring;

import io.mproc.memory.RegionKind;

/**
 * The body of an {@link MpscRing} region: as {@link SpscRingLayout}, plus the producer
 * announce table that lets the consumer recognise space claimed by a producer that died before
 * writing its record header (see {@link MpscRing}).
 *
 * <pre>
 *  offset
 *     0  +--------------------------------------------+
 *        | metadata ({@link RingGeometry}): capacity, |
 *        | maxMessageLength, slots                    |
 *   128  +--------------------------------------------+
 *        | tail (long): claim position, CAS by every  |
 *        | producer; monotonic                        |
 *   256  +--------------------------------------------+
 *        | head (long): zeroed position; producers    |  written by the consumer only
 *        |   may claim up to head + capacity          |
 *   264  | consumed (long): delivered position        |  written by the consumer only
 *        |   (head &lt;= consumed &lt;= tail)                |
 *   384  +--------------------------------------------+
 *        | notEmpty wait point                        |
 *   512  +--------------------------------------------+
 *        | notFull wait point                         |
 *   640  +--------------------------------------------+
 *        | announce slot 0 (64 bytes):                |
 *        |   owner (long) = pid &lt;&lt; 32 | start token  |  0 = free; CAS to take
 *        |   announced position (long)                |  -1 = none
 *        | announce slot 1 ...                        |
 *        | ... slots (default 128)                    |
 *   640 + 64 * slots
 *        +--------------------------------------------+
 *        | data: capacity bytes of records            |
 *        | ({@link RecordLayout}, 16-byte header)     |
 *        +--------------------------------------------+
 * </pre>
 */
final class MpscRingLayout {
    private MpscRingLayout() {
    }

    static final RegionKind KIND = new RegionKind("ring.mpsc", 2);

    static final int BLOCK = 128;

    static final long METADATA_OFFSET = 0;
    static final long TAIL_OFFSET = METADATA_OFFSET + BLOCK;
    static final long HEAD_OFFSET = TAIL_OFFSET + BLOCK;
    /**
     * Beside the head: both are written by the consumer only, and producers read the head
     * only when their cached copy says the ring is full.
     */
    static final long CONSUMED_OFFSET = HEAD_OFFSET + 8;
    static final long NOT_EMPTY_OFFSET = HEAD_OFFSET + BLOCK;
    static final long NOT_FULL_OFFSET = NOT_EMPTY_OFFSET + BLOCK;
    static final long SLOTS_OFFSET = NOT_FULL_OFFSET + BLOCK;

    /** One cache line per announce slot: each is written by its own producer thread. */
    static final int SLOT_LENGTH = 64;
    static final int SLOT_OWNER_OFFSET = 0;
    static final int SLOT_POSITION_OFFSET = 8;
    /** Announced position meaning "not about to claim". */
    static final long NO_POSITION = -1;

    /** Producer threads (across all processes) that may have produced at once. */
    static final int DEFAULT_SLOTS = 128;
    static final int MAX_SLOTS = RingGeometry.MAX_SLOTS;

    /** Consumed space the consumer lets build up before zeroing it and moving the head. */
    static final int MAX_ZEROING_BATCH = 4096;

    /**
     * How many consumed bytes the consumer may leave unzeroed below {@code consumed}: small
     * enough that, once everything is consumed, a producer always finds room for the largest
     * record even when it wraps ({@code 2 * maxRecord}), so nobody waits on a lazy consumer.
     * Zero means "zero at every drain".
     */
    static int zeroingBatch(int capacity, int maxMessageLength) {
        int maxRecord = RecordLayout.align(RecordLayout.MPSC_HEADER_LENGTH + maxMessageLength);
        return Math.max(0, Math.min(Math.min(MAX_ZEROING_BATCH, capacity / 4), capacity - 2 * maxRecord));
    }

    static long slotOffset(int slot) {
        return SLOTS_OFFSET + (long) slot * SLOT_LENGTH;
    }

    static int dataOffset(int slots) {
        return (int) slotOffset(slots);
    }

    static long bodySize(int slots, int capacity) {
        return dataOffset(slots) + (long) capacity;
    }
}
