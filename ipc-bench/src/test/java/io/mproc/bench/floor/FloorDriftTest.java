package io.mproc.bench.floor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mproc.bench.result.Figure;
import org.junit.jupiter.api.Test;

class FloorDriftTest {

    @Test
    void aProbeWithinAQuarterOfTheStartFloorIsNoMove() {
        assertFalse(FloorDrift.movedFrom(120, 149));
        assertFalse(FloorDrift.movedFrom(120, 97));
        assertTrue(FloorDrift.movedFrom(120, 151));
        assertTrue(FloorDrift.movedFrom(120, 95));
    }

    @Test
    void eachProbeIsAFigureOfTheFloorsSuiteNamedAfterTheSuiteBeforeIt() {
        FloorDrift drift = new FloorDrift(null, 0, 1, 120);
        Figure figure = drift.record("pingpong", 121);
        assertEquals(new Figure("floors", "c-cache-line-spin-after-pingpong", "rtt_median", 121, "ns"), figure);
    }

    @Test
    void theNoteListsEveryProbeAndSaysThereWasNoMove() {
        FloorDrift drift = new FloorDrift(null, 0, 1, 120);
        drift.record("pingpong", 121);
        drift.record("handoff", 130);
        String note = drift.note().orElseThrow();
        assertTrue(note.contains("start 120 ns"), note);
        assertTrue(note.contains("pingpong 121 ns, handoff 130 ns"), note);
        assertTrue(note.contains("no move"), note);
        assertFalse(note.contains("**"), note);
    }

    @Test
    void theNoteNamesTheSuitesAfterWhichTheFloorHadMovedInBold() {
        FloorDrift drift = new FloorDrift(null, 0, 1, 111);
        drift.record("pingpong", 112);
        drift.record("handoff", 455);
        drift.record("throughput", 470);
        String note = drift.note().orElseThrow();
        assertTrue(note.startsWith("**") && note.endsWith("**"), note);
        assertTrue(note.contains("re-measured after: handoff, throughput."), note);
        assertTrue(note.contains("rerun them"), note);
    }

    @Test
    void noProbeNoNote() {
        assertTrue(new FloorDrift(null, 0, 1, 120).note().isEmpty());
    }
}
