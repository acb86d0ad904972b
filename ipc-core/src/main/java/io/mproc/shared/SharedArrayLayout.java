package io.mproc.shared;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.RegionException;
import io.mproc.memory.RegionHeaderLayout;
import io.mproc.memory.RegionKind;
import java.lang.foreign.MemorySegment;

/**
 * The body of a shared array region ({@link SharedLongArray}, {@link SharedIntArray},
 * {@link SharedDoubleArray}, {@link SharedByteArray}).
 *
 * <pre>
 *  +---------------------------------------------------------------+
 *  | Element type (int) | Has lock (int) | Length (long)           |   0  line 0: set once
 *  +---------------------------------------------------------------+
 *  | Elements, naturally aligned, length x element size,           |  64
 *  | rounded up to 8 bytes                                         |
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>The first line is written by the creator before publication (plain) and checked on
 * attach. Every element access is volatile or a read-modify-write, so each element behaves like
 * an element of {@link java.util.concurrent.atomic.AtomicLongArray}. Bytes are read and
 * compare-and-set through the aligned int that contains them (the JDK has no byte CAS on
 * memory segments); the rounding keeps that int inside the region. The optional lock is a
 * {@link io.mproc.sync.SharedRLock} in a region of its own named {@code <array>.lock}.
 */
final class SharedArrayLayout {
    private SharedArrayLayout() {
    }

    static final RegionKind KIND = new RegionKind("shared.array", 1);

    static final long TYPE_OFFSET = 0;
    static final long HAS_LOCK_OFFSET = 4;
    static final long LENGTH_OFFSET = 8;
    static final long DATA_OFFSET = RegionHeaderLayout.CACHE_LINE;

    static final int LONG = 1;
    static final int INT = 2;
    static final int DOUBLE = 3;
    static final int BYTE = 4;

    static int elementSize(int type) {
        return switch (type) {
            case LONG, DOUBLE -> Long.BYTES;
            case INT -> Integer.BYTES;
            case BYTE -> Byte.BYTES;
            default -> throw new IllegalArgumentException("element type " + type);
        };
    }

    static String typeName(int type) {
        return switch (type) {
            case LONG -> "long";
            case INT -> "int";
            case DOUBLE -> "double";
            case BYTE -> "byte";
            default -> "unknown type " + type;
        };
    }

    static long bodySize(int type, long length) {
        if (length < 0 || length > (Long.MAX_VALUE - DATA_OFFSET - 8) / elementSize(type)) {
            throw new IllegalArgumentException("array length=" + length + " (expected: >= 0)");
        }
        long data = length * elementSize(type);
        return DATA_OFFSET + ((data + 7) & ~7L);
    }

    /** Creator only, before publication: plain stores. */
    static void initialize(MemorySegment body, int type, long length, boolean withLock) {
        OrderedAccess.setIntPlain(body, TYPE_OFFSET, type);
        OrderedAccess.setIntPlain(body, HAS_LOCK_OFFSET, withLock ? 1 : 0);
        OrderedAccess.setLongPlain(body, LENGTH_OFFSET, length);
    }

    /** Checks an attached body against the expected element type; returns its length. Plain: set once. */
    static long check(MemorySegment body, String name, int type) {
        int found = OrderedAccess.getIntPlain(body, TYPE_OFFSET);
        if (found != type) {
            throw new IllegalArgumentException("shared array " + name + " holds " + typeName(found)
                + " elements (expected: " + typeName(type) + ")");
        }
        long length = OrderedAccess.getLongPlain(body, LENGTH_OFFSET);
        if (length < 0 || bodySize(type, length) > body.byteSize()) {
            throw new RegionException("shared array " + name + ": length " + length + " does not fit a body of "
                + body.byteSize() + " bytes");
        }
        return length;
    }

    /** Plain: set once before publication. */
    static boolean hasLock(MemorySegment body) {
        return OrderedAccess.getIntPlain(body, HAS_LOCK_OFFSET) != 0;
    }
}
