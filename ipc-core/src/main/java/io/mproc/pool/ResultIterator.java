package io.mproc.pool;

import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * The results of {@link ProcessPool#imap} and {@link ProcessPool#imapUnordered}, as they come:
 * Python's {@code IMapIterator}. The input is read lazily, as results are taken: at most a
 * bounded number of tasks are read ahead of the results taken (Python reads the whole input at
 * once).
 *
 * <p>A task that failed throws at its place in the results, and iteration goes on after it
 * (as in Python): {@link #next()} throws a {@link CompletionException} whose cause is the
 * task's exception, {@link #next(Duration)} an {@link ExecutionException}. An exception thrown
 * by the input's iterator is the failure of the task it would have been, and ends the input.
 *
 * <p>Close it to stop early: tasks not yet sent are dropped, results not yet taken discarded.
 * A pool that was shut down terminates only once its iterations are read to the end or
 * closed. Meant for one consuming thread at a time.
 *
 * @param <R> the result type
 */
public interface ResultIterator<R> extends Iterator<R>, AutoCloseable {
    /**
     * Whether there is another result; reads the input if needed (which may block in the
     * input's own iterator), but does not wait for results.
     */
    @Override
    boolean hasNext();

    /**
     * The next result, waiting for it as long as it takes.
     *
     * @throws java.util.NoSuchElementException if there is none
     * @throws CompletionException              if its task failed (the cause), or the wait was
     *                                          interrupted (an {@link InterruptedException} as
     *                                          the cause; the interrupt flag is set again)
     */
    @Override
    R next();

    /**
     * The next result, waiting at most {@code timeout} (Python's {@code next(timeout)}).
     *
     * @throws java.util.NoSuchElementException if there is none
     * @throws TimeoutException                 if it did not come in time (it can still be taken later)
     * @throws ExecutionException               if its task failed (the cause)
     */
    R next(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException;

    /** Stops the iteration: nothing more is sent, nothing more returned. Idempotent. */
    @Override
    void close();
}
