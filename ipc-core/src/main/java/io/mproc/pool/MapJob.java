package io.mproc.pool;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * {@code map}, {@code starmap} and their async forms: every argument known up front, handed out
 * in chunks of {@code chunksize} tasks, results gathered in input order. The future completes
 * once every task has an outcome: with the results, or with the failure of the earliest task
 * (in input order) that failed.
 *
 * @param <R> the result type
 */
final class MapJob<R> extends FutureJob<List<R>> {
    private final Object[] arguments;
    private final int tasks;
    private final int chunksize;
    private final Object[] results;
    /** Guarded by the pool's lock. */
    private int nextTask;
    /** Guarded by this. */
    private int remaining;
    private int failedTask = Integer.MAX_VALUE;
    private Throwable failure;

    /**
     * @param arguments {@code tasks * function.arity()} values, the arguments of task {@code i}
     *                  from {@code i * arity} on
     * @param results   the pool's results, which a waiting caller helps read
     */
    MapJob(PoolFunction function, String kind, Object[] arguments, int tasks, int chunksize,
           ResultCollector results) {
        super(function, kind, results);
        this.arguments = arguments;
        this.tasks = tasks;
        this.chunksize = chunksize;
        this.results = new Object[tasks];
        this.remaining = tasks;
        if (tasks == 0) {
            future().complete(List.of());
        }
    }

    @Override
    Batch nextBatch() {
        if (nextTask >= tasks) {
            return null;
        }
        int count = Math.min(chunksize, tasks - nextTask);
        Batch batch = new Batch(this, nextTask, count, arguments, nextTask * function().arity(), true, 0, null);
        nextTask += count;
        return batch;
    }

    @Override
    boolean exhausted() {
        return nextTask >= tasks;
    }

    @Override
    void complete(int first, Object[] outcomes, int from, int count) {
        boolean last;
        synchronized (this) {
            for (int i = 0; i < count; i++) {
                Object outcome = outcomes[from + i];
                if (outcome instanceof TaskFailure failed) {
                    if (first + i < failedTask) {
                        failedTask = first + i;
                        failure = failed.failure();
                    }
                } else {
                    results[first + i] = outcome;
                }
            }
            remaining -= count;
            last = remaining == 0;
        }
        if (last) {
            settle();
        }
    }

    /**
     * Outcomes of tasks {@code first, first + 1, ...}: {@code count} successful results of one
     * fixed-width encoding, read straight from the message into the results (the common case
     * of a {@code map} over numbers: no copy, no per-task check).
     */
    void completeFixed(int first, byte encoding, MemorySegment source, long offset, int length, int count) {
        ValueCodec.readFixed(encoding, source, offset, length, results, first, count);
        boolean last;
        synchronized (this) {
            // The monitor also publishes the results written above to the thread that settles.
            remaining -= count;
            last = remaining == 0;
        }
        if (last) {
            settle();
        }
    }

    @SuppressWarnings("unchecked")
    private void settle() {
        Throwable failed;
        synchronized (this) {
            failed = failure;
        }
        if (failed != null) {
            future().completeExceptionally(failed);
        } else {
            future().complete((List<R>) Collections.unmodifiableList(Arrays.asList(results)));
        }
        finish();
    }
}
