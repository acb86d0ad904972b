package io.mproc.bench.harness;

import io.mproc.bench.BenchProfile;
import io.mproc.bench.Counts;

import java.time.Duration;
import java.util.List;

/**
 * How much of the fixed-rate suite a profile runs: the rates, and how long each warms up and
 * each repetition lasts (messages = rate × time, so every rate takes the same time).
 */
public record FixedRatePlan(List<Long> rates, Duration warmup, int reps, Duration perRep) {

    public FixedRatePlan {
        rates = List.copyOf(rates);
    }

    /** The plan of {@code profile}, by its name: smoke, quick or full. */
    public static FixedRatePlan of(BenchProfile profile) {
        return switch (profile.name()) {
            case "smoke" -> new FixedRatePlan(List.of(100_000L), Duration.ofMillis(20), 2, Duration.ofMillis(20));
            case "quick" -> new FixedRatePlan(List.of(100_000L, 1_000_000L), Duration.ofMillis(500), 5,
                Duration.ofMillis(100));
            default -> new FixedRatePlan(List.of(100_000L, 1_000_000L), Duration.ofSeconds(3), 10, Duration.ofSeconds(1));
        };
    }

    /** The messages of one run at {@code rate}. */
    public Counts counts(long rate) {
        return new Counts(messages(rate, warmup), reps, Math.max(1, messages(rate, perRep)));
    }

    private static long messages(long rate, Duration time) {
        return rate * time.toNanos() / 1_000_000_000L;
    }
}
