package io.mproc.bench.latency;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LatencyRepetitionsTest {

    @Test
    void eachRepetitionIsSummarisedAloneAndTheDistributionHoldsThemAll() {
        LatencyRepetitions reps = new LatencyRepetitions(2);
        LatencyRecorder first = reps.begin();
        for (int i = 1; i <= 100; i++) {
            first.record(1_000);
        }
        reps.end();
        LatencyRecorder second = reps.begin();
        assertEquals(0, second.count(), "a repetition starts empty");
        for (int i = 1; i <= 100; i++) {
            second.record(3_000);
        }
        second.record(50_000);
        reps.end();

        RepeatedLatency result = reps.result();
        assertEquals(2, result.repetitions().size());
        assertEquals(100, result.repetitions().get(0).count());
        assertEquals(1_000, result.medianMin(), 1);
        assertEquals(3_000, result.medianMax(), 3);
        assertEquals(50_000, result.max(), 50);
        assertEquals(201, result.samples());
        assertEquals(50_000, result.distribution().getLast().value(), 50, "the whole distribution ends at the worst sample");
    }

    @Test
    void aRepetitionMustEndBeforeTheNextOrTheResult() {
        LatencyRepetitions reps = new LatencyRepetitions(1);
        assertThrows(IllegalStateException.class, reps::end);
        reps.begin().record(10);
        assertThrows(IllegalStateException.class, reps::begin);
        assertThrows(IllegalStateException.class, reps::result);
        reps.end();
        assertEquals(1, reps.result().samples());
    }
}
