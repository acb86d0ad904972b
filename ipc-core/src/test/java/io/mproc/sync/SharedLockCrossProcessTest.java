package io.mproc.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mproc.shared.SharedLongArray;
import io.mproc.testing.CrossProcessTest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A lock shared by real processes: exclusion, timeouts, ownership, handles, and owners killed with SIGKILL. */
class SharedLockCrossProcessTest extends CrossProcessTest {

    @Test
    void aLockHeldInOneProcessIsNotTakenInAnotherUntilUnlocked() throws Exception {
        try (SharedLock lock = SharedLock.create(namespace, "lock");
             SyncDriver child = SyncDriver.start(namespace.name())) {
            child.expect("SharedLock", "a", "attach", "l", "lock", "lock");
            lock.lock();
            assertEquals("false", child.call("a", "trylock", "l").split(" ")[0], "tryLock on a held lock");
            String[] timed = child.call("a", "trylock", "l", "100").split(" ");
            assertEquals("false", timed[0]);
            assertTrue(Long.parseLong(timed[1]) >= 100, "tryLock(100 ms) gave up after " + timed[1] + " ms");
            child.send("a", "lock", "l");
            assertFalse(child.repliesWithin("a", Duration.ofMillis(200)), "lock() returned while the parent held it");
            lock.unlock();
            assertEquals("locked died=false", child.reply("a", SyncDriver.REPLY));
            assertTrue(lock.isLocked());
            assertFalse(lock.tryLock());
            child.expect("unlocked", "a", "unlock", "l");
            assertTrue(lock.tryLock(1, TimeUnit.SECONDS));
            lock.unlock();
            child.exit();
        }
    }

