package io.mproc.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mproc.shared.SharedLong;
import io.mproc.testing.CrossProcessTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Conditions shared by real processes: exact signal counts, timeouts, waitFor, dead waiters, lost wake-ups. */
class SharedConditionCrossProcessTest extends CrossProcessTest {
    private static final String[] WORKERS = {"a", "b", "c"};

    /** A waiter: a worker thread of a child. */
    private record Waiter(SyncDriver child, String worker) {
    }

    @Test
    void signalWakesOneThenSignalTwoWakesTwoThenSignalAllWakesTheRestOfSix() throws Exception {
        try (SharedLock lock = SharedLock.create(namespace, "lock");
             SharedCondition condition = lock.newCondition();
             SyncDriver one = SyncDriver.start(namespace.name());
             SyncDriver two = SyncDriver.start(namespace.name())) {
            List<Waiter> waiters = new ArrayList<>();
            for (SyncDriver child : new SyncDriver[] {one, two}) {
                for (String worker : WORKERS) {
                    child.expect("SharedCondition", worker, "handle", "c", SyncDriver.serialize(condition));
                    waiters.add(new Waiter(child, worker));
                }
            }
            for (int round = 1; round <= 2; round++) {
                waiters.forEach(w -> w.child().send(w.worker(), "await", "c", "20000"));
                awaitWaiting(condition, 6);
                List<Waiter> asleep = new ArrayList<>(waiters);
                if (round == 1) {
                    assertEquals(1, signal(lock, condition, 1));
                    assertEquals(1, woken(asleep, 1), "signal() woke exactly one of 6");
                    assertEquals(2, signal(lock, condition, 2));
                    assertEquals(2, woken(asleep, 2), "signal(2) woke exactly two more");
                    assertEquals(3, condition.waiting());
                }
                int left = asleep.size();
                assertEquals(left, signal(lock, condition, Integer.MAX_VALUE));
                assertEquals(left, woken(asleep, left), "signalAll woke everyone left (round " + round + ")");
                assertEquals(0, condition.waiting());
            }
            one.exit();
            two.exit();
        }
    }

