package io.mproc.ring.jcstress;

import io.mproc.ring.MessageHandler;
import io.mproc.ring.MpmcInMemory;
import io.mproc.ring.MpmcRing;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Shared pieces of the MPMC jcstress tests: rings of the production class over plain memory,
 * and a message whose payload shows tearing (two words derived from the type).
 */
final class MpmcJcstressSupport {
    private MpmcJcstressSupport() {
    }

    /** What a poll reports when it found no message. */
    static final int NOTHING = -1;
    /** What a poll reports when the payload did not match its type: a torn or stale message. */
    static final int TORN = 99;
    static final int LENGTH = 16;

    /** A new ring; GC frees the memory once the jcstress state object is gone. */
    static MpmcRing ring(int slots) {
        return MpmcInMemory.create(Arena.ofAuto(), slots, LENGTH);
    }

    static boolean offer(MpmcRing ring, int type) {
        byte[] payload = new byte[LENGTH];
        MemorySegment view = MemorySegment.ofArray(payload);
        view.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, first(type));
        view.set(ValueLayout.JAVA_LONG_UNALIGNED, 8, second(type));
        return ring.offer(type, payload, 0, LENGTH);
    }

    /** Polls once: the message's type, {@link #NOTHING}, or {@link #TORN}. */
    static int poll(MpmcRing ring) {
        int[] seen = {NOTHING};
        MessageHandler handler = (type, buffer, offset, length) -> {
            boolean whole = length == LENGTH
                && buffer.get(ValueLayout.JAVA_LONG_UNALIGNED, offset) == first(type)
                && buffer.get(ValueLayout.JAVA_LONG_UNALIGNED, offset + 8) == second(type);
            seen[0] = whole ? type : TORN;
        };
        ring.poll(handler);
        return seen[0];
    }

    static long first(int type) {
        return 0x1111_1111_0000_0000L | type;
    }

    static long second(int type) {
        return ~first(type);
    }
}
