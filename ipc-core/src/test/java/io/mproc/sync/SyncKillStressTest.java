package io.mproc.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mproc.testing.CrossProcessTest;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SIGKILL at arbitrary instructions: children hammer a lock or a semaphore from several threads
 * and are killed at a random moment, wherever they are (between a claim and its token, inside
 * the semaphore's two-word step, ...). The survivors must find the object whole.
 */
class SyncKillStressTest extends CrossProcessTest {
    private static final int ROUNDS = 4;

    @Test
    void aLockHammeredByAProcessKilledAtRandomIsNeverLeftStuck() throws Exception {
        try (SharedLock lock = SharedLock.create(namespace, "lock")) {
            for (int round = 1; round <= ROUNDS; round++) {
                try (SyncDriver victim = SyncDriver.start(namespace.name())) {
                    victim.expect("SharedLock", "a", "handle", "l", SyncDriver.serialize(lock));
                    victim.expect("churning", "a", "lock-churn", "l", "2");
                    Thread.sleep(ThreadLocalRandom.current().nextInt(20, 200));
                    victim.kill();
                }
                assertTrue(lock.tryLock(5, TimeUnit.SECONDS), "round " + round + ": the lock stayed stuck");
                lock.unlock();
            }
            System.out.println("owner deaths recovered over " + ROUNDS + " kills: " + lock.ownerDeaths());
        }
    }

    @Test
    void permitsChurnedByAProcessKilledAtRandomAreNeitherLostNorDoubled() throws Exception {
        int permits = 3;
        try (SharedSemaphore semaphore = SharedSemaphore.create(namespace, "sem", permits)) {
            for (int round = 1; round <= ROUNDS; round++) {
                try (SyncDriver victim = SyncDriver.start(namespace.name())) {
                    victim.expect("SharedSemaphore", "a", "handle", "s", SyncDriver.serialize(semaphore));
                    victim.expect("churning", "a", "sem-churn", "s", "3");
                    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(
                        ThreadLocalRandom.current().nextInt(20, 200));
                    while (System.nanoTime() < until) {
                        if (semaphore.tryAcquire(1, 10, TimeUnit.MILLISECONDS)) {
                            semaphore.release();
                        }
                    }
                    victim.kill();
                }
                assertTrue(semaphore.tryAcquire(permits, 5, TimeUnit.SECONDS),
                    "round " + round + ": the killed process's permits did not all come back");
                assertFalse(semaphore.tryAcquire(), "round " + round + ": a permit was doubled");
                semaphore.release(permits);
                assertEquals(permits, semaphore.availablePermits());
            }
            System.out.println("permits recovered over " + ROUNDS + " kills: " + semaphore.recoveredPermits());
        }
    }
}
