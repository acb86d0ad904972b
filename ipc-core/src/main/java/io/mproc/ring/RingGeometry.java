package io.mproc.ring;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.Region;
import io.mproc.memory.RegionException;
import java.lang.foreign.MemorySegment;

/**
 * The metadata line both byte rings start with, and the capacity rules they share.
 *
 * <pre>
 *  +-----------------------------------------------+
 *  | capacity (long): data-area bytes, power of 2  |  0
 *  +-----------------------------------------------+
 *  | maxMessageLength (int)                        |  8
 *  +-----------------------------------------------+
 *  | producer slots (int, MPSC; 0 for SPSC)        | 12
 *  +-----------------------------------------------+
 * </pre>
 *
 * Written once by the creator (plain stores, published by the region's ready flag) and
 * read-only afterwards, so plain loads suffice.
 *
 * @param capacity         bytes in the data area
 * @param maxMessageLength the longest payload accepted
 * @param slots            producer announce slots (MPSC), else 0
 */
record RingGeometry(int capacity, int maxMessageLength, int slots) {
    static final long CAPACITY_OFFSET = 0;
    static final long MAX_MESSAGE_LENGTH_OFFSET = 8;
    static final long SLOTS_OFFSET = 12;

    /** Smallest data area: room for a few records of the largest header. */
    static final int MIN_CAPACITY = 64;
    /** Largest data area: record lengths and indexes are ints. */
    static final int MAX_CAPACITY = 1 << 30;
    /** maxMessageLength may be at most capacity / this, so that a record always fits with room to spare. */
    static final int MAX_MESSAGE_FRACTION = 8;
    /** Most producer announce slots a ring may have (an MPSC ring's table size). */
    static final int MAX_SLOTS = 4096;

    /** Checks create() arguments; the message names the ring and the bad value. */
    static void requireValid(String ring, int capacity, int maxMessageLength) {
        if (capacity < MIN_CAPACITY || capacity > MAX_CAPACITY || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("ring " + ring + ": capacity=" + capacity
                + " (expected: a power of two from " + MIN_CAPACITY + " to " + MAX_CAPACITY + ")");
        }
        if (maxMessageLength < 0 || maxMessageLength > capacity / MAX_MESSAGE_FRACTION) {
            throw new IllegalArgumentException("ring " + ring + ": maxMessageLength=" + maxMessageLength
                + " (expected: 0 to capacity/" + MAX_MESSAGE_FRACTION + "="
                + capacity / MAX_MESSAGE_FRACTION + ")");
        }
    }

    void write(MemorySegment body) {
        OrderedAccess.setLongPlain(body, CAPACITY_OFFSET, capacity);
        OrderedAccess.setIntPlain(body, MAX_MESSAGE_LENGTH_OFFSET, maxMessageLength);
        OrderedAccess.setIntPlain(body, SLOTS_OFFSET, slots);
    }

    /**
     * Reads and checks an attached ring's metadata against its region size.
     *
     * @param dataOffset where the data area starts, given the slot count read
     */
    static RingGeometry read(Region region, java.util.function.IntUnaryOperator dataOffset) {
        MemorySegment body = region.body();
        long capacity = OrderedAccess.getLongPlain(body, CAPACITY_OFFSET);
        int max = OrderedAccess.getIntPlain(body, MAX_MESSAGE_LENGTH_OFFSET);
        int slots = OrderedAccess.getIntPlain(body, SLOTS_OFFSET);
        String where = "ring " + region.path() + ": ";
        if (capacity < MIN_CAPACITY || capacity > MAX_CAPACITY || Long.bitCount(capacity) != 1) {
            throw new RegionException(where + "capacity=" + capacity + " (expected: power of two from "
                + MIN_CAPACITY + " to " + MAX_CAPACITY + ")");
        }
        if (max < 0 || max > capacity / MAX_MESSAGE_FRACTION) {
            throw new RegionException(where + "maxMessageLength=" + max + " (expected: 0 to capacity/"
                + MAX_MESSAGE_FRACTION + "=" + capacity / MAX_MESSAGE_FRACTION + ")");
        }
        if (slots < 0 || slots > MAX_SLOTS) {
            throw new RegionException(where + "producer slots=" + slots + " (expected: 0 to "
                + MAX_SLOTS + ")");
        }
        long expectedBody = dataOffset.applyAsInt(slots) + capacity;
        if (body.byteSize() != expectedBody) {
            throw new RegionException(where + "body size=" + body.byteSize() + " (expected: "
                + expectedBody + " for capacity=" + capacity + ")");
        }
        return new RingGeometry((int) capacity, max, slots);
    }
}
