package io.mproc.pool;

import io.mproc.memory.RegionNamespace;
import io.mproc.ring.MpscRing;
import io.mproc.ring.SpscRing;
import java.nio.file.Path;

/**
 * The target of every worker process: attaches the pool's regions, runs the initializer, says
 * it is ready, then serves tasks until told to stop or its task budget is spent. An initializer
 * that throws ends the process with that exception (exit code 1), which the pool reads through
 * the process layer and turns into an {@link InitializerException}.
 */
final class PoolWorker {
    private PoolWorker() {
    }

    static void serve(WorkerSpec spec) throws Exception {
        RegionNamespace namespace = RegionNamespace.open(Path.of(spec.root), spec.namespace);
        SpscRing tasks = SpscRing.attach(namespace, spec.taskRing);
        MpscRing results = MpscRing.attach(namespace, spec.resultRing);
        WorkerStatus status = WorkerStatus.attach(namespace, spec.statusRegion);
        if (spec.initializer != null) {
            spec.initializer.accept(spec.initializerArgument);
        }
        ResultSender sender = new ResultSender(results, spec.slot, spec.generation);
        sender.sendReady();
        new WorkerLoop(spec, tasks, status, sender).run();
        // The regions stay mapped: the JVM exits next, and unmapping costs milliseconds.
    }
}
