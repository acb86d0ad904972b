package io.mproc.memory;

/**
 * The header at the start of every mproc region file: what the file is, who made it, and
 * whether it is ready to use.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                      Magic "MPROCREG" (8 bytes)               |  0
 *  +---------------------------------------------------------------+
 *  |                  Header Version (int)                         |  8
 *  +---------------------------------------------------------------+
 *  |                  Kind Version (int)                           | 12
 *  +---------------------------------------------------------------+
 *  |                  Kind name, ASCII, NUL-padded (16 bytes)      | 16
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                  File Size (long)                             | 32
 *  +---------------------------------------------------------------+
 *  |                  Creator Pid (int)                            | 40
 *  +---------------------------------------------------------------+
 *  |                  Ready State (int)                            | 44
 *  +---------------------------------------------------------------+
 *  |                  Creator Start Time (long)                    | 48
 *  +---------------------------------------------------------------+
 *  |                  Creation Time, epoch millis (long)           | 56
 *  +---------------------------------------------------------------+
 *  |                  Reserved, zero (64 bytes)                    | 64
 *  +---------------------------------------------------------------+
 *  |                  Body ...                                     | 128
 * </pre>
 *
 * <p>Every field but the ready state is written once, with plain stores, by the creator before
 * it publishes the region; the ready state is then set with a release store, and attachers read
 * it with an acquire load before they read anything else. That pairing is what makes the other
 * fields (and whatever the creator initialised in the body) visible to an attacher.
 *
 * <p>The body starts two cache lines in, so that the header and the first hot field of the body
 * never share a line, nor a pair of lines fetched together by the adjacent-line prefetcher.
 */
public final class RegionHeaderLayout {
    private RegionHeaderLayout() {
    }

    /** "MPROCREG" in ASCII, read as a little-endian long. */
    public static final long MAGIC = 0x4745_5243_4F52_504DL;
    /** Version of this header's own format; a different value means another mproc release. */
    public static final int HEADER_VERSION = 1;

    public static final long MAGIC_OFFSET = 0;
    public static final long HEADER_VERSION_OFFSET = 8;
    public static final long KIND_VERSION_OFFSET = 12;
    public static final long KIND_NAME_OFFSET = 16;
    public static final int KIND_NAME_LENGTH = 16;
    public static final long FILE_SIZE_OFFSET = 32;
    public static final long CREATOR_PID_OFFSET = 40;
    public static final long READY_STATE_OFFSET = 44;
    public static final long CREATOR_START_TIME_OFFSET = 48;
    public static final long CREATION_TIME_OFFSET = 56;

    /** Size of the header; the body begins here, cache-line (and line-pair) aligned. */
    public static final long HEADER_LENGTH = 128;

    /** Ready state while the creator is still writing the header and initialising the body. */
    public static final int STATE_INITIALISING = 0;
    /** Ready state once the region may be used. */
    public static final int STATE_READY = 1;

    /** Alignment of the body, and of every hot field layouts place in it. */
    public static final int CACHE_LINE = 64;
}
