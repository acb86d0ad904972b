package io.mproc.ring;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.RegionException;
import io.mproc.memory.RegionHeaderLayout;
import io.mproc.memory.RegionKind;
import io.mproc.wait.WaitPointLayout;
import java.lang.foreign.MemorySegment;

/**
 * The body of a {@code ring.mpmc} region: metadata, the two positions, the two wait points,
 * then {@code slots} fixed-size slots.
 *
 * <pre>
 *  body offset
 *      0  +--------------------------------------------------------+
 *         | Slots (int) | Max Message Length (int) | Slot Stride (int) | Limit (int) |
 *         |   written once by the creator, read by attach           |
 *    128  +--------------------------------------------------------+
 *         | Tail (long): hint of the next position to write          |  128 bytes:
 *    256  +--------------------------------------------------------+  one hot word
 *         | Head (long): hint of the next position to read           |  per pair of
 *    384  +--------------------------------------------------------+  cache lines
 *         | notEmpty wait point (8 bytes)                            |
 *    512  +--------------------------------------------------------+
 *         | notFull wait point (8 bytes)                             |
 *    640  +--------------------------------------------------------+
 *         | slot 0 | slot 1 | ... | slot (slots - 1)                 |
 *         +--------------------------------------------------------+
 *
 *  one slot (stride = 24 + maxMessageLength rounded up to the slot alignment):
 *      0  +--------------------------------------------------------+
 *         | Control (long): lap | state | owner pid   (MpmcControl)  |
 *      8  +--------------------------------------------------------+
 *         | Length (int)                | Type (int)                 |
 *     16  +--------------------------------------------------------+
 *         | Owner Start Token (int)     | pad (int)                  |
 *     24  +--------------------------------------------------------+
 *         | Payload (maxMessageLength bytes, 8-aligned) ...          |
 *         +--------------------------------------------------------+
 * </pre>
 *
 * <p>Position {@code p} lives in slot {@code p & (slots - 1)}, lap {@code p >>> log2(slots)}.
 * The positions are 64-bit and never wrap; the lap stored in a control word is their low 32
 * bits. An all-zero slot is {@code EMPTY(lap 0)}, so a zero-filled body is an empty ring.
 * Tail and head are hints that never pass the true frontiers ({@link MpmcFrontiers}); layout
 * version 3 made them so (version 2 advanced them by CAS, and the two do not mix).
 *
 * <p>Slots are padded to whole cache lines by default ({@link #DEFAULT_SLOT_ALIGNMENT}): a
 * producer filling slot {@code i + 1} then never invalidates the line a consumer reads from
 * slot {@code i}. The stride is stored, so attach works with whatever the creator chose.
 */
public final class MpmcRingLayout {
    private MpmcRingLayout() {
    }

    /** The region kind; bump the version whenever anything in this class changes. */
    public static final RegionKind KIND = new RegionKind("ring.mpmc", 3);

    /** Bytes kept between hot words: a cache line and its adjacent-line-prefetch partner. */
    static final int HOT_WORD_SPACING = 2 * RegionHeaderLayout.CACHE_LINE;

    // ---- body: offsets as a running total ----
    public static final long SLOTS_OFFSET = 0;
    public static final long MAX_MESSAGE_LENGTH_OFFSET = SLOTS_OFFSET + Integer.BYTES;
    public static final long SLOT_STRIDE_OFFSET = MAX_MESSAGE_LENGTH_OFFSET + Integer.BYTES;
    /** Most messages in the ring at once (1 to slots): a bound below the slot count. */
    public static final long LIMIT_OFFSET = SLOT_STRIDE_OFFSET + Integer.BYTES;
    public static final long TAIL_OFFSET = HOT_WORD_SPACING;
    public static final long HEAD_OFFSET = TAIL_OFFSET + HOT_WORD_SPACING;
    public static final long NOT_EMPTY_OFFSET = HEAD_OFFSET + HOT_WORD_SPACING;
    public static final long NOT_FULL_OFFSET = NOT_EMPTY_OFFSET + HOT_WORD_SPACING;
    public static final long FIRST_SLOT_OFFSET = NOT_FULL_OFFSET + HOT_WORD_SPACING;

    // ---- slot: offsets as a running total ----
    public static final long CONTROL_OFFSET = 0;
    public static final long LENGTH_OFFSET = CONTROL_OFFSET + Long.BYTES;
    public static final long TYPE_OFFSET = LENGTH_OFFSET + Integer.BYTES;
    public static final long OWNER_TOKEN_OFFSET = TYPE_OFFSET + Integer.BYTES;
    public static final long PAYLOAD_OFFSET = OWNER_TOKEN_OFFSET + 2 * Integer.BYTES;

