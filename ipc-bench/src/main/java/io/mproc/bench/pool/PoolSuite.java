package io.mproc.bench.pool;

import io.mproc.bench.BenchContext;
import io.mproc.bench.Suite;
import io.mproc.bench.harness.MeasuringThread;
import io.mproc.bench.result.TargetCatalog;
import io.mproc.pool.ProcessPool;
import io.mproc.process.LaunchSettings;
import io.mproc.process.StartupCache;

import java.lang.ProcessBuilder.Redirect;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * mproc's {@link ProcessPool} beside Python's {@code Pool(2)}: one pool of
 * {@value PoolPlan#WORKERS} worker JVMs with the default settings, started (untimed) and then
 * measured warm, in Python's order:
 * <ul>
 *   <li>{@value PoolMeasurement#APPLY}: the round trip of {@code apply(x -> x * x, x)}, each call
 *       timed alone into HdrHistogram after a warm-up; median, p90, p99, p99.9, max;</li>
 *   <li>{@code map-square-2-workers}: {@code map(x -> x * x, 1..1,000,000)} with the default
 *       chunk size (Python's, {@code ceil(n / (4 * workers))}), tasks per second;</li>
 *   <li>{@value PoolMeasurement#APPLY_ASYNC}: a burst of {@code applyAsync} calls, then every
 *       result; tasks per second.</li>
 * </ul>
 * Sizes by profile in {@link PoolPlan}. The calling thread is the bench's measuring thread
 * (pinned to the first CPU when the run pins); the workers and the pool's own threads are left
 * to the scheduler, as a user's would be. mproc's startup cache is made first if missing, so no
 * training JVM runs behind the figures.
 */
public final class PoolSuite implements Suite {

    @Override
    public String name() {
        return TargetCatalog.POOL;
    }

    @Override
    public void run(BenchContext context) throws Exception {
        PoolPlan plan = PoolPlan.of(context.profile());
        StartupCache.prepare();
        LaunchSettings quiet = LaunchSettings.defaults().withStdout(Redirect.DISCARD);
        long before = System.nanoTime();
        try (ProcessPool pool = ProcessPool.builder().workers(PoolPlan.WORKERS).launchSettings(quiet).start();
             Watchdog watchdog = new Watchdog(pool, plan.limit())) {
            double startMillis = (System.nanoTime() - before) / 1e6;
            MeasuringThread.Outcome<PoolMeasurement> outcome;
            try {
                outcome = MeasuringThread.run(context.pinning(), () -> measure(pool, plan));
            } catch (Exception failed) {
                if (watchdog.fired()) {
                    throw new IllegalStateException("pool suite still running after " + plan.limit()
                        + ": the pool was terminated", failed);
                }
                throw failed;
            }
            context.note(name() + ": " + describe(plan, startMillis, context, outcome.pinned()));
            outcome.value().write(context.sink());
        }
    }

    private static PoolMeasurement measure(ProcessPool pool, PoolPlan plan) throws Exception {
        PoolRounds.checkTasksRunInWorkers(pool);
        return new PoolMeasurement(PoolRounds.applyRoundTrips(pool, plan.apply()),
            PoolRounds.mapRates(pool, plan.map()),
            PoolRounds.applyAsyncRates(pool, plan.applyAsync()));
    }

    private static String describe(PoolPlan plan, double startMillis, BenchContext context, boolean pinned) {
        String thread = pinned ? "calling thread on CPU " + context.pinning().measuringCpu()
            : context.pinning().enabled() ? "calling thread could NOT be pinned" : "calling thread unpinned";
        return String.format(Locale.ROOT, "ProcessPool of %d worker JVMs, default settings (started in %.0f ms, not "
                + "timed), task x -> x * x on a Long; %s, workers and the pool's threads unpinned; apply: %d warm-up, "
                + "%d × %d timed; map: %d warm-up + %d timed maps of %,d; applyAsync: %d warm-up + %d timed bursts of %,d",
            PoolPlan.WORKERS, startMillis, thread, plan.apply().warmup(), plan.apply().reps(), plan.apply().perRep(),
            plan.map().warmups(), plan.map().reps(), plan.map().tasks(), plan.applyAsync().warmups(),
            plan.applyAsync().reps(), plan.applyAsync().tasks());
    }

    /**
     * Terminates the pool if the suite is still running at its limit, so that a pool that stopped
     * answering fails the suite (its pending calls fail) instead of holding up the whole run.
     */
    private static final class Watchdog implements AutoCloseable {
        private final CountDownLatch done = new CountDownLatch(1);
        private final Thread thread;
        private volatile boolean fired;

        Watchdog(ProcessPool pool, Duration limit) {
            thread = Thread.ofPlatform().daemon().name("bench-pool-watchdog").start(() -> {
                try {
                    if (!done.await(limit.toNanos(), TimeUnit.NANOSECONDS)) {
                        fired = true;
                        pool.terminate();
                    }
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        boolean fired() {
            return fired;
        }

        /** Stops the watchdog and waits for it (it ends at once unless it is terminating the pool). */
        @Override
        public void close() {
            done.countDown();
            try {
                thread.join();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt(); // the caller's interrupt stays visible
            }
        }
    }
}
