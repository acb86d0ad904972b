package io.mproc.bench.pool;

import io.mproc.bench.BenchProfile;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PoolPlanTest {

    @Test
    void quickAndFullRunsMapAMillionTasksAsTheTargetSays() {
        assertEquals(1_000_000, PoolPlan.of(BenchProfile.quick()).map().tasks());
        assertEquals(1_000_000, PoolPlan.of(BenchProfile.full()).map().tasks());
        assertEquals("map-square-2-workers", PoolMeasurement.MAP);
    }

    @Test
    void quickStaysSmallEnoughForAFewSecondsOnTwoCores() {
        PoolPlan quick = PoolPlan.of(BenchProfile.quick());
        // ~10 µs per round trip at the target, 20 M and 1 M tasks/s: about 0.7 + 0.35 + 0.7 s.
        assertTrue(quick.apply().total() <= 100_000, "round trips: " + quick.apply().total());
        assertTrue(quick.map().total() <= 10_000_000, "map tasks: " + quick.map().total());
        assertTrue(quick.applyAsync().total() <= 1_000_000, "applyAsync tasks: " + quick.applyAsync().total());
        assertTrue(quick.apply().warmup() > 0 && quick.map().warmups() > 0 && quick.applyAsync().warmups() > 0,
            "every measurement warms up first");
        assertTrue(quick.apply().reps() >= 3 && quick.map().reps() >= 3 && quick.applyAsync().reps() >= 3,
            "enough repetitions for a spread");
    }

    @Test
    void smokeIsTheSmallestAndFullTheLargest() {
        PoolPlan smoke = PoolPlan.of(BenchProfile.smoke());
        PoolPlan quick = PoolPlan.of(BenchProfile.quick());
        PoolPlan full = PoolPlan.of(BenchProfile.full());
        assertTrue(smoke.apply().total() < quick.apply().total() && quick.apply().total() < full.apply().total());
        assertTrue(smoke.map().total() < quick.map().total() && quick.map().total() < full.map().total());
        assertTrue(smoke.applyAsync().total() < quick.applyAsync().total()
            && quick.applyAsync().total() < full.applyAsync().total());
        assertTrue(smoke.limit().compareTo(full.limit()) < 0);
    }

    @Test
    void badBatchesAreRejectedByName() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
            () -> new PoolPlan.Batches(0, 0, 10));
        assertTrue(bad.getMessage().contains("reps 0"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PoolPlan.Batches(-1, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> new PoolPlan.Batches(0, 1, 0));
    }

    @Test
    void ratesAreTasksPerSecondOfTheTimedBatch() {
        assertEquals(20e6, PoolRounds.perSecond(1_000_000, 50_000_000), 1e-6);
        assertEquals(1e6, PoolRounds.perSecond(100_000, 100_000_000), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> PoolRounds.perSecond(10, 0));
    }
}
