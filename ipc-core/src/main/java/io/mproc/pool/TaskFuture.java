package io.mproc.pool;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The future of a pool call: a {@link CompletableFuture} that spins a few microseconds before
 * it blocks (a result from a worker usually arrives that fast, and waking a parked thread costs
 * more than the whole round trip), and that tells its job when it is cancelled, so that tasks
 * not yet sent are dropped. Cancelling does not stop a task a worker is already running; its
 * result is discarded.
 *
 * @param <T> the result type
 */
final class TaskFuture<T> extends CompletableFuture<T> {
    /** Polls before yielding: about 10 to 50 µs. */
    static final int SPINS = 2000;
    /** Yields before parking: lets the pool's own threads run on a busy machine. */
    static final int YIELDS = 20;

    private final Job job;

    TaskFuture(Job job) {
        this.job = job;
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        spinUntilDone(Long.MAX_VALUE);
        return super.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        spinUntilDone(System.nanoTime() + Math.min(unit.toNanos(timeout), SPIN_LIMIT_NANOS));
        return super.get(timeout, unit);
    }

    @Override
    public T join() {
        spinUntilDone(Long.MAX_VALUE);
        return super.join();
    }

    private static final long SPIN_LIMIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private void spinUntilDone(long deadline) {
        for (int i = 0; i < SPINS + YIELDS && !isDone(); i++) {
            if (i < SPINS) {
                Thread.onSpinWait();
            } else if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) {
                return;
            } else {
                Thread.yield();
            }
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
