package io.mproc.pool;

/**
 * The messages that reach a pool's result collector, on the pool's one multi-producer
 * single-consumer result ring (the ring's message type tells them apart). Written plain and
 * published by the ring's commit, as the task messages are.
 *
 * <pre>
 *  RESULT: results of tasks [from, from + count) of one task message
 *  +----------------------------------------------------------------+
 *  | slot (int)                                                     |  0
 *  | generation (int)                                               |  4
 *  | sequence (int): the task message answered                      |  8
 *  | from (int)                                                     | 12
 *  | count (int)                                                    | 16
 *  +----------------+----------------+------------------------------+
 *  | encoding (byte)| flags (byte)   | (pad)                        | 20
 *  +----------------+----------------+------------------------------+
 *  | busy nanos (long): time the worker spent on the whole message  | 24
 *  +----------------------------------------------------------------+
 *  | count result values, see ValueCodec                            | 32
 *  +----------------------------------------------------------------+
 *
 *  READY: the worker ran its initializer and waits for tasks
 *  | slot (int) | generation (int) | pid (int) | (pad) |
 *
 *  EXITED: written by the collector itself once it saw the worker's process end; every result
 *  the worker committed before that was claimed before this message, so it is read before it
 *  | slot (int) | generation (int) |
 * </pre>
 *
 * A worker sends the results of one task message in several RESULT messages when they do not
 * fit in one; the last carries {@link #LAST_PART}.
 */
final class ResultMessageLayout {
    private ResultMessageLayout() {
    }

    static final int RESULT = 1;
    static final int READY = 2;
    static final int EXITED = 3;

    static final int SLOT_OFFSET = 0;
    static final int GENERATION_OFFSET = SLOT_OFFSET + 4;
    static final int SEQUENCE_OFFSET = GENERATION_OFFSET + 4;
    static final int FROM_OFFSET = SEQUENCE_OFFSET + 4;
    static final int COUNT_OFFSET = FROM_OFFSET + 4;
    static final int ENCODING_OFFSET = COUNT_OFFSET + 4;
    static final int FLAGS_OFFSET = ENCODING_OFFSET + 1;
    static final int BUSY_NANOS_OFFSET = 24;
    static final int HEADER_LENGTH = 32;

    static final int LAST_PART = 1;

    static final int READY_PID_OFFSET = GENERATION_OFFSET + 4;
    static final int READY_LENGTH = 16;
    static final int EXITED_LENGTH = 8;
}
