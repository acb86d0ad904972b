package io.mproc.ring;

import io.mproc.memory.RegionKind;
import io.mproc.wait.WaitPointLayout;

/**
 * The body of an {@link SpscRing} region. Each hot word has a 128-byte block of its own: two
 * cache lines, so that neither false sharing nor the adjacent-line prefetcher couples the
 * producer's line with the consumer's.
 *
 * <pre>
 *  offset
 *     0  +--------------------------------------------+
 *        | metadata ({@link RingGeometry}): capacity, |
 *        | maxMessageLength; read-only after create   |
 *   128  +--------------------------------------------+
 *        | tail (long): producer position, bytes ever |  written by the producer only, for
 *        | committed; monotonic, index = tail &amp; mask  |  its successor; consumers poll headers
 *   256  +--------------------------------------------+
 *        | head (long): bytes given back to the       |  written by the consumer only; read
 *        | producer (consumed, then zeroed)           |  by the producer when it looks full
 *   384  +--------------------------------------------+
 *        | consumed (long): bytes delivered; head &lt;=  |  written by the consumer only, once
 *        | consumed &lt;= head + capacity                |  per drain
 *   512  +--------------------------------------------+
 *        | notEmpty wait point                        |
 *   640  +--------------------------------------------+
 *        | notFull wait point                         |
 *   768  +--------------------------------------------+
 *        | data: capacity bytes of records            |
 *        | ({@link RecordLayout}, 8-byte header whose |
 *        | length word commits the record; zero =     |
 *        | nothing yet, so consumed bytes are zeroed  |
 *        | before they are given back)                |
 *        +--------------------------------------------+
 * </pre>
 */
final class SpscRingLayout {
    private SpscRingLayout() {
    }

    static final RegionKind KIND = new RegionKind("ring.spsc", 3);

    /** One block per hot word: two cache lines. */
    static final int BLOCK = 128;

    static final long METADATA_OFFSET = 0;
    static final long TAIL_OFFSET = METADATA_OFFSET + BLOCK;
    static final long HEAD_OFFSET = TAIL_OFFSET + BLOCK;
    static final long CONSUMED_OFFSET = HEAD_OFFSET + BLOCK;
    static final long NOT_EMPTY_OFFSET = CONSUMED_OFFSET + BLOCK;
    static final long NOT_FULL_OFFSET = NOT_EMPTY_OFFSET + BLOCK;
    static final int DATA_OFFSET = (int) (NOT_FULL_OFFSET + BLOCK);

    static {
        assert WaitPointLayout.LENGTH <= BLOCK;
    }

    static long bodySize(int capacity) {
        return DATA_OFFSET + (long) capacity;
    }
}
