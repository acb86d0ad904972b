package io.mproc.bench.floor;

import io.mproc.bench.latency.LatencySummary;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FloorLineTest {

    @Test
    void parsesARepetitionLine() {
        Optional<LatencySummary> parsed = FloorLine.parse("FLOOR test=spin cpus=0,1 rep=2 count=5000 median_ns=131 "
            + "p90_ns=140 p99_ns=190 p999_ns=2500 max_ns=90000");
        assertEquals(new LatencySummary(5000, 131, 140, 190, 2500, 90000), parsed.orElseThrow());
    }

    @Test
    void ignoresOtherLinesAndRejectsBrokenOnes() {
        assertTrue(FloorLine.parse("something else").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> FloorLine.parse("FLOOR test=spin count=1 median_ns=1"));
        assertThrows(IllegalArgumentException.class, () -> FloorLine.parse("FLOOR count=x median_ns=1 p90_ns=1 "
            + "p99_ns=1 p999_ns=1 max_ns=1"));
    }
}
