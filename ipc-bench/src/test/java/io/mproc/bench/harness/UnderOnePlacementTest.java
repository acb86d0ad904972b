package io.mproc.bench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mproc.bench.BenchContext;
import io.mproc.bench.BenchProfile;
import io.mproc.bench.PlacementCheck;
import io.mproc.bench.machine.PinningPlan;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnderOnePlacementTest {
    @TempDir
    Path directory;

    /** Answers held() from a script; awaitReturn() says whether waiting helps. */
    private static final class ScriptedPlacement implements PlacementCheck {
        private final Deque<Boolean> held;
        private final boolean returns;
        int waits;

        ScriptedPlacement(boolean returns, Boolean... held) {
            this.held = new ArrayDeque<>(List.of(held));
            this.returns = returns;
        }

        @Override
        public boolean held() {
            return held.removeFirst();
        }

        @Override
        public boolean awaitReturn() {
            waits++;
            return returns;
        }

        @Override
        public String describeLastProbe() {
            return "500 ns (start of the run 110 ns)";
        }
    }

    private BenchContext context(PlacementCheck placement) {
        BenchContext context = new BenchContext(BenchProfile.smoke(), directory, directory, PinningPlan.decide(false),
            figure -> { });
        context.usePlacementCheck(placement);
        return context;
    }

    @Test
    void aFigureTakenUnderTheStartPlacementIsKeptAsItIs() throws Exception {
        BenchContext context = context(new ScriptedPlacement(true, true));
        assertEquals("take 1", PingPongSuite.underOnePlacement(context, "pingpong/x", n -> "take " + n));
        assertEquals(List.of(), context.notes());
    }

    @Test
    void aFigureTakenWhileThePlacementMovedIsTakenAgainOnceItIsBack() throws Exception {
        ScriptedPlacement placement = new ScriptedPlacement(true, false, true);
        BenchContext context = context(placement);
        assertEquals("take 2", PingPongSuite.underOnePlacement(context, "pingpong/x", n -> "take " + n));
        assertEquals(1, placement.waits);
        assertEquals(1, context.notes().size());
        assertTrue(context.notes().getFirst().contains("pingpong/x: measured again (attempt 2)"), context.notes().toString());
    }

    @Test
    void aPlacementThatStaysMovedEndsTheAttemptsWithANoteInBold() throws Exception {
        BenchContext context = context(new ScriptedPlacement(true, false, false, false));
        assertEquals("take 3", PingPongSuite.underOnePlacement(context, "pingpong/x", n -> "take " + n));
        String note = context.notes().getFirst();
        assertTrue(note.startsWith("**pingpong/x: the cache-line floor read 500 ns (start of the run 110 ns)"), note);
        assertTrue(note.endsWith("(attempt 3 of 3)**"), note);
    }

    @Test
    void whenWaitingDoesNotBringThePlacementBackTheFirstFigureStandsWithItsNote() throws Exception {
        ScriptedPlacement placement = new ScriptedPlacement(false, false);
        BenchContext context = context(placement);
        assertEquals("take 1", PingPongSuite.underOnePlacement(context, "pingpong/x", n -> "take " + n));
        assertTrue(context.notes().getFirst().contains("(attempt 1 of 3)"), context.notes().toString());
    }
}
