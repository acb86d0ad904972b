package io.mproc.sync;

import io.mproc.memory.OrderedAccess;
import io.mproc.memory.RegionHeaderLayout;
import io.mproc.memory.RegionKind;
import io.mproc.wait.WaitPointLayout;
import java.lang.foreign.MemorySegment;

/**
 * The body of a {@link SharedLock} or {@link SharedRLock} region: one robust mutex.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |       Owner (long): owner pid (high int) | thread number      |   0  line 0: the
 *  +---------------------------------------------------------------+          owner's line
 *  |       Owner start token (int)                                 |   8
 *  +---------------------------------------------------------------+
 *  |       Hold count (int)                                        |  12
 *  +---------------------------------------------------------------+
 *  |       Dead previous owner's pid (int), 0 if none              |  16
 *  +---------------------------------------------------------------+
 *  |       ... padding to 64                                       |
 *  +---------------------------------------------------------------+
 *  |       Wait point: sequence (int) | waiters (int)              |  64  line 1: sleepers
 *  +---------------------------------------------------------------+
 *  |       Reentrant (int): 1 for an RLock                         | 128  line 2: set once
 *  +---------------------------------------------------------------+
 *  |       Next condition number (int)                             | 132
 *  +---------------------------------------------------------------+
 *  |       Owner deaths recovered (long)                           | 136
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>The owner word is the lock: 0 is free, anything else names the holding thread. It is
 * claimed by compare-and-set (volatile: acquires what the last owner released) and freed by a
 * release store, so every plain access by the owner to the hold count, the dead-owner pid and
 * the data the lock protects happens strictly between the two. The start token is written
 * after the claim (release) and zeroed before the free; another process reads it only to judge
 * whether the owner is alive, where 0 ("not written yet") means "check the pid alone".
 */
final class LockLayout {
    private LockLayout() {
    }

    static final RegionKind KIND = new RegionKind("sync.lock", 1);

    private static final int LINE = RegionHeaderLayout.CACHE_LINE;

    static final long OWNER_OFFSET = 0;
    static final long OWNER_TOKEN_OFFSET = OWNER_OFFSET + Long.BYTES;
    static final long HOLDS_OFFSET = OWNER_TOKEN_OFFSET + Integer.BYTES;
    static final long DEAD_OWNER_PID_OFFSET = HOLDS_OFFSET + Integer.BYTES;
    static final long WAIT_POINT_OFFSET = LINE;
    static final long REENTRANT_OFFSET = WAIT_POINT_OFFSET + LINE;
    static final long NEXT_CONDITION_OFFSET = REENTRANT_OFFSET + Integer.BYTES;
    static final long OWNER_DEATHS_OFFSET = NEXT_CONDITION_OFFSET + Integer.BYTES;
    static final long BODY_SIZE = REENTRANT_OFFSET + LINE;

    static {
        if (WAIT_POINT_OFFSET + WaitPointLayout.LENGTH > REENTRANT_OFFSET) {
            throw new AssertionError("wait point overlaps the metadata line");
        }
    }

    /** Creator only, before the region is published: plain stores. */
    static void initialize(MemorySegment body, boolean reentrant) {
        OrderedAccess.setIntPlain(body, REENTRANT_OFFSET, reentrant ? 1 : 0);
    }

    /** Set once before publication; the attacher's acquire of the ready state made it visible. */
    static boolean isReentrant(MemorySegment body) {
        return OrderedAccess.getIntPlain(body, REENTRANT_OFFSET) != 0;
    }
}