    /** Largest slot count: keeps the slot index an int and the lap arithmetic simple. */
    public static final int MAX_SLOTS = 1 << 30;
    /** Largest message: 1 GiB less the slot header, so a stride always fits in an int. */
    public static final int MAX_MESSAGE_LENGTH_LIMIT = (1 << 30) - 64;
    /** Default slot alignment: a whole cache line per slot (see the class comment). */
    public static final int DEFAULT_SLOT_ALIGNMENT = RegionHeaderLayout.CACHE_LINE;

    static {
        if (WaitPointLayout.LENGTH > HOT_WORD_SPACING) {
            throw new AssertionError("wait point does not fit its area");
        }
    }

    /** Checks create's arguments; the messages say what was given and what is expected. */
    static void checkArguments(int slots, int maxMessageLength) {
        if (slots < 1 || slots > MAX_SLOTS || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots=" + slots + " (expected: power of two, 1 to " + MAX_SLOTS + ")");
        }
        if (maxMessageLength < 0 || maxMessageLength > MAX_MESSAGE_LENGTH_LIMIT) {
            throw new IllegalArgumentException("maxMessageLength=" + maxMessageLength
                + " (expected: 0 to " + MAX_MESSAGE_LENGTH_LIMIT + ")");
        }
    }

    /** Checks a message limit against the slot count it must fit. */
    static void checkLimit(int limit, int slots) {
        if (limit < 1 || limit > slots) {
            throw new IllegalArgumentException("limit=" + limit + " (expected: 1 to slots=" + slots + ")");
        }
    }

    /** The slot count for a ring that holds at most {@code limit} messages: the next power of two. */
    static int slotsFor(int limit) {
        if (limit < 1 || limit > MAX_SLOTS) {
            throw new IllegalArgumentException("limit=" + limit + " (expected: 1 to " + MAX_SLOTS + ")");
        }
        return Integer.highestOneBit(limit) == limit ? limit : Integer.highestOneBit(limit) << 1;
    }

    /** Bytes from one slot to the next for {@code alignment} (8 or a multiple of it). */
    static int slotStride(int maxMessageLength, int alignment) {
        long unaligned = PAYLOAD_OFFSET + alignUp(maxMessageLength, Long.BYTES);
        return (int) alignUp(unaligned, alignment);
    }

    /** The body size a ring of this shape needs. */
    static long bodySize(int slots, int slotStride) {
        return FIRST_SLOT_OFFSET + (long) slots * slotStride;
    }

    /** Writes the metadata into a zero-filled body (zero slots are already EMPTY(lap 0)). */
    static void initialize(MemorySegment body, int slots, int maxMessageLength, int slotStride, int limit) {
        // Plain: the region's ready flag (or, in memory, the constructor) publishes these.
        OrderedAccess.setIntPlain(body, SLOTS_OFFSET, slots);
        OrderedAccess.setIntPlain(body, MAX_MESSAGE_LENGTH_OFFSET, maxMessageLength);
        OrderedAccess.setIntPlain(body, SLOT_STRIDE_OFFSET, slotStride);
        OrderedAccess.setIntPlain(body, LIMIT_OFFSET, limit);
    }

    /**
     * Reads and validates the metadata of an existing body against its size.
     *
     * @return {slots, maxMessageLength, slotStride, limit}
     * @throws RegionException naming {@code what} (the region) if anything is inconsistent
     */
    static int[] readMetadata(MemorySegment body, String what) {
        if (body.byteSize() < FIRST_SLOT_OFFSET) {
            throw new RegionException(what + ": body of " + body.byteSize() + " bytes (expected: at least "
                + FIRST_SLOT_OFFSET + " for a " + KIND + ")");
        }
        // Plain: attach has acquire-loaded the region's ready flag, which published these.
        int slots = OrderedAccess.getIntPlain(body, SLOTS_OFFSET);
        int maxMessageLength = OrderedAccess.getIntPlain(body, MAX_MESSAGE_LENGTH_OFFSET);
        int stride = OrderedAccess.getIntPlain(body, SLOT_STRIDE_OFFSET);
        int limit = OrderedAccess.getIntPlain(body, LIMIT_OFFSET);
        try {
            checkArguments(slots, maxMessageLength);
            checkLimit(limit, slots);
        } catch (IllegalArgumentException bad) {
            throw new RegionException(what + ": stored " + bad.getMessage());
        }
        int minimum = slotStride(maxMessageLength, Long.BYTES);
        if (stride < minimum || stride % Long.BYTES != 0) {
            throw new RegionException(what + ": stored slotStride=" + stride + " (expected: a multiple of 8, >= "
                + minimum + " for maxMessageLength=" + maxMessageLength + ")");
        }
        long needed = bodySize(slots, stride);
        if (body.byteSize() < needed) {
            throw new RegionException(what + ": body of " + body.byteSize() + " bytes (expected: " + needed
                + " for slots=" + slots + ", slotStride=" + stride + ")");
        }
        return new int[] {slots, maxMessageLength, stride, limit};
    }

    private static long alignUp(long value, int alignment) {
        return (value + alignment - 1) / alignment * alignment;
    }
}
