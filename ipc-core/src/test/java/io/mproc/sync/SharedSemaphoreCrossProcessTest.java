package io.mproc.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mproc.testing.CrossProcessTest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Semaphores shared by real processes: Python's assertions, bounds, and permits of killed processes. */
class SharedSemaphoreCrossProcessTest extends CrossProcessTest {

    @Test
    void permitsGoTwoOneZeroAcrossProcessesAndAnEmptySemaphoreRefuses() throws Exception {
        try (SharedSemaphore semaphore = SharedSemaphore.create(namespace, "sem", 2);
             SyncDriver child = SyncDriver.start(namespace.name())) {
            child.expect("SharedSemaphore", "a", "handle", "s", SyncDriver.serialize(semaphore));
            assertEquals(2, semaphore.availablePermits());
            child.expect("true", "a", "acquire", "s", "1");
            assertEquals(1, semaphore.availablePermits());
            assertTrue(semaphore.tryAcquire());
            assertEquals(0, semaphore.availablePermits());
            child.expect("0", "a", "get", "s");
            child.expect("false", "a", "acquire", "s", "1");
            String[] timed = child.call("a", "acquire", "s", "1", "100").split(" ");
            assertEquals("false", timed[0]);
            assertTrue(Long.parseLong(timed[1]) >= 100, "tryAcquire(100 ms) gave up after " + timed[1] + " ms");
            long start = System.nanoTime();
            assertFalse(semaphore.tryAcquire(100, TimeUnit.MILLISECONDS));
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(100));

            child.send("a", "acquire", "s", "1", "10000");
            assertFalse(child.repliesWithin("a", Duration.ofMillis(200)), "acquired from an empty semaphore");
            semaphore.release();
            assertTrue(child.reply("a", SyncDriver.REPLY).startsWith("true"), "the release woke the other process");
            child.expect("released", "a", "release", "s", "2");
            assertEquals(2, semaphore.availablePermits());
            child.exit();
        }
    }

    @Test
    void aBoundedSemaphoreRefusesAReleaseAboveItsInitialPermits() throws Exception {
        try (SharedSemaphore semaphore = SharedSemaphore.createBounded(namespace, "sem", 1);
             SyncDriver child = SyncDriver.start(namespace.name())) {
            assertTrue(semaphore.isBounded());
            IllegalStateException tooMany = assertThrows(IllegalStateException.class, semaphore::release);
            assertTrue(tooMany.getMessage().contains("semaphore sem released too many times"), tooMany.getMessage());
            assertEquals(1, semaphore.availablePermits(), "a refused release changes nothing");
            child.expect("SharedSemaphore", "a", "attach", "s", "semaphore", "sem");
            child.expect("true", "a", "acquire", "s", "1");
            semaphore.release();
            assertTrue(child.call("a", "release", "s", "1").startsWith("ERROR IllegalStateException"));
            assertEquals(1, semaphore.availablePermits());
            child.exit();
        }
    }

    @Test
    void permitsHeldByAKilledProcessComeBack() throws Exception {
        try (SharedSemaphore semaphore = SharedSemaphore.createBounded(namespace, "sem", 3)) {
            try (SyncDriver victim = SyncDriver.start(namespace.name())) {
                victim.expect("SharedSemaphore", "a", "handle", "s", SyncDriver.serialize(semaphore));
                victim.expect("true", "a", "acquire", "s", "2");
                assertTrue(semaphore.tryAcquire());
                assertEquals(0, semaphore.availablePermits());
                victim.kill();
            }
            assertTrue(semaphore.tryAcquire(2, 5, TimeUnit.SECONDS), "the dead process's 2 permits came back");
            assertEquals(2, semaphore.recoveredPermits());
            assertEquals(3, semaphore.heldByThisProcess());
            semaphore.release(3);
            assertEquals(3, semaphore.availablePermits());
            assertEquals(0, semaphore.heldByThisProcess());
        }
    }

    @Test
    void aWaiterOnAnEmptySemaphoreGetsThePermitsOfAProcessKilledMeanwhile() throws Exception {
        try (SharedSemaphore semaphore = SharedSemaphore.create(namespace, "sem", 1);
             SyncDriver victim = SyncDriver.start(namespace.name());
             SyncDriver waiter = SyncDriver.start(namespace.name())) {
            victim.expect("SharedSemaphore", "a", "handle", "s", SyncDriver.serialize(semaphore));
            waiter.expect("SharedSemaphore", "a", "handle", "s", SyncDriver.serialize(semaphore));
            victim.expect("true", "a", "acquire", "s", "1");
            waiter.send("a", "acquire", "s", "1", "10000");
            assertFalse(waiter.repliesWithin("a", Duration.ofMillis(300)));
            victim.kill();
            assertTrue(waiter.reply("a", Duration.ofSeconds(5)).startsWith("true"));
            assertEquals(0, semaphore.availablePermits());
            waiter.exit();
        }
    }
}
