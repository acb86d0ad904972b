package io.mproc.pool;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Work handed to the pool in one call ({@code apply}, {@code map}, {@code imap}, ...): tasks
 * numbered from 0 that call one function, handed out in {@link Batch}es, and completed with
 * their outcomes (values or {@link TaskFailure}s) as results arrive.
 *
 * <p>Threads: {@link #nextBatch()} and {@link #exhausted()} are called under the pool's lock
 * only; {@link #complete} by the pool's result thread, or by a dispatching thread for a task
 * whose arguments could not be sent, never under the pool's lock (it may run callbacks);
 * {@link #abandon} by whoever stops the pool. A job tells its {@link Listener} once, when it
 * wants no more results.
 */
abstract class Job {
    /** Told when a job is finished: all its tasks have outcomes, or it was cancelled or abandoned. */
    interface Listener {
        void jobFinished(Job job);
    }

    private static final AtomicLong IDS = new AtomicLong();

    private final PoolFunction function;
    private final String kind;
    private final long id = IDS.incrementAndGet();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile Listener listener;

    Job(PoolFunction function, String kind) {
        this.function = function;
        this.kind = kind;
    }

    PoolFunction function() {
        return function;
    }

    /** Set by the pool when it accepts the job, before any batch is taken. */
    void listener(Listener jobListener) {
        this.listener = jobListener;
    }

    /** The next batch to send, or null if none is ready now (the job may be paused or exhausted). */
    abstract Batch nextBatch();

    /** Whether no batch will ever come any more. */
    abstract boolean exhausted();

    /** Outcomes of tasks {@code first, first + 1, ...}: {@code outcomes[from, from + count)}. */
    abstract void complete(int first, Object[] outcomes, int from, int count);

    /** Fails what has no outcome yet with {@code cause}; the job is finished afterwards. */
    abstract void abandon(Throwable cause);

    /** Whether the job wants no more results (finished, cancelled or abandoned). */
    boolean isDone() {
        return finished.get();
    }

    /** Marks the job finished and tells the listener, once. */
    final void finish() {
        if (finished.compareAndSet(false, true)) {
            Listener current = listener;
            if (current != null) {
                current.jobFinished(this);
            }
        }
    }

    /** "task 5 of map #3". */
    String describe(int task) {
        return "task " + task + " of " + this;
    }

    @Override
    public String toString() {
        return kind + " #" + id + " (" + function.description() + ")";
    }
}
