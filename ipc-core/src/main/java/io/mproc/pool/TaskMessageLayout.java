package io.mproc.pool;

/**
 * The messages a pool sends a worker, on the worker's own single-producer single-consumer
 * task ring (the ring's message type tells them apart). Fields are written plain: the ring's
 * commit (a release store of the record length) publishes them, the worker's acquire load of
 * that length makes them visible.
 *
 * <pre>
 *  TASK: tasks to run, one message per batch of consecutive tasks of one job
 *  +----------------------------------------------------------------+
 *  | function id (int)                                              |  0
 *  +----------------------------------------------------------------+
 *  | count (int): tasks in this message                             |  4
 *  +----------------+----------------+---------------+--------------+
 *  | arity (byte)   | encoding (byte)| flags (byte)  | (pad)        |  8
 *  +----------------+----------------+---------------+--------------+
 *  | (pad, int)                                                     | 12
 *  +----------------------------------------------------------------+
 *  | count * arity argument values, see ValueCodec                  | 16
 *  +----------------------------------------------------------------+
 *
 *  DEFINE: a function the tasks that follow refer to by id
 *  +----------------------------------------------------------------+
 *  | function id (int)                                              |  0
 *  | function kind (int): PoolFunction.Kind ordinal                 |  4
 *  | the function, serialized                                       |  8
 *  +----------------------------------------------------------------+
 *
 *  FORGET (no payload): drop every function defined so far
 *  STOP   (no payload): finish the messages before this one, then exit
 * </pre>
 *
 * The worker numbers the TASK messages it receives 1, 2, 3, ... (its <em>sequence</em>), as the
 * pool numbers those it sends; results and progress name a message by that number.
 */
final class TaskMessageLayout {
    private TaskMessageLayout() {
    }

    static final int TASK = 1;
    static final int DEFINE = 2;
    static final int FORGET = 3;
    static final int STOP = 4;

    static final int FUNCTION_OFFSET = 0;
    static final int COUNT_OFFSET = FUNCTION_OFFSET + 4;
    static final int ARITY_OFFSET = COUNT_OFFSET + 4;
    static final int ENCODING_OFFSET = ARITY_OFFSET + 1;
    static final int FLAGS_OFFSET = ENCODING_OFFSET + 1;
    static final int HEADER_LENGTH = 16;

    /** Flag: the last message of a chunk, which counts as one task for {@code maxTasksPerChild}. */
    static final int END_OF_CHUNK = 1;

    static final int DEFINE_KIND_OFFSET = 4;
    static final int DEFINE_HEADER_LENGTH = 8;
}