    @Test
    void threeProcessesIncrementingAHundredThousandTimesEachUnderTheLockLoseNoUpdate() throws Exception {
        int times = 100_000;
        try (SharedLock lock = SharedLock.create(namespace, "lock");
             SharedLongArray counter = SharedLongArray.create(namespace, "counter", 1, false);
             SyncDriver one = SyncDriver.start(namespace.name());
             SyncDriver two = SyncDriver.start(namespace.name());
             SyncDriver three = SyncDriver.start(namespace.name())) {
            SyncDriver[] children = {one, two, three};
            for (SyncDriver child : children) {
                child.expect("SharedLock", "a", "handle", "l", SyncDriver.serialize(lock));
                child.expect("SharedLongArray", "a", "handle", "n", SyncDriver.serialize(counter));
            }
            long start = System.nanoTime();
            for (SyncDriver child : children) {
                child.send("a", "incr-locked", "l", "n", Integer.toString(times));
            }
            for (SyncDriver child : children) {
                assertEquals("done", child.reply("a", Duration.ofSeconds(60)));
            }
            System.out.printf("3 processes x %d lock/get/set/unlock: %d ms%n", times,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            assertEquals(3L * times, counter.get(0), "a read-then-write under the lock lost updates");
            assertFalse(lock.isLocked());
            for (SyncDriver child : children) {
                child.exit();
            }
        }
    }

    @Test
    void onlyTheOwningThreadMayUnlock() throws Exception {
        try (SharedLock lock = SharedLock.create(namespace, "lock");
             SyncDriver child = SyncDriver.start(namespace.name())) {
            assertThrows(IllegalMonitorStateException.class, lock::unlock, "unlock of an unlocked lock");
            lock.lock();
            child.expect("SharedLock", "a", "attach", "l", "lock", "lock");
            assertTrue(child.call("a", "unlock", "l").startsWith("ERROR IllegalMonitorStateException"));
            Thread other = Thread.ofPlatform().start(() ->
                assertThrows(IllegalMonitorStateException.class, lock::unlock, "unlock by another thread"));
            other.join();
            assertThrows(IllegalStateException.class, lock::lock, "a non-reentrant lock locked again by its owner");
            assertFalse(lock.tryLock(), "tryLock by the owner of a non-reentrant lock");
            lock.unlock();
            child.exit();
        }
    }

    @Test
    void aLockTravelsAsASerialisedHandleAndAttachesInTheReceiver() throws Exception {
        try (SharedLock lock = SharedLock.create(namespace, "lock");
             SyncDriver child = SyncDriver.start(namespace.name())) {
            child.expect("SharedLock", "a", "handle", "l", SyncDriver.serialize(lock));
            child.expect("locked died=false", "a", "lock", "l");
            assertTrue(lock.isLocked());
            assertFalse(lock.tryLock());
            child.expect("unlocked", "a", "unlock", "l");
            assertTrue(lock.tryLock());
            lock.unlock();
            child.exit();
        }
    }

    /** Has a child process lock {@code lock} and kills it; returns its pid. */
    private int lockedByAKilledProcess(SharedLock lock) throws Exception {
        try (SyncDriver victim = SyncDriver.start(namespace.name())) {
            victim.expect("SharedLock", "a", "handle", "l", SyncDriver.serialize(lock));
            victim.expect("locked died=false", "a", "lock", "l");
            victim.kill();
            return victim.pid();
        }
    }

    @Test
    void theNextAcquirerTakesOverTheLockOfAKilledOwnerAndIsTold() throws Exception {
        try (SharedLock lock = SharedLock.create(namespace, "lock")) {
            int victimPid = lockedByAKilledProcess(lock);
            assertTrue(lock.isLocked(), "the dead owner's lock is still locked");
            assertTrue(lock.tryLock(5, TimeUnit.SECONDS), "the dead owner's lock was not taken over");
            assertTrue(lock.previousOwnerDied());
            assertEquals(victimPid, lock.deadPreviousOwnerPid());
            assertEquals(1, lock.ownerDeaths());
            lock.unlock();
            lock.lock();
            assertFalse(lock.previousOwnerDied(), "the flag lasts for one hold only");
            lock.unlock();
        }
    }

    @ParameterizedTest(name = "tryLock({0} ms)")
    @ValueSource(longs = {0, 20})
    void aTimedTryLockShorterThanALivenessSliceStillTakesOverTheLockOfAKilledOwner(long millis) throws Exception {
        try (SharedLock lock = SharedLock.create(namespace, "lock")) {
            lockedByAKilledProcess(lock);
            // A wait checks the owner only after a slice (100 ms) or when its time is up.
            assertTrue(lock.tryLock(millis, TimeUnit.MILLISECONDS), "the dead owner's lock was not taken over");
            assertTrue(lock.previousOwnerDied());
            lock.unlock();
        }
    }

    @ParameterizedTest(name = "waiter {0}")
    @ValueSource(strings = {"blocks", "spins"})
    void aWaiterBlockedOnTheLockOfAnOwnerThatIsKilledGetsIt(String waiting) throws Exception {
        try (SharedLock lock = SharedLock.create(namespace, "lock");
             SyncDriver victim = SyncDriver.start(namespace.name());
             SyncDriver waiter = SyncDriver.start(namespace.name())) {
            victim.expect("SharedLock", "a", "handle", "l", SyncDriver.serialize(lock));
            waiter.expect("SharedLock", "a", "handle", "l", SyncDriver.serialize(lock));
            if (waiting.equals("spins")) {
                waiter.expect("spinning", "a", "spin", "l");
            }
            victim.expect("locked died=false", "a", "lock", "l");
            waiter.send("a", "lock", "l");
            assertFalse(waiter.repliesWithin("a", Duration.ofMillis(300)));
            victim.kill();
            assertEquals("locked died=true", waiter.reply("a", Duration.ofSeconds(5)));
            assertFalse(lock.tryLock(), "the waiter holds it now");
            waiter.expect("unlocked", "a", "unlock", "l");
            assertTrue(lock.tryLock());
            lock.unlock();
            waiter.exit();
        }
    }
}
