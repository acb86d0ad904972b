package io.mproc.sync;

import io.mproc.memory.RegionHeaderLayout;
import io.mproc.memory.RegionKind;

/**
 * The body of a {@link SharedEvent} region.
 *
 * <pre>
 *  +---------------------------------------------------------------+
 *  | Flag (int): 1 set, 0 clear                                    |   0  line 0
 *  +---------------------------------------------------------------+
 *  | Wait point: sequence (int) | waiters (int)                    |  64  line 1
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>{@code set} release-stores 1 and then signals the wait point (the wait layer's
 * publish-then-signal rule); waiters and {@code isSet} acquire-load the flag, so whatever the
 * setter wrote before {@code set} is visible to a thread that sees the event set. {@code clear}
 * release-stores 0. All-zero bytes are a clear event: nothing to initialise.
 */
final class EventLayout {
    private EventLayout() {
    }

    static final RegionKind KIND = new RegionKind("sync.event", 1);

    static final long FLAG_OFFSET = 0;
    static final long WAIT_POINT_OFFSET = RegionHeaderLayout.CACHE_LINE;
    static final long BODY_SIZE = 2L * RegionHeaderLayout.CACHE_LINE;
}
