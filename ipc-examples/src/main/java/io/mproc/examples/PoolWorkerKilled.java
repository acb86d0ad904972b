package io.mproc.examples;

import io.mproc.memory.RegionNamespace;
import io.mproc.pool.ProcessPool;
import io.mproc.pool.WorkerDiedException;
import io.mproc.shared.SharedLong;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A pool survives a worker that is killed: the task that worker was running fails with a
 * {@link WorkerDiedException} naming the worker and the signal, a new worker takes its place,
 * and every other task completes. (Python's {@code Pool} would wait for the lost task forever.)
 * Here the parent kills the worker with SIGKILL; the OOM killer or a crash in native code
 * would do the same.
 *
 * <pre>
 * killing worker pid 12345 with SIGKILL
 * the doomed task failed: pool Pool-1: worker Pool-1-worker-1 (pid 12345) exited with -9 (SIGKILL) while running apply #1 (...)
 * the other tasks completed: [0, 1, 4, 9, 16, 25, 36, 49]
 * the pool goes on with 2 workers: 6 * 7 = 42
 * </pre>
 */
public final class PoolWorkerKilled {
    private PoolWorkerKilled() {
    }

    /** Tells the parent which worker runs it, then runs until that worker is killed. */
    static String doomed(SharedLong workerPid) throws InterruptedException {
        workerPid.set(ProcessHandle.current().pid());
        Thread.sleep(Duration.ofMinutes(5));
        return "never returned";
    }

    static int slowSquare(int n) throws InterruptedException {
        Pause.sleep(Duration.ofMillis(100));
        return n * n;
    }

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        try (RegionNamespace namespace = RegionNamespace.open("pool-kill-example-" + ProcessHandle.current().pid());
             SharedLong workerPid = SharedLong.create(namespace, "doomed-worker", 0);
             ProcessPool pool = ProcessPool.create(2)) {
            CompletableFuture<String> doomed = pool.applyAsync(PoolWorkerKilled::doomed, workerPid);
            List<CompletableFuture<Integer>> others = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                others.add(pool.applyAsync(PoolWorkerKilled::slowSquare, i));
            }
            while (workerPid.get() == 0) {
                Thread.sleep(1);
            }
            System.out.println("killing worker pid " + workerPid.get() + " with SIGKILL");
            ProcessHandle.of(workerPid.get()).ifPresent(ProcessHandle::destroyForcibly);
            try {
                doomed.get();
            } catch (ExecutionException failed) {
                WorkerDiedException died = (WorkerDiedException) failed.getCause();
                System.out.println("the doomed task failed: " + died.getMessage());
            }
            List<Integer> results = new ArrayList<>();
            for (CompletableFuture<Integer> other : others) {
                results.add(other.get());
            }
            System.out.println("the other tasks completed: " + results);
            System.out.println("the pool goes on with " + pool.workers() + " workers: 6 * 7 = "
                + pool.apply((Integer x) -> x * 7, 6));
        }
    }
}
