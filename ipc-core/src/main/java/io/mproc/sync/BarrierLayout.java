package io.mproc.sync;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.RegionException;
import io.mproc.memory.RegionHeaderLayout;
import io.mproc.memory.RegionKind;
import java.lang.foreign.MemorySegment;

/**
 * The body of a {@link SharedBarrier} region.
 *
 * <pre>
 *  +---------------------------------------------------------------+
 *  | State (long): generation (high 32) | arrived (16) |            |   0  line 0
 *  |     LAST_BROKEN (bit 1: how the previous generation ended) |    |
 *  |     BROKEN (bit 0: this generation is broken)                 |
 *  +---------------------------------------------------------------+
 *  | Wait point: sequence (int) | waiters (int)                    |  64  line 1
 *  +---------------------------------------------------------------+
 *  | Parties (int) | Process slots (int)                           | 128  line 2: set once
 *  +---------------------------------------------------------------+
 *  | How generations ended, 8 longs: generation &lt;&lt; 1 | broken    | 192  line 3
 *  |   (entry generation % 8)                                      |
 *  +---------------------------------------------------------------+
 *  | Slot 0 (16 bytes): process (long) | waiting (long):          | 256
 *  |   generation (high 32) | threads of that process in it (32)   |
 *  +---------------------------------------------------------------+
 *  | Slot 1 ...                                                    | 272
 * </pre>
 *
 * <p><b>A generation</b> is one cycle of the barrier. Arriving is a compare-and-set of the
 * state word that raises {@code arrived}; the party that makes it equal {@code parties} runs
 * the action and ends the generation. {@code BROKEN} breaks the current generation (abort,
 * timeout, interrupt, a failing action, a dead party): arrivals and waiters throw. Ending a
 * generation, by tripping or by {@code reset}, is one compare-and-set to the next generation
 * whose {@code LAST_BROKEN} bit says how the previous one ended (clear: passed; set: reset), so
 * no process killed at any instruction can leave the barrier half-ended. A waiter
 * acquire-loads the state: while the generation is its own it keeps waiting (or throws if
 * broken); one generation later the bit gives its outcome; if it is later still, the history
 * (written by each ender just after its CAS, release) does, and a missing entry counts as
 * broken.
 *
 * <p><b>Slots</b> ({@link ProcessSlots}) record, before a process's thread arrives, that it is
 * in the current generation. A live waiter that finds a dead process recorded in its own
 * generation breaks the barrier, so that nobody waits for a party that will never come
 * back. Slots are written by their own process (CAS, its threads race) or its rescuer.
 */
final class BarrierLayout {
    private BarrierLayout() {
    }

    static final RegionKind KIND = new RegionKind("sync.barrier", 1);
    static final int MAX_PARTIES = (1 << 16) - 1;
    static final int DEFAULT_SLOTS = 64;
    static final int HISTORY = 8;

    private static final int LINE = RegionHeaderLayout.CACHE_LINE;

    static final long STATE_OFFSET = 0;
    static final long WAIT_POINT_OFFSET = LINE;
    static final long PARTIES_OFFSET = 2L * LINE;
    static final long SLOTS_OFFSET = PARTIES_OFFSET + Integer.BYTES;
    static final long HISTORY_OFFSET = 3L * LINE;
    static final long FIRST_SLOT_OFFSET = 4L * LINE;
    static final long SLOT_STRIDE = 2L * Long.BYTES;
    static final long WAITING_OFFSET = Long.BYTES;

    static final long BROKEN = 1;
    static final long LAST_BROKEN = 2;
    private static final int ARRIVED_SHIFT = 2;

    static long bodySize(int slots) {
        return FIRST_SLOT_OFFSET + slots * SLOT_STRIDE;
    }

    static long state(int generation, int arrived, long flags) {
        return ((long) generation << 32) | ((long) arrived << ARRIVED_SHIFT) | flags;
    }

    static int generation(long state) {
        return (int) (state >>> 32);
    }

    /** The first state of the generation after {@code generation}, ended as {@code broken} says. */
    static long next(int generation, boolean broken) {
        return state(generation + 1, 0, broken ? LAST_BROKEN : 0);
    }

    static int arrived(long state) {
        return (int) ((state >>> ARRIVED_SHIFT) & 0xFFFF);
    }

    static long historyOffset(int generation) {
        return HISTORY_OFFSET + (generation & (HISTORY - 1)) * (long) Long.BYTES;
    }

    static long ended(int generation, boolean broken) {
        return ((generation & 0xFFFF_FFFFL) << 1) | (broken ? 1 : 0);
    }

    static void checkParties(int parties) {
        if (parties < 1 || parties > MAX_PARTIES) {
            throw new IllegalArgumentException("barrier parties=" + parties + " (expected: 1 to " + MAX_PARTIES + ")");
        }
    }

    /** Creator only, before publication: plain stores. */
    static void initialize(MemorySegment body, int parties, int slots) {
        OrderedAccess.setIntPlain(body, PARTIES_OFFSET, parties);
        OrderedAccess.setIntPlain(body, SLOTS_OFFSET, slots);
        // No generation has ended yet: history entries that match no generation up to 7.
        for (int i = 0; i < HISTORY; i++) {
            OrderedAccess.setLongPlain(body, HISTORY_OFFSET + i * (long) Long.BYTES, -1L);
        }
    }

    /** Plain: set once before publication. */
    static int parties(MemorySegment body, String what) {
        int parties = OrderedAccess.getIntPlain(body, PARTIES_OFFSET);
        int slots = OrderedAccess.getIntPlain(body, SLOTS_OFFSET);
        if (parties < 1 || parties > MAX_PARTIES || slots < 1 || bodySize(slots) > body.byteSize()) {
            throw new RegionException(what + ": parties " + parties + " and " + slots + " slots do not fit a body of "
                + body.byteSize() + " bytes");
        }
        return parties;
    }

    /** Plain: set once before publication. */
    static int slots(MemorySegment body) {
        return OrderedAccess.getIntPlain(body, SLOTS_OFFSET);
    }
}
