package io.mproc.examples;

import io.mproc.memory.RegionNamespace;
import io.mproc.process.JvmProcess;
import io.mproc.sync.SharedBarrier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;

/**
 * A {@link SharedBarrier}: three worker processes go through three phases in step; none starts
 * a phase before all have finished the one before. The barrier is reusable, cycle after cycle,
 * and runs an action once per cycle. Python's {@code Barrier(3, action)}.
 *
 * <pre>
 * worker-2 finished phase 1
 * worker-1 finished phase 1
 * worker-3 finished phase 1
 * --- all 3 workers are through phase 1 ---
 * worker-1 finished phase 2
 * ...
 * </pre>
 */
public final class BarrierPhases {
    private static final int WORKERS = 3;
    private static final int PHASES = 3;

    private BarrierPhases() {
    }

    static void work(SharedBarrier barrier, Integer number) throws InterruptedException, BrokenBarrierException {
        String me = JvmProcess.current().name();
        for (int phase = 1; phase <= PHASES; phase++) {
            Pause.sleep(Duration.ofMillis(200L * number)); // workers of different speeds
            System.out.println(me + " finished phase " + phase);
            // The action belongs to this handle, not to the shared barrier: every party sets
            // the same one, and the party that arrives last runs it, before any party goes on.
            int finished = phase;
            barrier.setAction(() -> System.out.println("--- all " + WORKERS + " workers are through phase "
                + finished + " ---"));
            barrier.await();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        try (RegionNamespace namespace = RegionNamespace.open("barrier-example-" + ProcessHandle.current().pid());
             SharedBarrier barrier = SharedBarrier.create(namespace, "phases", WORKERS)) {
            List<JvmProcess<Void>> workers = new ArrayList<>();
            for (int i = 1; i <= WORKERS; i++) {
                workers.add(JvmProcess.run(BarrierPhases::work, barrier, i).name("worker-" + i).start());
            }
            for (JvmProcess<Void> worker : workers) {
                worker.join();
                worker.close();
            }
            System.out.println("All workers finished " + PHASES + " phases in step.");
        }
    }
}
