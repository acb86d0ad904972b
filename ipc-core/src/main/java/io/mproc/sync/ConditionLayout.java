package io.mproc.sync;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.RegionException;
import io.mproc.memory.RegionHeaderLayout;
import io.mproc.memory.RegionKind;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/**
 * The body of a {@link SharedCondition} region: the name of its lock, and one slot per thread
 * that may wait at once.
 *
 * <pre>
 *  +---------------------------------------------------------------+
 *  | Capacity (int) | Waiting count (int) | Next ticket (long)      |    0  line 0
 *  +---------------------------------------------------------------+
 *  | Lock name length (int) | lock name, ASCII (up to 200 bytes)    |   64  lines 1-4
 *  +---------------------------------------------------------------+
 *  | Slot 0 (one cache line):                                      |  320
 *  |   State (int): generation &lt;&lt; 2 | FREE/CLAIMED/WAITING/SIGNALLED    +0
 *  |   Thread number (int)                                         |   +4
 *  |   Wait point: sequence (int) | waiters (int)                  |   +8
 *  |   Owner process (long): pid | start token                    |  +16
 *  |   Ticket (long): arrival order, for FIFO signalling           |  +24
 *  +---------------------------------------------------------------+
 *  | Slot 1 ...                                                    |  384
 * </pre>
 *
 * <p><b>State word.</b> Every transition is a compare-and-set of the whole word, so a rescuer
 * that judged a slot dead cannot free it after it was reused (the generation, bumped at every
 * claim, differs). A waiter claims {@code FREE} → {@code CLAIMED} (CAS), writes owner, thread
 * and ticket with plain stores, and publishes them with a release store of {@code WAITING};
 * readers acquire-load the state before reading them. A signaller moves {@code WAITING} →
 * {@code SIGNALLED} (CAS) and wakes the slot's own wait point, so a signal wakes exactly the
 * thread it chose. A slot is freed by zeroing its owner and release-storing {@code FREE}.
 *
 * <p><b>Waiting count</b> is raised before a slot becomes {@code WAITING} and lowered after
 * it stops being so (RMW both), so it is never below the number of waiting slots, even across
 * a crash (it can only drift up); {@code signal} skips the scan when it is 0.
 */
final class ConditionLayout {
    private ConditionLayout() {
    }

    static final RegionKind KIND = new RegionKind("sync.condition", 1);
    static final int DEFAULT_CAPACITY = 64;
    static final int MAX_CAPACITY = 1 << 16;

    private static final int LINE = RegionHeaderLayout.CACHE_LINE;
    private static final int MAX_LOCK_NAME = 200;

    static final long CAPACITY_OFFSET = 0;
    static final long WAITING_COUNT_OFFSET = CAPACITY_OFFSET + Integer.BYTES;
    static final long NEXT_TICKET_OFFSET = WAITING_COUNT_OFFSET + Integer.BYTES;
    static final long LOCK_NAME_LENGTH_OFFSET = LINE;
    static final long LOCK_NAME_OFFSET = LOCK_NAME_LENGTH_OFFSET + Integer.BYTES;
    static final long FIRST_SLOT_OFFSET = LINE * 5L;
    static final long SLOT_STRIDE = LINE;

    static final long STATE_OFFSET = 0;
    static final long THREAD_OFFSET = 4;
    static final long WAIT_POINT_OFFSET = 8;
    static final long OWNER_OFFSET = 16;
    static final long TICKET_OFFSET = 24;

    static final int FREE = 0;
    static final int CLAIMED = 1;
    static final int WAITING = 2;
    static final int SIGNALLED = 3;
    static final int STATE_MASK = 3;
    static final int GENERATION_UNIT = 4;

    static long bodySize(int capacity) {
        return FIRST_SLOT_OFFSET + capacity * SLOT_STRIDE;
    }

    static long slot(int index) {
        return FIRST_SLOT_OFFSET + index * SLOT_STRIDE;
    }

    static void checkCapacity(int capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("condition capacity=" + capacity + " (expected: 1 to " + MAX_CAPACITY
                + " threads waiting at once)");
        }
    }

    /** Creator only, before publication: plain stores. */
    static void initialize(MemorySegment body, int capacity, String lockName) {
        byte[] name = lockName.getBytes(StandardCharsets.US_ASCII);
        if (name.length > MAX_LOCK_NAME) {
            throw new IllegalArgumentException("lock name \"" + lockName + "\" longer than " + MAX_LOCK_NAME);
        }
        OrderedAccess.setIntPlain(body, CAPACITY_OFFSET, capacity);
        OrderedAccess.setIntPlain(body, LOCK_NAME_LENGTH_OFFSET, name.length);
        MemorySegment.copy(MemorySegment.ofArray(name), 0, body, LOCK_NAME_OFFSET, name.length);
    }

    /** Plain: written once before publication, made visible by the attach's acquire of the ready state. */
    static int capacity(MemorySegment body, String what) {
        int capacity = OrderedAccess.getIntPlain(body, CAPACITY_OFFSET);
        if (capacity < 1 || capacity > MAX_CAPACITY || bodySize(capacity) > body.byteSize()) {
            throw new RegionException(what + ": capacity " + capacity + " does not fit a body of "
                + body.byteSize() + " bytes");
        }
        return capacity;
    }

    /** Plain, as {@link #capacity}. */
    static String lockName(MemorySegment body) {
        int length = OrderedAccess.getIntPlain(body, LOCK_NAME_LENGTH_OFFSET);
        byte[] name = new byte[Math.clamp(length, 0, MAX_LOCK_NAME)];
        MemorySegment.copy(body, LOCK_NAME_OFFSET, MemorySegment.ofArray(name), 0, name.length);
        return new String(name, StandardCharsets.US_ASCII);
    }
}
