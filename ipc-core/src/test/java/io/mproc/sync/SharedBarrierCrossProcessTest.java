package io.mproc.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mproc.shared.SharedLong;
import io.mproc.testing.CrossProcessTest;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Barriers shared by real processes: indices, the action, breaking (abort, reset, timeout, a killed party). */
class SharedBarrierCrossProcessTest extends CrossProcessTest {

    private static void join(SyncDriver child, SharedBarrier barrier, SharedLong actions) throws InterruptedException {
        child.expect("SharedBarrier", "a", "handle", "b", SyncDriver.serialize(barrier));
        child.expect("SharedBarrier", "b", "handle", "b", SyncDriver.serialize(barrier));
        child.expect("SharedLong", "a", "handle", "n", SyncDriver.serialize(actions));
        child.expect("action", "a", "action", "b", "n");
    }

    @Test
    void indicesAreUniqueAndTheActionRunsOncePerCycle() throws Exception {
        try (SharedLong actions = SharedLong.create(namespace, "actions", 0);
             SharedBarrier barrier = SharedBarrier.create(namespace, "bar", 5, actions::incrementAndGet);
             SyncDriver one = SyncDriver.start(namespace.name());
             SyncDriver two = SyncDriver.start(namespace.name())) {
            join(one, barrier, actions);
            join(two, barrier, actions);
            for (int cycle = 1; cycle <= 3; cycle++) {
                for (SyncDriver child : new SyncDriver[] {one, two}) {
                    child.send("a", "barrier", "b");
                    child.send("b", "barrier", "b");
                }
                Set<Integer> indices = new HashSet<>();
                indices.add(barrier.await(10, TimeUnit.SECONDS));
                for (SyncDriver child : new SyncDriver[] {one, two}) {
                    for (String worker : new String[] {"a", "b"}) {
                        String reply = child.reply(worker, SyncDriver.REPLY);
                        assertTrue(reply.startsWith("index "), reply);
                        indices.add(Integer.parseInt(reply.substring(6)));
                    }
                }
                assertEquals(Set.of(0, 1, 2, 3, 4), indices, "cycle " + cycle);
                assertEquals(cycle, actions.get(), "the action runs exactly once per cycle");
                assertEquals(0, barrier.numberWaiting());
            }
            one.exit();
            two.exit();
        }
    }

    @Test
    void abortBreaksItForEveryWaiterUntilReset() throws Exception {
        try (SharedLong actions = SharedLong.create(namespace, "actions", 0);
             SharedBarrier barrier = SharedBarrier.create(namespace, "bar", 3);
             SyncDriver child = SyncDriver.start(namespace.name())) {
            join(child, barrier, actions);
            child.send("a", "barrier", "b");
            child.send("b", "barrier", "b");
            awaitWaiting(barrier, 2);
            barrier.abort();
            assertEquals("broken", child.reply("a", SyncDriver.REPLY));
            assertEquals("broken", child.reply("b", SyncDriver.REPLY));
            assertTrue(barrier.isBroken());
            assertThrows(BrokenBarrierException.class, barrier::await, "arrivals at a broken barrier");
            barrier.reset();
            assertFalse(barrier.isBroken());
            completeACycleWith(child, barrier);
            child.exit();
        }
    }

    @Test
    void resetWhileThreadsWaitBreaksTheirCycleAndATimeoutBreaksItForTheOthers() throws Exception {
        try (SharedLong actions = SharedLong.create(namespace, "actions", 0);
             SharedBarrier barrier = SharedBarrier.create(namespace, "bar", 3);
             SyncDriver child = SyncDriver.start(namespace.name())) {
            join(child, barrier, actions);
            child.send("a", "barrier", "b");
            awaitWaiting(barrier, 1);
            barrier.reset();
            assertEquals("broken", child.reply("a", SyncDriver.REPLY));
            assertFalse(barrier.isBroken(), "reset leaves a whole barrier");

            child.send("a", "barrier", "b");
            awaitWaiting(barrier, 1);
            long start = System.nanoTime();
            assertThrows(TimeoutException.class, () -> barrier.await(100, TimeUnit.MILLISECONDS));
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(100));
            assertEquals("broken", child.reply("a", SyncDriver.REPLY), "the other waiter of a timed-out cycle");
            assertTrue(barrier.isBroken());
            barrier.reset();
            child.exit();
        }
    }

    @Test
    void aPartyKilledWhileWaitingBreaksTheBarrierInsteadOfHangingTheOthers() throws Exception {
        try (SharedLong actions = SharedLong.create(namespace, "actions", 0);
             SharedBarrier barrier = SharedBarrier.create(namespace, "bar", 3);
             SyncDriver victim = SyncDriver.start(namespace.name());
             SyncDriver survivor = SyncDriver.start(namespace.name())) {
            join(victim, barrier, actions);
            join(survivor, barrier, actions);
            victim.send("a", "barrier", "b");
            awaitWaiting(barrier, 1);
            survivor.send("a", "barrier", "b");
            awaitWaiting(barrier, 2);
            victim.kill();
            assertEquals("broken", survivor.reply("a", Duration.ofSeconds(5)));
            assertThrows(BrokenBarrierException.class, barrier::await);
            barrier.reset();
            completeACycleWith(survivor, barrier);
            survivor.exit();
        }
    }

    /** The parent and two threads of {@code child} complete a cycle of a 3-party barrier. */
    private static void completeACycleWith(SyncDriver child, SharedBarrier barrier) throws Exception {
        child.send("a", "barrier", "b");
        child.send("b", "barrier", "b");
        assertTrue(barrier.await(10, TimeUnit.SECONDS) >= 0, "a whole barrier completes a cycle");
        assertTrue(child.reply("a", SyncDriver.REPLY).startsWith("index "));
        assertTrue(child.reply("b", SyncDriver.REPLY).startsWith("index "));
    }

    private static void awaitWaiting(SharedBarrier barrier, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (barrier.numberWaiting() < count) {
            assertTrue(System.nanoTime() < deadline, "fewer than " + count + " parties arrived");
            Thread.sleep(5);
        }
    }
}
