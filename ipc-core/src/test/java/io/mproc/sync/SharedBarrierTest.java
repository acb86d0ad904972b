package io.mproc.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mproc.testing.CrossProcessTest;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Barrier rules that need precise timing between parties, shown with threads of one process. */
class SharedBarrierTest extends CrossProcessTest {
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void arrivalsWhileTheActionRunsWaitForTheNextCycle() throws Exception {
        CountDownLatch actionRunning = new CountDownLatch(1);
        CountDownLatch finishAction = new CountDownLatch(1);
        try (SharedBarrier barrier = SharedBarrier.create(namespace, "bar", 2, () -> {
            actionRunning.countDown();
            try {
                finishAction.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> await(barrier), threads);
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> await(barrier), threads);
            assertTrue(actionRunning.await(10, TimeUnit.SECONDS));
            barrier.setAction(null);
            CompletableFuture<Integer> early = CompletableFuture.supplyAsync(() -> await(barrier), threads);
            Thread.sleep(100);
            assertEquals(2, barrier.numberWaiting(), "the full cycle is still finishing");
            finishAction.countDown();
            assertEquals(java.util.Set.of(0, 1), java.util.Set.of(first.get(10, TimeUnit.SECONDS),
                second.get(10, TimeUnit.SECONDS)));
            // The early arrival joins the next cycle once the full one has ended; only then is it
            // certain to be ahead of this thread (a loaded machine may not have run it yet).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (barrier.numberWaiting() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(1, barrier.await(10, TimeUnit.SECONDS), "the next cycle: the early arrival is index 0");
            assertEquals(0, early.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void anActionThatThrowsBreaksTheCycleAndReachesItsCaller() throws Exception {
        try (SharedBarrier barrier = SharedBarrier.create(namespace, "bar", 2, () -> {
            throw new IllegalStateException("action failed");
        })) {
            CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> await(barrier), threads);
            while (barrier.numberWaiting() < 1) {
                Thread.sleep(5);
            }
            IllegalStateException failed = assertThrows(IllegalStateException.class, barrier::await);
            assertEquals("action failed", failed.getMessage());
            assertEquals(-1, other.get(10, TimeUnit.SECONDS), "the other party sees a broken barrier");
            assertTrue(barrier.isBroken());
            assertThrows(BrokenBarrierException.class, barrier::await);
        }
    }

    private static int await(SharedBarrier barrier) {
        try {
            return barrier.await(20, TimeUnit.SECONDS);
        } catch (BrokenBarrierException broken) {
            return -1;
        } catch (Exception other) {
            throw new IllegalStateException(other);
        }
    }
}
