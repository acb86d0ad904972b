package io.mproc.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mproc.testing.CrossProcessTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Reentrant locks shared by real processes: hold counts, ownership, and owners killed at depth. */
class SharedRLockCrossProcessTest extends CrossProcessTest {

    @Test
    void threeLocksNeedThreeUnlocksBeforeAnotherProcessGetsIt() throws Exception {
        try (SharedRLock lock = SharedRLock.create(namespace, "rlock");
             SyncDriver child = SyncDriver.start(namespace.name())) {
            child.expect("SharedRLock", "a", "handle", "l", SyncDriver.serialize(lock));
            for (int i = 1; i <= 3; i++) {
                lock.lock();
                assertEquals(i, lock.getHoldCount());
            }
            child.expect("0", "a", "holds", "l");
            for (int i = 2; i >= 0; i--) {
                assertEquals("false", child.call("a", "trylock", "l").split(" ")[0], "held " + (i + 1) + " times");
                lock.unlock();
                assertEquals(i, lock.getHoldCount());
            }
            assertThrows(IllegalMonitorStateException.class, lock::unlock, "unlock of an unlocked rlock");
            child.expect("locked died=false", "a", "lock", "l");
            child.expect("locked died=false", "a", "lock", "l");
            child.expect("2", "a", "holds", "l");
            assertThrows(IllegalMonitorStateException.class, lock::unlock, "unlock by a non-owner");
            assertFalse(lock.tryLock(50, TimeUnit.MILLISECONDS));
            child.expect("unlocked", "a", "unlock", "l");
            child.expect("unlocked", "a", "unlock", "l");
            assertTrue(child.call("a", "unlock", "l").startsWith("ERROR IllegalMonitorStateException"));
            assertTrue(lock.tryLock());
            lock.unlock();
            child.exit();
        }
    }

    @Test
    void anRLockHeldThreeDeepByAKilledProcessPassesToTheNextAcquirerWithOneHold() throws Exception {
        try (SharedRLock lock = SharedRLock.create(namespace, "rlock")) {
            try (SyncDriver victim = SyncDriver.start(namespace.name())) {
                victim.expect("SharedRLock", "a", "attach", "l", "rlock", "rlock");
                for (int i = 0; i < 3; i++) {
                    victim.expect("locked died=false", "a", "lock", "l");
                }
                victim.kill();
            }
            lock.lock();
            assertTrue(lock.previousOwnerDied());
            assertEquals(1, lock.getHoldCount());
            lock.lock();
            assertTrue(lock.previousOwnerDied(), "true for the whole hold");
            lock.unlock();
            lock.unlock();
            assertFalse(lock.isLocked());
        }
    }

    @Test
    void aLockAndAnRLockAreNotMistakenForEachOther() {
        try (SharedRLock rlock = SharedRLock.create(namespace, "r");
             SharedLock lock = SharedLock.create(namespace, "l")) {
            assertEquals("lock r is reentrant (attach it with SharedRLock)",
                assertThrows(IllegalArgumentException.class, () -> SharedLock.attach(namespace, rlock.name())).getMessage());
            assertEquals("lock l is not reentrant (attach it with SharedLock)",
                assertThrows(IllegalArgumentException.class, () -> SharedRLock.attach(namespace, lock.name())).getMessage());
        }
    }
}
