package io.mproc.pool;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The future of a pool call: a {@link CompletableFuture} whose waiting thread first reads the
 * pool's results itself for a few tens of microseconds ({@link ResultCollector#help}: a quick
 * task's result usually arrives that fast, and handing it over to a parked thread costs more
 * than the whole round trip), and that tells its job when it is cancelled, so that tasks not
 * yet sent are dropped. Cancelling does not stop a task a worker is already running; its result
 * is discarded.
 *
 * @param <T> the result type
 */
final class TaskFuture<T> extends CompletableFuture<T> {
    private final Job job;
    private final ResultCollector results;

    TaskFuture(Job job, ResultCollector results) {
        this.job = job;
        this.results = results;
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        helpUnlessDone();
        return super.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        helpUnlessDone();
        return super.get(timeout, unit);
    }

    @Override
    public T join() {
        helpUnlessDone();
        return super.join();
    }

    private void helpUnlessDone() {
        if (!isDone()) {
            results.help(this::isDone);
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled) {
            job.finish();
        }
        return cancelled;
    }
}
