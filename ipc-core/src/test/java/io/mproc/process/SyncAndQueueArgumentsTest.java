package io.mproc.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mproc.queue.SharedQueue;
import io.mproc.shared.SharedLong;
import io.mproc.sync.SharedEvent;
import io.mproc.sync.SharedLock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Python passes a Queue, a Lock or a Value to a Process as an argument; so does mproc: each
 * travels as a handle and is attached to the same shared memory in the child.
 */
class SyncAndQueueArgumentsTest extends ProcessTestBase {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    @RegisterExtension
    static final StandbyPool STANDBYS = StandbyPool.of(2);

    @Test
    void aQueueAndAnEventPassedToAChildAreTheParentsOwn() throws Exception {
        // The test's namespace unlinks the queue at the end; a queue's close() is for every process.
        SharedQueue<String> queue = SharedQueue.create(namespace, "results", 6);
        try (SharedEvent go = SharedEvent.create(namespace, "go")) {
            try (JvmProcess<Void> child = JvmProcess.run((SharedQueue<String> q, SharedEvent event) -> {
                try {
                    if (event.await(Duration.ofSeconds(30))) {
                        q.put("Processing finished!");
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }, queue, go).standby(STANDBYS.pool()).start()) {
                go.set();
                assertEquals("Processing finished!", queue.poll(30, TimeUnit.SECONDS));
                assertTrue(child.join(TIMEOUT));
                assertEquals(java.util.OptionalInt.of(0), child.exitCode());
            }
        }
    }

    @Test
    void aLockAndASharedLongPassedToAChildGuardTheSameCounter() throws Exception {
        try (SharedLock lock = SharedLock.create(namespace, "counter-lock");
             SharedLong counter = SharedLong.create(namespace, "counter", 0)) {
            try (JvmProcess<Void> child = JvmProcess.run((SharedLock l, SharedLong c) -> {
                for (int i = 0; i < 10_000; i++) {
                    l.lock();
                    try {
                        c.set(c.get() + 1);
                    } finally {
                        l.unlock();
                    }
                }
            }, lock, counter).standby(STANDBYS.pool()).start()) {
                for (int i = 0; i < 10_000; i++) {
                    lock.lock();
                    try {
                        counter.set(counter.get() + 1);
                    } finally {
                        lock.unlock();
                    }
                }
                assertTrue(child.join(TIMEOUT));
                assertEquals(java.util.OptionalInt.of(0), child.exitCode());
            }
            assertEquals(20_000, counter.get(), "read-then-write under the shared lock loses nothing");
        }
    }
}
