package io.mproc.examples;

import io.mproc.memory.RegionNamespace;
import io.mproc.process.JvmProcess;
import io.mproc.shared.SharedLong;
import io.mproc.sync.SharedCondition;
import io.mproc.sync.SharedLock;
import io.mproc.sync.SharedMutex;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * A {@link SharedCondition}: two consumer processes wait, with Python's {@code wait_for}, until
 * the producer (the parent) has put an item on the shelf, or has closed it.
 *
 * <pre>
 * Produced item 1
 * consumer-2 took item 1
 * Produced item 2
 * consumer-1 took item 2
 * ...
 * 6 items produced, 6 taken
 * </pre>
 */
public final class ProducerConsumer {
    private static final int ITEMS = 6;

    private ProducerConsumer() {
    }

    /**
     * What the processes share, as one argument: the condition (which brings its lock along)
     * and the counts it guards. Shared objects travel as handles, so a record of them does too.
     */
    record Shelf(SharedCondition changed, SharedLong produced, SharedLong taken, SharedLong closed)
        implements Serializable {
    }

    static void consume(Shelf shelf) throws InterruptedException {
        String me = JvmProcess.current().name();
        SharedMutex lock = shelf.changed().lock();
        while (true) {
            lock.lock();
            try {
                // Sleeps until signalled, re-checking the predicate each time it wakes.
                shelf.changed().waitFor(() -> shelf.taken().get() < shelf.produced().get()
                    || shelf.closed().get() == 1, null);
                if (shelf.taken().get() == shelf.produced().get()) {
                    return; // closed, and nothing left
                }
                long item = shelf.taken().incrementAndGet();
                System.out.println(me + " took item " + item);
            } finally {
                lock.unlock();
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        try (RegionNamespace namespace = RegionNamespace.open("condition-example-" + ProcessHandle.current().pid());
             SharedLock lock = SharedLock.create(namespace, "shelf")) {
            Shelf shelf = new Shelf(lock.newCondition(), SharedLong.create(namespace, "produced", 0),
                SharedLong.create(namespace, "taken", 0), SharedLong.create(namespace, "closed", 0));
            List<JvmProcess<Void>> consumers = List.of(
                JvmProcess.run(ProducerConsumer::consume, shelf).name("consumer-1").start(),
                JvmProcess.run(ProducerConsumer::consume, shelf).name("consumer-2").start());
            for (int i = 1; i <= ITEMS; i++) {
                Pause.sleep(Duration.ofMillis(300));
                lock.lock();
                try {
                    System.out.println("Produced item " + shelf.produced().incrementAndGet());
                    shelf.changed().signal(); // one item: wake one consumer
                } finally {
                    lock.unlock();
                }
            }
            lock.lock();
            try {
                shelf.closed().set(1);
                shelf.changed().signalAll(); // no more items: wake every consumer to go home
            } finally {
                lock.unlock();
            }
            for (JvmProcess<Void> consumer : consumers) {
                consumer.join();
                consumer.close();
            }
            System.out.println(shelf.produced().get() + " items produced, " + shelf.taken().get() + " taken");
        }
    }
}
