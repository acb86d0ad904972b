package io.mproc.wait;

/**
 * The 8 bytes of shared memory behind a {@link WaitPoint}.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                  Sequence (int, the futex word)               |  0
 *  +---------------------------------------------------------------+
 *  |                  Waiters (int)                                |  4
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>Owners place it 8-byte aligned, on a cache line of its own (it is written by every
 * sleeper and every waker; sharing a line with a hot position would slow both). All-zero bytes
 * are a valid, idle wait point.
 */
public final class WaitPointLayout {
    private WaitPointLayout() {
    }

    public static final long SEQUENCE_OFFSET = 0;
    public static final long WAITERS_OFFSET = 4;
    /** Bytes a wait point occupies. */
    public static final int LENGTH = 8;
}
