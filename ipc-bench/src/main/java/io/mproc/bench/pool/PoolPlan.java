package io.mproc.bench.pool;

import io.mproc.bench.BenchProfile;
import io.mproc.bench.Counts;

import java.time.Duration;

/**
 * How much of the pool suite a profile runs. {@code apply} counts single round trips;
 * {@code map} and {@code applyAsync} count batches: one {@code map} call, or one burst of
 * {@code applyAsync} calls whose futures are then all joined, of {@code tasks} tasks each.
 * {@code limit} bounds the whole suite: past it the pool is terminated and the suite fails,
 * so a pool that stopped answering cannot hold up the rest of the run.
 */
public record PoolPlan(Counts apply, Batches map, Batches applyAsync, Duration limit) {

    /** The workers of every measurement, as Python's {@code Pool(2)} beside it. */
    public static final int WORKERS = 2;

    /** {@code warmups} untimed batches, then {@code reps} timed ones, each of {@code tasks} tasks. */
    public record Batches(int warmups, int reps, int tasks) {
        public Batches {
            if (warmups < 0 || reps < 1 || tasks < 1) {
                throw new IllegalArgumentException("bad batches: warmups " + warmups + ", reps " + reps + ", tasks "
                    + tasks);
            }
        }

        /** Every task the batches run, warm-up included. */
        public long total() {
            return (long) (warmups + reps) * tasks;
        }
    }

    /**
     * The plan of {@code profile}, by its name. {@code map} goes over 1..1,000,000 in quick and
     * full runs, as the target and Python's script define it; smoke runs only prove the suite
     * works. {@code --quick} stays a few seconds on a quiet 2-core machine: about 70,000 round
     * trips (~10 µs each), seven maps and seven bursts of 100,000 tasks.
     */
    public static PoolPlan of(BenchProfile profile) {
        return switch (profile.name()) {
            case "smoke" -> new PoolPlan(new Counts(500, 2, 500), new Batches(1, 2, 10_000), new Batches(1, 2, 2_000),
                Duration.ofMinutes(1));
            case "quick" -> new PoolPlan(new Counts(20_000, 5, 10_000), new Batches(2, 5, 1_000_000),
                new Batches(2, 5, 100_000), Duration.ofMinutes(3));
            default -> new PoolPlan(new Counts(100_000, 10, 50_000), new Batches(3, 10, 1_000_000),
                new Batches(3, 10, 500_000), Duration.ofMinutes(15));
        };
    }
}
