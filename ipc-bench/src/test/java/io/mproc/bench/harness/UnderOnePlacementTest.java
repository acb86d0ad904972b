package io.mproc.bench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mproc.bench.BenchContext;
import io.mproc.bench.BenchProfile;
import io.mproc.bench.PlacementCheck;
import io.mproc.bench.latency.LatencySummary;
import io.mproc.bench.latency.RepeatedLatency;
import io.mproc.bench.machine.PinningPlan;
import io.mproc.bench.result.Figure;
import io.mproc.bench.result.TargetCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnderOnePlacementTest {
    @TempDir
    Path directory;

    /**
     * Answers held() from a script; awaitReturn() says whether waiting helps. Each held() and
     * each awaitReturn() probes once, as FloorDrift's do: against a start floor of 100 ns, probe
     * n reads {@code 100 + n} ns when it held and {@code movedProbe + n} ns when it did not.
     */
    private static final class ScriptedPlacement implements PlacementCheck {
        private final Deque<Boolean> held;
        private final boolean returns;
        /** What a probe that did not hold reads (plus its number): 500 is a cross-die placement. */
        double movedProbe = 500;
        private boolean lastHeld = true;
        int waits;
        int probes;

        ScriptedPlacement(boolean returns, Boolean... held) {
            this.held = new ArrayDeque<>(List.of(held));
            this.returns = returns;
        }

        @Override
        public boolean held() {
            probes++;
            lastHeld = held.removeFirst();
            return lastHeld;
        }

        @Override
        public double startFloorNanos() {
            return 100;
        }

        @Override
        public boolean awaitReturn() {
            waits++;
            probes++;
            return returns;
        }

        @Override
        public double lastProbeNanos() {
            return probes == 0 ? Double.NaN : (lastHeld ? 100 : movedProbe) + probes;
        }

        @Override
        public String describeLastProbe() {
            return "500 ns (start of the run 110 ns)";
        }
    }

    /** A probe that cannot run (the C program fails). */
    private static final class FailingPlacement implements PlacementCheck {
        @Override
        public boolean held() throws IOException {
            throw new IOException("floor program exited with 1");
        }

        @Override
        public boolean awaitReturn() {
            return false;
        }

        @Override
        public String describeLastProbe() {
            return "no reading";
        }

        @Override
        public double lastProbeNanos() {
            return 120;
        }

        @Override
        public double startFloorNanos() {
            return 100;
        }
    }

    private final List<Figure> written = new ArrayList<>();

    private BenchContext context(PlacementCheck placement) {
        BenchContext context = new BenchContext(BenchProfile.smoke(), directory, directory, PinningPlan.decide(false),
            written::add);
        context.usePlacementCheck(placement);
        return context;
    }

    /** Attempt n measures round trips with a median of {@code 1000 * n} ns. */
    private static MeasuringThread.Outcome<RepeatedLatency> roundTrips(int attempt) {
        double median = 1000.0 * attempt;
        return new MeasuringThread.Outcome<>(new RepeatedLatency(List.of(
            new LatencySummary(100, median, median, median, median, median))), false);
    }

    private Map<String, Double> writtenFor(String subject) {
        Map<String, Double> values = new LinkedHashMap<>();
        written.stream().filter(f -> f.suite().equals("pingpong") && f.subject().equals(subject))
            .forEach(f -> values.put(f.metric(), f.value()));
        return values;
    }

    @Test
    void aFigureTakenUnderTheStartPlacementIsKeptAsItIs() throws Exception {
        BenchContext context = context(new ScriptedPlacement(true, true));
        assertEquals("take 1", PingPongSuite.underOnePlacement(context, "pingpong/x", n -> "take " + n).value());
        assertEquals(List.of(), context.notes());
    }

    @Test
    void aFigureTakenWhileThePlacementMovedIsTakenAgainOnceItIsBack() throws Exception {
        ScriptedPlacement placement = new ScriptedPlacement(true, false, true);
        BenchContext context = context(placement);
        assertEquals("take 2", PingPongSuite.underOnePlacement(context, "pingpong/x", n -> "take " + n).value());
        assertEquals(1, placement.waits);
        assertEquals(1, context.notes().size());
        assertTrue(context.notes().getFirst().contains("pingpong/x: measured again (attempt 2)"), context.notes().toString());
    }

    @Test
    void aPlacementThatStaysMovedEndsTheAttemptsWithANoteInBold() throws Exception {
        BenchContext context = context(new ScriptedPlacement(true, false, false, false));
        assertEquals("take 3", PingPongSuite.underOnePlacement(context, "pingpong/x", n -> "take " + n).value());
        String note = context.notes().getFirst();
        assertTrue(note.startsWith("**pingpong/x: the cache-line floor read 500 ns (start of the run 110 ns)"), note);
        assertTrue(note.endsWith("(attempt 3 of 3)**"), note);
    }

    @Test
    void whenWaitingDoesNotBringThePlacementBackTheFirstFigureStandsWithItsNote() throws Exception {
        ScriptedPlacement placement = new ScriptedPlacement(false, false);
        BenchContext context = context(placement);
        assertEquals("take 1", PingPongSuite.underOnePlacement(context, "pingpong/x", n -> "take " + n).value());
        assertTrue(context.notes().getFirst().contains("(attempt 1 of 3)"), context.notes().toString());
    }

    @Test
    void theFloorOfAKeptFigureIsTheProbeTakenRightAfterIt() throws Exception {
        // Probe 1 (after take 1) moved, probe 2 is the wait, probe 3 follows take 2.
        BenchContext context = context(new ScriptedPlacement(true, false, true));
        PingPongSuite.Placed<String> kept = PingPongSuite.underOnePlacement(context, "pingpong/x", n -> "take " + n);
        assertEquals("take 2", kept.value());
        assertEquals(103, kept.floorAfterNanos());
    }

    @Test
    void aFigureKeptUnderACrossDiePlacementHasNoFloorOfItsOwn() throws Exception {
        // A floor of several times the start's would flatter every ratio: the start floor judges.
        ScriptedPlacement placement = new ScriptedPlacement(false, false);
        PingPongSuite.Placed<String> kept = PingPongSuite.underOnePlacement(context(placement), "pingpong/x",
            n -> "take " + n);
        assertEquals(2, placement.probes, "waiting probed once more");
        assertEquals("take 1", kept.value());
        assertTrue(Double.isNaN(kept.floorAfterNanos()), "floor after: " + kept.floorAfterNanos());
    }

    @Test
    void aFigureKeptUnderASomewhatSlowerPlacementKeepsTheProbeAfterIt() throws Exception {
        // 130 ns against a start of 100: moved beyond 1.25x (so retried), but the same dies.
        assertEquals(131, floorAfterAFigureKeptWhereAProbeReads(130), "the probe after the figure, not the wait's");
    }

    @Test
    void aFigureKeptUnderAFasterPlacementIsJudgedAgainstThatFasterFloor() throws Exception {
        // The start floor would be the more lenient one here.
        assertEquals(61, floorAfterAFigureKeptWhereAProbeReads(60));
    }

    /** The floor of a figure kept under a placement that stayed moved, where probes read {@code movedProbe} + n. */
    private double floorAfterAFigureKeptWhereAProbeReads(double movedProbe) throws Exception {
        ScriptedPlacement placement = new ScriptedPlacement(false, false);
        placement.movedProbe = movedProbe;
        return PingPongSuite.underOnePlacement(context(placement), "pingpong/x", n -> "take " + n).floorAfterNanos();
    }

    @Test
    void roundTripsKeptUnderACrossDiePlacementAreWrittenWithoutAFloorAfterThem() throws Exception {
        PingPongSuite.roundTrips(context(new ScriptedPlacement(false, false, false, false, false)), "pingpong", "x",
            UnderOnePlacementTest::roundTrips);
        Map<String, Double> figures = writtenFor("x");
        assertEquals(1000, figures.get("rtt_median"), "the round trips are written all the same");
        assertFalse(figures.containsKey(TargetCatalog.CACHE_LINE_FLOOR_AFTER), figures.toString());
    }

    @Test
    void aFigureWithoutAProbeHasNoFloorAfterIt() throws Exception {
        assertTrue(Double.isNaN(PingPongSuite.underOnePlacement(context(PlacementCheck.NONE), "pingpong/x",
            n -> "take " + n).floorAfterNanos()));
        assertTrue(Double.isNaN(PingPongSuite.underOnePlacement(context(new FailingPlacement()), "pingpong/x",
            n -> "take " + n).floorAfterNanos()), "a failed probe read nothing, whatever an earlier one read");
    }

    @Test
    void theProbeAfterTheKeptRoundTripsIsWrittenBesideThemUnderTheSameSubject() throws Exception {
        BenchContext context = context(new ScriptedPlacement(true, false, true));
        PingPongSuite.roundTrips(context, "pingpong", "x", UnderOnePlacementTest::roundTrips);
        Map<String, Double> figures = writtenFor("x");
        assertEquals(2000, figures.get("rtt_median"), "the kept attempt's round trips");
        assertEquals(103, figures.get(TargetCatalog.CACHE_LINE_FLOOR_AFTER));
        Figure probe = written.stream().filter(f -> f.metric().equals(TargetCatalog.CACHE_LINE_FLOOR_AFTER))
            .findFirst().orElseThrow();
        assertEquals(new Figure("pingpong", "x", "cache_line_floor_after", 103, "ns"), probe);
    }

    @Test
    void roundTripsWithoutAProbeAreWrittenWithoutAFloorAfterThem() throws Exception {
        PingPongSuite.roundTrips(context(PlacementCheck.NONE), "pingpong", "x", UnderOnePlacementTest::roundTrips);
        Map<String, Double> figures = writtenFor("x");
        assertEquals(1000, figures.get("rtt_median"));
        assertFalse(figures.containsKey(TargetCatalog.CACHE_LINE_FLOOR_AFTER), figures.toString());
    }
}
