package io.mproc.ring;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Test access to the production {@link MpmcRing} over plain memory instead of a region file,
 * for tests in other packages (jcstress) and for in-JVM stress tests.
 */
public final class MpmcInMemory {
    private MpmcInMemory() {
    }

    /** A new empty ring in memory that {@code arena} owns (zero-filled by allocation). */
    public static MpmcRing create(Arena arena, int slots, int maxMessageLength) {
        MemorySegment body = arena.allocate(MpmcRing.inMemoryBodySize(slots, maxMessageLength), 128);
        return MpmcRing.inMemory(body, slots, maxMessageLength);
    }
}