    @Test
    void waitingOrSignallingWithoutTheLockIsRefusedAndTimedWaitsTimeOut() throws Exception {
        try (SharedRLock lock = SharedRLock.create(namespace, "lock");
             SharedCondition condition = SharedCondition.create(namespace, "cond", lock)) {
            assertThrows(IllegalMonitorStateException.class, condition::await);
            assertThrows(IllegalMonitorStateException.class, condition::signal);
            assertThrows(IllegalMonitorStateException.class, () -> condition.waitFor(() -> true, null));
            lock.lock();
            lock.lock();
            long start = System.nanoTime();
            assertFalse(condition.await(100, TimeUnit.MILLISECONDS));
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(100));
            assertTrue(condition.awaitNanos(TimeUnit.MILLISECONDS.toNanos(20)) <= 0);
            assertEquals(2, lock.getHoldCount(), "a wait gives back every hold it took");
            assertFalse(condition.waitFor(() -> false, Duration.ofMillis(50)));
            lock.unlock();
            lock.unlock();
        }
    }

    @Test
    void waitForReturnsOnceAnotherProcessMakesThePredicateTrue() throws Exception {
        try (SharedLock lock = SharedLock.create(namespace, "lock");
             SharedCondition condition = SharedCondition.create(namespace, "cond", lock);
             SharedLong value = SharedLong.create(namespace, "value", 0);
             SyncDriver child = SyncDriver.start(namespace.name())) {
            child.expect("SharedCondition", "a", "attach", "c", "condition", "cond");
            child.expect("SharedLong", "a", "handle", "v", SyncDriver.serialize(value));
            child.expect("false", "a", "waitfor", "c", "v", "1", "50");
            child.send("a", "waitfor", "c", "v", "2", "20000");
            awaitWaiting(condition, 1);
            for (int i = 1; i <= 2; i++) {
                lock.lock();
                try {
                    value.set(i);
                    condition.signalAll();
                } finally {
                    lock.unlock();
                }
            }
            assertEquals("true", child.reply("a", SyncDriver.REPLY));
            child.exit();
        }
    }

    @Test
    void aWaiterKilledWhileWaitingDoesNotSwallowTheSignal() throws Exception {
        try (SharedLock lock = SharedLock.create(namespace, "lock");
             SharedCondition condition = lock.newCondition();
             SyncDriver victim = SyncDriver.start(namespace.name());
             SyncDriver survivor = SyncDriver.start(namespace.name())) {
            victim.expect("SharedCondition", "a", "handle", "c", SyncDriver.serialize(condition));
            survivor.expect("SharedCondition", "a", "handle", "c", SyncDriver.serialize(condition));
            victim.send("a", "await", "c", "20000");
            awaitWaiting(condition, 1);
            survivor.send("a", "await", "c", "20000");
            awaitWaiting(condition, 2);
            victim.kill();
            assertEquals(1, signal(lock, condition, 1), "the signal goes to the oldest waiter, the dead one");
            assertEquals("true", survivor.reply("a", Duration.ofSeconds(5)), "the dead waiter's signal was passed on");
            assertEquals(0, condition.waiting());
            survivor.exit();
        }
    }

    @Test
    void aConditionMadeInAChildFromAReceivedLockWorksAcrossAndGoesAwayWithTheChild() throws Exception {
        try (SharedLock lock = SharedLock.create(namespace, "lock");
             SyncDriver child = SyncDriver.start(namespace.name())) {
            child.expect("SharedLock", "a", "handle", "l", SyncDriver.serialize(lock));
            String name = child.call("a", "newcond", "l", "c");
            assertEquals("lock.cond0", name);
            try (SharedCondition condition = SharedCondition.attach(namespace, name)) {
                child.send("a", "await", "c", "20000");
                awaitWaiting(condition, 1);
                assertEquals(1, signal(condition.lock(), condition, 1));
                assertEquals("true", child.reply("a", SyncDriver.REPLY));
            }
            child.exit();
            assertFalse(java.nio.file.Files.exists(namespace.pathOf(name)), "the child's exit unlinked its condition");
        }
    }

    @Test
    void threeProcessesPassingACounterRoundNeverLoseAWakeUp() throws Exception {
        int rounds = 1500;
        try (SharedLock lock = SharedLock.create(namespace, "lock");
             SharedCondition condition = lock.newCondition();
             SharedLong counter = SharedLong.create(namespace, "counter", 0);
             SyncDriver one = SyncDriver.start(namespace.name());
             SyncDriver two = SyncDriver.start(namespace.name())) {
            for (SyncDriver child : new SyncDriver[] {one, two}) {
                child.expect("SharedCondition", "a", "handle", "c", SyncDriver.serialize(condition));
                child.expect("SharedLong", "a", "handle", "v", SyncDriver.serialize(counter));
            }
            one.send("a", "ring", "c", "v", "3", "1", Integer.toString(rounds));
            two.send("a", "ring", "c", "v", "3", "2", Integer.toString(rounds));
            assertEquals("done", SyncCommands.ring(condition, counter, 3, 0, rounds));
            assertEquals("done", one.reply("a", Duration.ofSeconds(60)));
            assertEquals("done", two.reply("a", Duration.ofSeconds(60)));
            assertEquals(3L * rounds, counter.get());
            one.exit();
            two.exit();
        }
    }

    private static int signal(SharedMutex lock, SharedCondition condition, int n) {
        lock.lock();
        try {
            return condition.signal(n);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Collects the replies of waiters that wake: waits (up to 10 s) until {@code expected} have
     * woken, then 300 ms more for any extra. Removes them from {@code asleep}; returns how many.
     */
    private static int woken(List<Waiter> asleep, int expected) throws InterruptedException {
        int woken = 0;
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long settle = Long.MAX_VALUE;
        while (System.nanoTime() < Math.min(giveUp, settle)) {
            for (Waiter waiter : List.copyOf(asleep)) {
                if (waiter.child().repliesWithin(waiter.worker(), Duration.ofMillis(10))) {
                    assertEquals("true", waiter.child().reply(waiter.worker(), SyncDriver.REPLY));
                    asleep.remove(waiter);
                    woken++;
                }
            }
            if (woken >= expected && settle == Long.MAX_VALUE) {
                settle = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            }
        }
        return woken;
    }

    private static void awaitWaiting(SharedCondition condition, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (condition.waiting() < count) {
            assertTrue(System.nanoTime() < deadline, "fewer than " + count + " threads waiting");
            Thread.sleep(5);
        }
    }
}
