package io.mproc.pool;

import static org.junit.jupiter.api.Assertions.*;

import io.mproc.process.SerializableCallable;
import io.mproc.shared.SharedLong;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A {@link ProcessPool} keeps the {@link java.util.concurrent.ExecutorService} contract, across real worker JVMs. */
class ExecutorServiceContractTest extends PoolTestBase {
    @RegisterExtension
    static final WarmWorkers WARM = WarmWorkers.of(12);

    private ProcessPool pool(int workers) {
        return WARM.pool(workers).namespace(namespace).start();
    }

    private static SerializableCallable<Integer> sleepThen(long millis, int value) {
        return () -> {
            Thread.sleep(millis);
            return value;
        };
    }

    @Test
    void submitRunsCallablesAndRunnables() throws Exception {
        SharedLong ran = SharedLong.create(namespace, "ran", 0);
        try (ProcessPool pool = pool(1)) {
            assertEquals(42, pool.submit(() -> 6 * 7).get());
            assertNull(pool.submit(() -> {
                ran.incrementAndGet();
            }).get());
            assertEquals("done", pool.submit(ran::incrementAndGet, "done").get());
            pool.execute(ran::incrementAndGet);
        }
        assertEquals(3, ran.get(), "close waited for the executed task");
    }

    @Test
    void invokeAllReturnsCompletedFuturesInTaskOrder() throws Exception {
        try (ProcessPool pool = pool(2)) {
            SerializableCallable<Integer> failing = () -> {
                throw new IllegalStateException("three");
            };
            List<Callable<Integer>> tasks = List.of(sleepThen(50, 1), sleepThen(0, 2), failing);
            List<Future<Integer>> futures = pool.invokeAll(tasks);
            assertEquals(3, futures.size());
            assertTrue(futures.stream().allMatch(Future::isDone));
            assertEquals(1, futures.get(0).get());
            assertEquals(2, futures.get(1).get());
            ExecutionException failed = assertThrows(ExecutionException.class, () -> futures.get(2).get());
            assertEquals("three", failed.getCause().getMessage());
        }
    }

    @Test
    void invokeAllWithATimeoutCancelsTheTasksNotDoneInTime() throws Exception {
        try (ProcessPool pool = pool(1)) {
            List<Future<Integer>> futures = pool.invokeAll(List.<Callable<Integer>>of(sleepThen(0, 1), sleepThen(5_000, 2)),
                200, TimeUnit.MILLISECONDS);
            assertEquals(1, futures.get(0).get());
            assertTrue(futures.get(1).isCancelled());
            pool.terminate();
        }
    }

    @Test
    void invokeAnyReturnsTheResultOfATaskThatSucceeded() throws Exception {
        try (ProcessPool pool = pool(2)) {
            SerializableCallable<Integer> failing = () -> {
                throw new IllegalStateException("no");
            };
            assertEquals(7, pool.invokeAny(List.<Callable<Integer>>of(failing, sleepThen(20, 7))));
            ExecutionException allFailed = assertThrows(ExecutionException.class,
                () -> pool.invokeAny(List.<Callable<Integer>>of(failing, failing)));
            assertEquals("no", allFailed.getCause().getMessage());
            assertThrows(TimeoutException.class,
                () -> pool.invokeAny(List.<Callable<Integer>>of(sleepThen(5_000, 1)), 100, TimeUnit.MILLISECONDS));
            assertThrows(IllegalArgumentException.class, () -> pool.invokeAny(List.<Callable<Integer>>of()));
            pool.terminate();
        }
    }

    @Test
    void afterShutdownAcceptedTasksFinishAndNewOnesAreRejected() throws Exception {
        ProcessPool pool = pool(2);
        CompletableFuture<Integer> accepted = pool.submit(sleepThen(200, 5));
        pool.shutdown();
        assertTrue(pool.isShutdown());
        assertFalse(pool.isTerminated());
        RejectedExecutionException rejected = assertThrows(RejectedExecutionException.class,
            () -> pool.submit(() -> 1));
        assertTrue(rejected.getMessage().contains("shut down"), rejected.getMessage());
        assertThrows(RejectedExecutionException.class, () -> pool.map(x -> x, List.of(1)));
        assertThrows(RejectedExecutionException.class, () -> pool.imap(x -> x, List.of(1)));
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertTrue(pool.isTerminated());
        assertEquals(5, accepted.get());
        pool.shutdown(); // idempotent
        pool.close();
    }

    @Test
    void shutdownNowKillsTheWorkersCancelsPendingFuturesAndReturnsTasksNeverSent() throws Exception {
        ProcessPool pool = pool(1);
        List<Long> pids = pool.workerPids();
        CompletableFuture<Integer> running = pool.submit(sleepThen(60_000, 1));
        CompletableFuture<Integer> queued = pool.submit(sleepThen(0, 2));
        CompletableFuture<Integer> waiting = pool.submit(sleepThen(0, 3));
        List<Runnable> neverSent = pool.shutdownNow();
        assertEquals(1, neverSent.size(), "the third task never left the pool: " + neverSent);
        for (CompletableFuture<Integer> future : List.of(running, queued, waiting)) {
            assertTrue(future.isCancelled());
            assertThrows(CancellationException.class, future::get);
        }
        assertTrue(pool.awaitTermination(Duration.ofSeconds(30)));
        assertTrue(pids.stream().noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
        assertThrows(RejectedExecutionException.class, () -> pool.submit(() -> 1));
    }

    @Test
    void closeWaitsForTheAcceptedTasks() throws Exception {
        CompletableFuture<Integer> accepted;
        ProcessPool pool = pool(1);
        try (pool) {
            accepted = pool.submit(sleepThen(300, 9));
        }
        assertTrue(accepted.isDone(), "ExecutorService.close waits (Python's with-block would terminate)");
        assertEquals(9, accepted.get());
        assertTrue(pool.isTerminated());
    }

    @Test
    void terminateKillsAtOnceAndJoinNeedsAShutdownFirst() throws Exception {
        ProcessPool pool = pool(1);
        IllegalStateException early = assertThrows(IllegalStateException.class, pool::join);
        assertTrue(early.getMessage().contains("is running"), early.getMessage());
        CompletableFuture<Integer> endless = pool.submit(sleepThen(60_000, 1));
        long started = System.nanoTime();
        pool.terminate();
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(30));
        assertTrue(pool.isTerminated());
        assertTrue(endless.isCancelled());
        pool.join();
    }

    @Test
    void aCancelledTaskThatWasNotSentNeverRuns() throws Exception {
        SharedLong ran = SharedLong.create(namespace, "ran", 0);
        try (ProcessPool pool = pool(1)) {
            CompletableFuture<Integer> first = pool.submit(sleepThen(300, 1));
            CompletableFuture<Integer> second = pool.submit(sleepThen(0, 2));
            CompletableFuture<Long> third = pool.submit(ran::incrementAndGet);
            assertTrue(third.cancel(true));
            assertEquals(1, first.get());
            assertEquals(2, second.get());
            assertEquals(3, pool.submit(() -> 3).get());
        }
        assertEquals(0, ran.get());
    }
}
