package io.mproc.pipe;

import io.mproc.memory.RegionHeaderLayout;
import io.mproc.memory.RegionKind;

/**
 * The body of a pipe's state region ({@code <name>.pipe}), beside its rings
 * ({@code <name>.0}, written by the first end, and {@code <name>.1}, written by the second;
 * a one-way pipe has only {@code <name>.1}, from the writer to the reader).
 *
 * <pre>
 *  body offset
 *      0  +----------------------------------------------------------+
 *         | Duplex (int) | Ring Bytes (int)                          |  written once
 *    128  +----------------------------------------------------------+
 *         | end 0: Closed (int) | pad | Holder (long: pid, token)  |  written by end 0's
 *    256  +----------------------------------------------------------+  holder, read by the peer
 *         | end 1: Closed (int) | pad | Holder (long: pid, token)  |
 *    384  +----------------------------------------------------------+
 * </pre>
 *
 * <p>The holder is the process that uses the end now, as one 8-byte word (pid in the low
 * half, start token in the high half) so that a reader never sees a pid with another
 * process's token; 0 while the end travels as a handle and nobody has received it yet. Its
 * peer reads it only after a wait that found no message, to tell a dead peer (end of file)
 * from a quiet one.
 */
final class PipeStateLayout {
    private PipeStateLayout() {
    }

    /** The region kind; bump the version whenever anything in this class changes. */
    static final RegionKind KIND = new RegionKind("pipe.state", 1);

    static final int BLOCK = 2 * RegionHeaderLayout.CACHE_LINE;

    static final long DUPLEX_OFFSET = 0;
    static final long RING_BYTES_OFFSET = DUPLEX_OFFSET + Integer.BYTES;
    static final long FIRST_END_OFFSET = BLOCK;
    static final long CLOSED_OFFSET = 0;
    static final long HOLDER_OFFSET = Long.BYTES;
    static final long BODY_SIZE = FIRST_END_OFFSET + 2L * BLOCK;

    /** Where end {@code end}'s block starts. */
    static long endOffset(int end) {
        return FIRST_END_OFFSET + (long) end * BLOCK;
    }
}
