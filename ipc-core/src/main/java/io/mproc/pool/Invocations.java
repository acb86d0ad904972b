package io.mproc.pool;

import io.mproc.wait.WaitStrategy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code invokeAll} and {@code invokeAny} of a {@link ProcessPool}, as {@link java.util.concurrent.ExecutorService} specifies them. */
final class Invocations {
    private Invocations() {
    }

    /** The {@link System#nanoTime()} deadline {@code timeout} from now; {@link Long#MAX_VALUE} if too far. */
    static long deadline(long timeout, TimeUnit unit) {
        return WaitStrategy.deadlineAfter(timeout, unit);
    }

    /** Submits every task, waits for all (or the deadline: the unfinished are cancelled). */
    static <T> List<Future<T>> all(ProcessPool pool, Collection<? extends Callable<T>> tasks, long deadline)
        throws InterruptedException {
        List<Future<T>> futures = new ArrayList<>(tasks.size());
        try {
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(task));
            }
            for (Future<T> future : futures) {
                if (!future.isDone()) {
                    try {
                        if (deadline == Long.MAX_VALUE) {
                            future.get();
                        } else {
                            future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                        }
                    } catch (ExecutionException | CancellationException failedTask) {
                        // the future holds it
                    } catch (TimeoutException late) {
                        break;
                    }
                }
            }
            return futures;
        } finally {
            futures.forEach(future -> future.cancel(true)); // a no-op for those done
        }
    }

    /**
     * Submits every task and returns the result of one that succeeded; cancels the others.
     *
     * @throws ExecutionException if every task failed (the last failure is the cause)
     */
    static <T> T any(ProcessPool pool, Collection<? extends Callable<T>> tasks, long deadline)
        throws InterruptedException, ExecutionException, TimeoutException {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("tasks=[] (expected: at least one)");
        }
        CompletableFuture<T> first = new CompletableFuture<>();
        AtomicInteger failed = new AtomicInteger();
        List<Future<T>> futures = new ArrayList<>(tasks.size());
        try {
            for (Callable<T> task : tasks) {
                CompletableFuture<T> future = pool.submit(task);
                futures.add(future);
                future.whenComplete((value, failure) -> {
                    if (failure == null) {
                        first.complete(value);
                    } else if (failed.incrementAndGet() == tasks.size()) {
                        first.completeExceptionally(failure);
                    }
                });
            }
            return deadline == Long.MAX_VALUE ? first.get()
                : first.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } finally {
            futures.forEach(future -> future.cancel(true));
        }
    }
}
