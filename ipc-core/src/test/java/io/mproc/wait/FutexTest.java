package io.mproc.wait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mproc.memory.OrderedAccess;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class FutexTest {
    private Arena arena;
    private MemorySegment words;

    @BeforeEach
    void allocate() {
        assumeTrue(Futex.isAvailable(), () -> "futex unavailable: " + Futex.unavailableReason().orElse("?"));
        arena = Arena.ofShared();
        words = arena.allocate(16, 8);
    }

    @AfterEach
    void free() {
        if (arena != null) {
            arena.close();
        }
    }

    @Test
    void isAvailableOnLinux() {
        assertTrue(Futex.isAvailable());
        assertTrue(Futex.unavailableReason().isEmpty());
    }

    @Test
    void waitReturnsValueChangedAtOnceWhenTheWordDiffers() {
        OrderedAccess.setIntVolatile(words, 0, 7);
        long start = System.nanoTime();
        assertEquals(Futex.Outcome.VALUE_CHANGED, Futex.await(words, 0, 6, TimeUnit.SECONDS.toNanos(10)));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "returned at once");
    }

    @Test
    void waitTimesOutAfterTheTimeout() {
        long timeout = TimeUnit.MILLISECONDS.toNanos(50);
        long start = System.nanoTime();
        assertEquals(Futex.Outcome.TIMED_OUT, Futex.await(words, 0, 0, timeout));
        long elapsed = System.nanoTime() - start;
        assertTrue(elapsed >= timeout, "slept " + elapsed + "ns, at least the timeout");
        assertTrue(elapsed < TimeUnit.SECONDS.toNanos(5), "slept " + elapsed + "ns, not much longer");
    }

    @Test
    void waitWithZeroTimeoutReturnsAtOnce() {
        assertEquals(Futex.Outcome.TIMED_OUT, Futex.await(words, 4, 0, 0));
    }

    @Test
    void wakeReturnsZeroWithNoSleepers() {
        assertEquals(0, Futex.wake(words, 0, Integer.MAX_VALUE));
        assertEquals(0, Futex.wake(words, 8, 1));
    }

    @Test
    void wakeReleasesASleepingThread() throws Exception {
        CompletableFuture<Futex.Outcome> outcome = CompletableFuture.supplyAsync(
            () -> Futex.await(words, 0, 0, TimeUnit.SECONDS.toNanos(20)), Thread::startVirtualThread);
        // Wake until the sleeper was really asleep (wake counts it), so the test cannot race it.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int woken = 0;
        while (woken == 0 && System.nanoTime() < deadline && !outcome.isDone()) {
            woken = Futex.wake(words, 0, 1);
            Thread.sleep(1);
        }
        assertEquals(1, woken, "the sleeper was woken by wake");
        assertEquals(Futex.Outcome.WOKEN, outcome.get(10, TimeUnit.SECONDS));
    }

    @Test
    void wakeOneReleasesOnlyOneOfTwoSleepers() throws Exception {
        Thread first = Thread.ofPlatform().start(() -> Futex.await(words, 0, 0, TimeUnit.SECONDS.toNanos(20)));
        Thread second = Thread.ofPlatform().start(() -> Futex.await(words, 0, 0, TimeUnit.SECONDS.toNanos(20)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int woken = 0;
        while (woken < 2 && System.nanoTime() < deadline) {
            woken += Futex.wake(words, 0, 1);
            Thread.sleep(1);
        }
        first.join(Duration.ofSeconds(10));
        second.join(Duration.ofSeconds(10));
        assertEquals(2, woken, "each wake(1) released one sleeper");
    }

    @Test
    void misalignedOffsetIsRejected() {
        var thrown = assertThrows(IllegalArgumentException.class, () -> Futex.await(words, 2, 0, 0));
        assertTrue(thrown.getMessage().contains("aligned"), thrown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Futex.wake(words, 1, 1));
    }

    @Test
    void offsetOutsideTheSegmentIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Futex.await(words, 16, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Futex.await(words, 13, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Futex.wake(words, -4, 1));
    }

    @Test
    void heapMemoryAndNegativeCountsAreRejected() {
        MemorySegment heap = MemorySegment.ofArray(new int[4]);
        assertThrows(IllegalArgumentException.class, () -> Futex.wake(heap, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Futex.wake(words, 0, -1));
    }

    @Test
    void closedSegmentIsRejected() {
        Arena closed = Arena.ofConfined();
        MemorySegment gone = closed.allocate(8, 8);
        closed.close();
        assertThrows(IllegalStateException.class, () -> Futex.wake(gone, 0, 1));
    }
}
