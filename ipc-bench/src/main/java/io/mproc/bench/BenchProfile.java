package io.mproc.bench;

import java.time.Duration;

/**
 * How much of each benchmark a run does. {@code smoke} only proves the pipeline works (CI,
 * seconds); {@code quick} gives usable figures in under two minutes on 2 cores; {@code full} is for
 * numbers worth writing down.
 *
 * <p>{@code pingPongAsleep} is for channels whose waiting side may sleep, measured with the
 * pinger pausing before each timed round trip (so each costs about a millisecond): its warm-up
 * runs back to back, its repetitions are as few as the futex floor's. {@code idleWindow} is how
 * long a blocked side is watched for the CPU it burns while nothing arrives.
 */
public record BenchProfile(String name, Counts spinFloor, Counts futexFloor, int jvmStartRuns,
                           Counts pingPong, Counts pingPongAsleep, Duration idleWindow, Counts throughput) {

    public static BenchProfile smoke() {
        return new BenchProfile("smoke",
            new Counts(1_000, 2, 2_000),
            new Counts(20, 2, 100),
            2,
            new Counts(300, 2, 200),
            new Counts(200, 2, 50),
            Duration.ofMillis(200),
            new Counts(20_000, 2, 50_000));
    }

    public static BenchProfile quick() {
        return new BenchProfile("quick",
            new Counts(50_000, 5, 100_000),
            new Counts(200, 5, 1_000),
            10,
            new Counts(300_000, 5, 100_000),
            // 5 × 600 asleep round trips (~1 ms each): enough for a median and a p99, and ~2 s
            // less per asleep figure (there are six), which keeps the quick run under two minutes.
            new Counts(100_000, 5, 600),
            Duration.ofSeconds(1),
            new Counts(5_000_000, 5, 5_000_000));
    }

    public static BenchProfile full() {
        return new BenchProfile("full",
            new Counts(200_000, 10, 500_000),
            new Counts(1_000, 10, 5_000),
            20,
            new Counts(2_000_000, 10, 1_000_000),
            new Counts(300_000, 10, 5_000),
            Duration.ofSeconds(2),
            new Counts(50_000_000, 10, 50_000_000));
    }
}
