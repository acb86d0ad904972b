package io.mproc.queue;

import io.mproc.memory.RegionHeaderLayout;
import io.mproc.memory.RegionKind;
import io.mproc.wait.WaitPointLayout;

/**
 * The body of a queue's state region ({@code <name>.queue}), next to its ring
 * ({@code <name>.ring}: an {@link io.mproc.ring.MpmcRing} or, for a
 * {@link QueueShape#ONE_TO_ONE} queue, an {@link io.mproc.ring.SpscRing}).
 *
 * <pre>
 *  body offset
 *      0  +------------------------------------------------------------+
 *         | Max Size (int) | Max Message Bytes (int) | Joinable (int)   |  written once by
 *         | Shape (int): 1 many-to-many, 2 one-to-one                  |  the creator
 *    128  +------------------------------------------------------------+
 *         | Closed (int): 0 open, 1 closed                             |  read by every
 *         |                                                            |  operation, written once
 *    256  +------------------------------------------------------------+
 *         | Unfinished (long): JoinableQueue's count of tasks not done |
 *    384  +------------------------------------------------------------+
 *         | allDone wait point: join() sleeps here                     |
 *    512  +------------------------------------------------------------+
 *         | Put (long): elements a ONE_TO_ONE queue's producer put     |  written by the
 *         | (what its consumer took, the ring's records tell)          |  producer only
 *    640  +------------------------------------------------------------+
 * </pre>
 *
 * <p>Each group has two cache lines of its own: the closed flag is read on every put and take
 * by every process, so it must never share a line with a word that changes (it then stays
 * cached, shared, in every core); the unfinished count changes on every put and taskDone of a
 * joinable queue; the put count changes on every put of a {@link QueueShape#ONE_TO_ONE} queue.
 */
final class QueueStateLayout {
    private QueueStateLayout() {
    }

    /** The region kind; bump the version whenever anything in this class changes. */
    static final RegionKind KIND = new RegionKind("queue.state", 3);

    static final int BLOCK = 2 * RegionHeaderLayout.CACHE_LINE;

    static final long MAX_SIZE_OFFSET = 0;
    static final long MAX_MESSAGE_BYTES_OFFSET = MAX_SIZE_OFFSET + Integer.BYTES;
    static final long JOINABLE_OFFSET = MAX_MESSAGE_BYTES_OFFSET + Integer.BYTES;
    static final long SHAPE_OFFSET = JOINABLE_OFFSET + Integer.BYTES;
    static final long CLOSED_OFFSET = BLOCK;
    static final long UNFINISHED_OFFSET = CLOSED_OFFSET + BLOCK;
    static final long ALL_DONE_OFFSET = UNFINISHED_OFFSET + BLOCK;
    static final long PUT_OFFSET = ALL_DONE_OFFSET + BLOCK;
    static final long BODY_SIZE = PUT_OFFSET + BLOCK;

    static {
        if (WaitPointLayout.LENGTH > BLOCK) {
            throw new AssertionError("wait point does not fit its block");
        }
    }
}
