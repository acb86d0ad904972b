package io.mproc.sync;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.RegionException;
import io.mproc.memory.RegionHeaderLayout;
import io.mproc.memory.RegionKind;
import java.lang.foreign.MemorySegment;

/**
 * The body of a {@link SharedSemaphore} region: the permit word, and a ledger of the permits
 * each process holds.
 *
 * <pre>
 *  +---------------------------------------------------------------+
 *  | State (long): available (high 32) | pending slot + 1 (16) |    |   0  line 0
 *  |               pending sequence (16)                           |
 *  +---------------------------------------------------------------+
 *  | Wait point: sequence (int) | waiters (int)                    |  64  line 1
 *  +---------------------------------------------------------------+
 *  | Initial permits (int) | Bounded (int) | Slots (int) | pad     | 128  line 2: set once
 *  | Permits recovered from dead processes (long)                  | 144
 *  +---------------------------------------------------------------+
 *  | Slot 0 (a cache line):                                        | 192
 *  |   Process (long): pid | start token; 0 free; pid &lt; 0 while a    +0
 *  |                   live process (-pid) recovers the slot        |
 *  |   Held (long): permits held (high 32) | sequence (low 32)      |  +8
 *  |   Pending held delta (int)                                    | +16
 *  |   Operator (int): number of the thread of the slot's process   | +20
 *  |                   running an operation on it, 0 if none        |
 *  +---------------------------------------------------------------+
 *  | Slot 1 ...                                                    | 256
 * </pre>
 *
 * <p><b>Two words, one step.</b> An acquire or release changes the available count and the
 * process's held count. It writes the held delta into its slot (plain), then CASes the state
 * word to the new available count <em>and</em> a pending marker naming its slot and the held
 * sequence it will produce (volatile: the CAS publishes the delta). It then CASes its held word
 * (count + delta, sequence + 1) and CASes the marker away. While a marker is present nobody
 * else changes the state word: they first complete the marked operation themselves (apply the
 * delta if the held sequence is exactly one behind the marker's, clear the marker); a helper
 * holding a stale marker finds the held sequence equal or ahead and applies nothing, since by
 * then the delta field may hold the slot's next operation. Every step is a CAS
 * on a value read before, so an owner and its helpers cannot apply a delta twice. A process
 * killed anywhere in the sequence thus leaves either no change or one that the next user
 * completes: the ledger always matches the available count. A release that leaves the held
 * count as it is (the process holds no permit: the semaphore used as a signal) has only one
 * word to change: it CASes the state word from idle to idle, with no marker and no sequence.
 *
 * <p><b>One operation per slot at a time.</b> The pending delta is a field of the slot, so two
 * threads of one process must not both be between writing it and clearing their marker: the
 * operator word is a tiny spin lock (CAS from 0 to the thread's number, release store of 0)
 * that only threads of the slot's process ever take, around a few compare-and-sets. A rescuer
 * of a dead process's slot ignores it (the dead threads run no more) and zeroes it before it
 * frees the slot.
 */
final class SemaphoreLayout {
    private SemaphoreLayout() {
    }

    static final RegionKind KIND = new RegionKind("sync.semaphore", 1);
    static final int DEFAULT_SLOTS = 64;
    static final int MAX_SLOTS = (1 << 16) - 1;

    private static final int LINE = RegionHeaderLayout.CACHE_LINE;

    static final long STATE_OFFSET = 0;
    static final long WAIT_POINT_OFFSET = LINE;
    static final long INITIAL_OFFSET = 2L * LINE;
    static final long BOUNDED_OFFSET = INITIAL_OFFSET + Integer.BYTES;
    static final long SLOTS_OFFSET = BOUNDED_OFFSET + Integer.BYTES;
    static final long RECOVERED_OFFSET = INITIAL_OFFSET + 2 * Long.BYTES;
    static final long FIRST_SLOT_OFFSET = 3L * LINE;
    static final long SLOT_STRIDE = LINE;

    static final long PROCESS_OFFSET = 0;
    static final long HELD_OFFSET = 8;
    static final long PENDING_DELTA_OFFSET = 16;
    static final long OPERATOR_OFFSET = 20;

    static long bodySize(int slots) {
        return FIRST_SLOT_OFFSET + slots * SLOT_STRIDE;
    }

    static long slot(int index) {
        return FIRST_SLOT_OFFSET + index * SLOT_STRIDE;
    }

    // ---- the state word ----

    static long state(int available, int pendingSlot, int pendingSequence) {
        return ((long) available << 32) | ((long) (pendingSlot + 1) << 16) | (pendingSequence & 0xFFFF);
    }

    static long idle(int available) {
        return (long) available << 32;
    }

    static int available(long state) {
        return (int) (state >>> 32);
    }

    /** The slot of the pending operation, or -1 if none. */
    static int pendingSlot(long state) {
        return (int) ((state >>> 16) & 0xFFFF) - 1;
    }

    static int pendingSequence(long state) {
        return (int) (state & 0xFFFF);
    }

    // ---- the held word ----

    static long held(int count, int sequence) {
        return ((long) count << 32) | (sequence & 0xFFFF_FFFFL);
    }

    static int heldCount(long held) {
        return (int) (held >>> 32);
    }

    static int heldSequence(long held) {
        return (int) held;
    }

    static void checkArguments(int permits, int slots) {
        if (permits < 0) {
            throw new IllegalArgumentException("semaphore permits=" + permits + " (expected: >= 0)");
        }
        if (slots < 1 || slots > MAX_SLOTS) {
            throw new IllegalArgumentException("semaphore process slots=" + slots + " (expected: 1 to " + MAX_SLOTS + ")");
        }
    }

    /** Creator only, before publication: plain stores. */
    static void initialize(MemorySegment body, int permits, boolean bounded, int slots) {
        OrderedAccess.setLongPlain(body, STATE_OFFSET, idle(permits));
        OrderedAccess.setIntPlain(body, INITIAL_OFFSET, permits);
        OrderedAccess.setIntPlain(body, BOUNDED_OFFSET, bounded ? 1 : 0);
        OrderedAccess.setIntPlain(body, SLOTS_OFFSET, slots);
    }

    /** Plain: set once before publication (the attach's acquire of the ready state covers it). */
    static int slots(MemorySegment body, String what) {
        int slots = OrderedAccess.getIntPlain(body, SLOTS_OFFSET);
        if (slots < 1 || slots > MAX_SLOTS || bodySize(slots) > body.byteSize()) {
            throw new RegionException(what + ": " + slots + " process slots do not fit a body of "
                + body.byteSize() + " bytes");
        }
        return slots;
    }
}
