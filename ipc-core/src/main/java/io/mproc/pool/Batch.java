package io.mproc.pool;

/**
 * Consecutive tasks of one job that travel in one task message: tasks {@code first} to
 * {@code first + count - 1} of the job, whose arguments are {@code arity} values each, in
 * {@code arguments} from {@code argumentOffset} on. A chunk of a {@code map} is one batch, cut
 * in several when it does not fit a message; {@link #endOfChunk} marks its last part. Immutable.
 *
 * @param job            the job the tasks belong to
 * @param first          the job's index of the first task
 * @param count          how many tasks
 * @param arguments      the argument values (shared with the job; never changed)
 * @param argumentOffset where the first task's first argument is in {@code arguments}
 * @param endOfChunk     whether this is the last part of a chunk
 * @param attempt        how often the first task was sent before (it was running when a
 *                       worker died); 0 at first
 * @param encoded        the arguments already encoded ({@link ValueCodec#TAGGED}), or null
 */
record Batch(Job job, int first, int count, Object[] arguments, int argumentOffset, boolean endOfChunk, int attempt,
             byte[] encoded) {

    static final Object[] NO_ARGUMENTS = new Object[0];

    int arity() {
        return job.function().arity();
    }

    /** The first {@code tasks} tasks, not the end of the chunk. */
    Batch prefix(int tasks) {
        return new Batch(job, first, tasks, arguments, argumentOffset, false, attempt, null);
    }

    /** The tasks after the first {@code tasks}; the first of them was never sent. */
    Batch suffix(int tasks) {
        return new Batch(job, first + tasks, count - tasks, arguments, argumentOffset + tasks * arity(), endOfChunk,
            0, null);
    }

    /** The single task {@code index} (relative to this batch) sent once more. */
    Batch retry(int index) {
        return new Batch(job, first + index, 1, arguments, argumentOffset + index * arity(), true,
            index == 0 ? attempt + 1 : 1, count == 1 ? encoded : null);
    }

    /** Tasks {@code [from, to)} of this batch, to be sent again from scratch. */
    Batch range(int from, int to) {
        return new Batch(job, first + from, to - from, arguments, argumentOffset + from * arity(),
            endOfChunk && to == count, from == 0 ? attempt : 0, from == 0 && to == count ? encoded : null);
    }
}
