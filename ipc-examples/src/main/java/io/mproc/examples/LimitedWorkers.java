package io.mproc.examples;

import io.mproc.memory.RegionNamespace;
import io.mproc.process.JvmProcess;
import io.mproc.shared.SharedInt;
import io.mproc.sync.SharedSemaphore;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link SharedSemaphore} limits how many of five worker processes work at once: two, as
 * with a pool of two licences or connections. Python's {@code Semaphore(2)}.
 *
 * <pre>
 * worker-1 is working (1 at once)
 * worker-4 is working (2 at once)
 * worker-1 is done
 * worker-2 is working (2 at once)
 * ...
 * At most 2 workers worked at once; the semaphore allows 2.
 * </pre>
 */
public final class LimitedWorkers {
    private static final int PERMITS = 2;

    private LimitedWorkers() {
    }

    /** The semaphore and two counters that show it working. */
    record Gate(SharedSemaphore permits, SharedInt working, SharedInt mostAtOnce) implements Serializable {
    }

    static void work(Gate gate) throws InterruptedException {
        String me = JvmProcess.current().name();
        gate.permits().acquire();
        try {
            int now = gate.working().incrementAndGet();
            gate.mostAtOnce().getAndUpdate(most -> Math.max(most, now));
            System.out.println(me + " is working (" + now + " at once)");
            Pause.sleep(Duration.ofSeconds(1));
            gate.working().decrementAndGet();
            System.out.println(me + " is done");
        } finally {
            gate.permits().release(); // a worker killed before this line gives its permit back too
        }
    }

    public static void main(String[] args) throws InterruptedException {
        try (RegionNamespace namespace = RegionNamespace.open("semaphore-example-" + ProcessHandle.current().pid())) {
            Gate gate = new Gate(SharedSemaphore.create(namespace, "licences", PERMITS),
                SharedInt.create(namespace, "working", 0), SharedInt.create(namespace, "most", 0));
            List<JvmProcess<Void>> workers = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                workers.add(JvmProcess.run(LimitedWorkers::work, gate).name("worker-" + i).start());
            }
            for (JvmProcess<Void> worker : workers) {
                worker.join();
                worker.close();
            }
            System.out.println("At most " + gate.mostAtOnce().get() + " workers worked at once; the semaphore allows "
                + PERMITS + ".");
        }
    }
}
