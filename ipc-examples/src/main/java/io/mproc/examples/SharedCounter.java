package io.mproc.examples;

import io.mproc.memory.RegionNamespace;
import io.mproc.process.JvmProcess;
import io.mproc.shared.SharedLong;
import io.mproc.sync.SharedLock;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link SharedLock} makes a read-modify-write of a shared counter exact: four processes each
 * add one 10,000 times, and the total is exactly 40,000. Without the lock, two processes could
 * read the same value and one addition would be lost (a {@link SharedLong} has an atomic
 * {@code incrementAndGet()} too; the lock is for updates that span more than one operation).
 *
 * <pre>
 * Counter: 40000 (expected 40000)
 * </pre>
 */
public final class SharedCounter {
    private static final int PROCESSES = 4;
    private static final int INCREMENTS = 10_000;

    private SharedCounter() {
    }

    static void addOnes(SharedLock lock, SharedLong counter) {
        for (int i = 0; i < INCREMENTS; i++) {
            lock.lock();
            try {
                counter.set(counter.get() + 1); // two operations: only the lock makes them one
            } finally {
                lock.unlock();
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        try (RegionNamespace namespace = RegionNamespace.open("lock-example-" + ProcessHandle.current().pid());
             SharedLock lock = SharedLock.create(namespace, "counter-lock");
             SharedLong counter = SharedLong.create(namespace, "counter", 0)) {
            List<JvmProcess<Void>> processes = new ArrayList<>();
            for (int i = 0; i < PROCESSES; i++) {
                processes.add(JvmProcess.run(SharedCounter::addOnes, lock, counter).start());
            }
            for (JvmProcess<Void> process : processes) {
                process.join();
                process.close();
            }
            System.out.println("Counter: " + counter.get() + " (expected " + PROCESSES * INCREMENTS + ")");
        }
    }
}
