package io.mproc.bench.harness;

import io.mproc.bench.machine.PinningPlan;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs a measurement on a fresh platform thread pinned by the plan. A fresh thread keeps the
 * pinning from leaking into the caller (a JUnit or main thread) and ends with the measurement.
 */
public final class MeasuringThread {

    /** What the measurement returned, and whether its thread was really pinned. */
    public record Outcome<T>(T value, boolean pinned) {
    }

    private MeasuringThread() {
    }

    public static <T> Outcome<T> run(PinningPlan plan, Callable<T> measurement) throws Exception {
        boolean[] pinned = new boolean[1];
        FutureTask<T> task = new FutureTask<>(() -> {
            pinned[0] = plan.pinMeasuringThread();
            return measurement.call();
        });
        Thread thread = Thread.ofPlatform().name("bench-measure").start(task);
        thread.join();
        try {
            return new Outcome<>(task.get(), pinned[0]);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof Exception e) {
                throw e;
            }
            throw failed;
        }
    }
}
