package io.mproc.bench.jmh;

import io.mproc.bench.BenchProfile;

import java.time.Duration;

/** How long the jmh suite runs each benchmark in a profile: always one fork. */
record JmhPlan(int warmupIterations, int measurementIterations, Duration iterationTime) {

    static JmhPlan of(BenchProfile profile) {
        return switch (profile.name()) {
            case "smoke" -> new JmhPlan(1, 1, Duration.ofMillis(100));
            case "quick" -> new JmhPlan(2, 3, Duration.ofMillis(200));
            default -> new JmhPlan(3, 5, Duration.ofSeconds(1));
        };
    }
}
