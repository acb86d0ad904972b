package io.mproc.ring;

import io.mproc.memory.OrderedAccess;
import java.lang.foreign.MemorySegment;

/**
 * The records of the byte rings ({@link SpscRing}, {@link MpscRing}): a header, then the
 * payload, the whole rounded up to {@link #ALIGNMENT} bytes. A record never wraps around the
 * end of the data area; a producer that reaches the end fills the rest with a padding record.
 *
 * <pre>
 *   SPSC header (8 bytes)                MPSC header (16 bytes)
 *  +-----------------------------+      +-----------------------------+
 *  | length (int)                |  0   | length (int)                |  0
 *  +-----------------------------+      +-----------------------------+
 *  | type (int)                  |  4   | type (int)                  |  4
 *  +-----------------------------+      +-----------------------------+
 *  | payload ...                 |  8   | claimer pid (int)           |  8
 *  +-----------------------------+      +-----------------------------+
 *                                       | claimer start token (int)   | 12
 *                                       +-----------------------------+
 *                                       | payload ...                 | 16
 *                                       +-----------------------------+
 * </pre>
 *
 * <p>{@code length} is header plus payload, before alignment, so even an empty message has a
 * non-zero length. In an MPSC ring it is negative while the record is claimed but not yet
 * committed, and 0 where nothing has been written yet.
 */
final class RecordLayout {
    private RecordLayout() {
    }

    /** Records start and end on multiples of this: headers hold 8-byte-aligned ints. */
    static final int ALIGNMENT = 8;
    static final int LENGTH_OFFSET = 0;
    static final int TYPE_OFFSET = 4;
    static final int PID_OFFSET = 8;
    static final int TOKEN_OFFSET = 12;

    static final int SPSC_HEADER_LENGTH = 8;
    static final int MPSC_HEADER_LENGTH = 16;

    /** The type of records consumers skip: the rest of the data area before a wrap, or an abort. */
    static final int PADDING_TYPE = -1;

    static int align(int length) {
        return (length + (ALIGNMENT - 1)) & -ALIGNMENT;
    }

    static void requireValidType(String ring, int type) {
        if (type < 0) {
            throw new IllegalArgumentException("ring " + ring + ": type=" + type
                + " (expected: >= 0; negative types are reserved)");
        }
    }

    static void requireValidLength(String ring, int length, int maxMessageLength) {
        if (length < 0 || length > maxMessageLength) {
            throw new IllegalArgumentException("ring " + ring + ": message length=" + length
                + " (expected: 0 to maxMessageLength=" + maxMessageLength + ")");
        }
    }

    /**
     * Zeroes {@code length} bytes (a multiple of 8) at an 8-byte aligned {@code offset} with
     * plain stores: word by word for the short spans of typical records, a bulk fill beyond.
     */
    static void zero(MemorySegment segment, long offset, long length) {
        if (length <= 64) {
            for (long word = 0; word < length; word += ALIGNMENT) {
                OrderedAccess.setLongPlain(segment, offset + word, 0L);
            }
        } else {
            segment.asSlice(offset, length).fill((byte) 0);
        }
    }

    private static final boolean LITTLE_ENDIAN = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;

    /**
     * Two ints as the 8-byte word that holds {@code first} at the lower address and
     * {@code second} 4 bytes above it, so that both can be published with one store.
     */
    static long pairWord(int first, int second) {
        return LITTLE_ENDIAN
            ? ((long) second << 32) | (first & 0xFFFF_FFFFL)
            : ((long) first << 32) | (second & 0xFFFF_FFFFL);
    }

    /** The int at the lower address of a {@link #pairWord}. */
    static int firstOfPair(long word) {
        return LITTLE_ENDIAN ? (int) word : (int) (word >>> 32);
    }

    /** The int 4 bytes above the lower address of a {@link #pairWord}. */
    static int secondOfPair(long word) {
        return LITTLE_ENDIAN ? (int) (word >>> 32) : (int) word;
    }
}
