package io.mproc.shared;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.RegionHeaderLayout;
import io.mproc.memory.RegionKind;
import java.lang.foreign.MemorySegment;

/**
 * The body of a {@link SharedLong}, {@link SharedInt} or {@link SharedDouble} region.
 *
 * <pre>
 *  +---------------------------------------------------------------+
 *  | Value (8 bytes: a long, a double's bits, or an int in the first 4)|  0
 *  +---------------------------------------------------------------+
 *  | Type (int): 1 long, 2 int, 3 double                           |  8
 *  +---------------------------------------------------------------+
 *  | ... padding to a cache line                                   |
 * </pre>
 *
 * <p>Every access to the value is volatile or a read-modify-write (as
 * {@link java.util.concurrent.atomic.AtomicLong}'s): a write by one process is seen by the
 * next read in any other, and compare-and-set and get-and-add are atomic across processes.
 * The type is written once by the creator before the region is published (plain) and checked
 * on attach.
 */
final class SharedValueLayout {
    private SharedValueLayout() {
    }

    static final RegionKind KIND = new RegionKind("shared.value", 1);

    static final long VALUE_OFFSET = 0;
    static final long TYPE_OFFSET = 8;
    static final long BODY_SIZE = RegionHeaderLayout.CACHE_LINE;

    static final int LONG = 1;
    static final int INT = 2;
    static final int DOUBLE = 3;

    /** Creator only, before publication: plain stores. */
    static void initialize(MemorySegment body, int type, long bits) {
        OrderedAccess.setIntPlain(body, TYPE_OFFSET, type);
        if (type == INT) {
            OrderedAccess.setIntPlain(body, VALUE_OFFSET, (int) bits);
        } else {
            OrderedAccess.setLongPlain(body, VALUE_OFFSET, bits);
        }
    }

    static String typeName(int type) {
        return switch (type) {
            case LONG -> "SharedLong";
            case INT -> "SharedInt";
            case DOUBLE -> "SharedDouble";
            default -> "unknown type " + type;
        };
    }
}
