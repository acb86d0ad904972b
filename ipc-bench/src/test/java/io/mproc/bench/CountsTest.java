package io.mproc.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A slow channel's counts: fewer iterations, the same repetitions, never none. */
class CountsTest {

    @Test
    void dividingKeepsTheRepetitionsAndDividesTheIterations() {
        assertEquals(new Counts(18_750, 5, 6_250), new Counts(300_000, 5, 100_000).dividedBy(16));
    }

    @Test
    void dividingNeverLeavesATimedIterationOrAWarmUpOut() {
        assertEquals(new Counts(1, 2, 1), new Counts(10, 2, 10).dividedBy(100));
        assertEquals(new Counts(0, 2, 1), new Counts(0, 2, 10).dividedBy(100));
    }

    @Test
    void aDivisorBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Counts(10, 2, 10).dividedBy(0));
    }
}
