package io.mproc.bench.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Ping-pong and hand-off targets relative to the cache-line floor are judged against the floor
 * probed right after the figure (same CPU placement), falling back to the start-of-run floor,
 * whose ratio is shown beside.
 */
class CacheLineFloorAfterTest {

    private static final FigureKey START_FLOOR = new FigureKey("floors", "c-cache-line-spin", "rtt_median");

    /** Every figure whose median a target holds to a multiple of the cache-line floor. */
    private static final List<FigureKey> HELD_TO_THE_CACHE_LINE = List.of(
        new FigureKey("pingpong", "mproc-queue-spin", "rtt_median"),
        new FigureKey("pingpong", "mproc-queue-spin-inplace", "rtt_median"),
        new FigureKey("pingpong", "mproc-spsc", "rtt_median"),
        new FigureKey("pingpong", "mproc-mpsc", "rtt_median"),
        new FigureKey("pingpong", "mproc-mpmc", "rtt_median"),
        new FigureKey("handoff", "event-spin", "rtt_median"),
        new FigureKey("handoff", "lock-spin", "rtt_median"),
        new FigureKey("handoff", "semaphore-spin", "rtt_median"));

    private static FigureKey probedAfter(FigureKey figure) {
        return new FigureKey(figure.suite(), figure.subject(), "cache_line_floor_after");
    }

    /** The start floor 100 ns, mproc-spsc 160 ns: 1.6× the start floor misses ≤ 1.5×. */
    private static Results spscAt160(double probedAfterNs) {
        Results results = new Results(figure -> { });
        results.add(new Figure("floors", "c-cache-line-spin", "rtt_median", 100, "ns"));
        results.add(new Figure("pingpong", "agrona-ring", "rtt_median", 150, "ns"));
        results.add(new Figure("pingpong", "mproc-spsc", "rtt_median", 160, "ns"));
        if (!Double.isNaN(probedAfterNs)) {
            results.add(new Figure("pingpong", "mproc-spsc", "cache_line_floor_after", probedAfterNs, "ns"));
        }
        return results;
    }

    private static List<Assessment> spscMedian(Results results) {
        return TargetCatalog.standard().assess(results).stream()
            .filter(a -> a.figure().key().equals(new FigureKey("pingpong", "mproc-spsc", "rtt_median"))).toList();
    }

    private static Assessment judgedAgainstTheCacheLine(List<Assessment> assessments) {
        return assessments.stream()
            .filter(a -> a.rule().target() instanceof Target.AtMostTimesFloor(double factor) && factor == 1.5)
            .findFirst().orElseThrow();
    }

    @Test
    void everyCacheLineTargetIsJudgedAgainstTheProbeAfterTheFigureFallingBackToTheStartFloor() {
        TargetCatalog catalog = TargetCatalog.standard();
        for (FigureKey figure : HELD_TO_THE_CACHE_LINE) {
            List<FigureRule> rules = catalog.rulesFor(figure);
            List<FigureRule> judged = rules.stream().filter(rule -> rule.target() != null
                && (START_FLOOR.equals(rule.floor()) || START_FLOOR.equals(rule.fallbackFloor()))).toList();
            assertEquals(1, judged.size(), figure + ": " + rules);
            assertEquals(probedAfter(figure), judged.getFirst().floor(), figure.toString());
            assertEquals(START_FLOOR, judged.getFirst().fallbackFloor(), figure.toString());
            assertTrue(judged.getFirst().target() instanceof Target.AtMostTimesFloor, figure.toString());
            assertTrue(rules.contains(new FigureRule(figure, START_FLOOR, null)),
                figure + ": the ratio to the start floor is shown beside, not judged: " + rules);
        }
    }

    @Test
    void noTargetOfTheCatalogIsJudgedAgainstTheStartOfRunCacheLineFloorFirst() {
        // A new latency target must take the floor of its own placement, as the ones listed above.
        for (FigureRule rule : TargetCatalog.standard().rules()) {
            if (rule.target() != null && rule.target().needsFloor()) {
                assertNotEquals(START_FLOOR, rule.floor(), rule + ": judge it against the probe after the figure");
            }
        }
    }

    @Test
    void aFigureIsJudgedAgainstTheFloorProbedRightAfterIt() {
        List<Assessment> spsc = spscMedian(spscAt160(128));
        Assessment judged = judgedAgainstTheCacheLine(spsc);
        assertEquals(probedAfter(new FigureKey("pingpong", "mproc-spsc", "rtt_median")), judged.floor());
        assertEquals(128, judged.floorValue());
        assertEquals(1.25, judged.ratio(), 1e-12);
        assertEquals(Verdict.MET, judged.verdict(), "1.25× the floor of its own placement");

        Assessment start = spsc.stream().filter(a -> a.rule().target() == null && START_FLOOR.equals(a.floor()))
            .findFirst().orElseThrow();
        assertEquals(1.6, start.ratio(), 1e-12);
        assertEquals(Verdict.NO_TARGET, start.verdict());
    }

    @Test
    void withoutAProbeTheFigureIsJudgedAgainstTheStartFloor() {
        Assessment judged = judgedAgainstTheCacheLine(spscMedian(spscAt160(Double.NaN)));
        assertEquals(START_FLOOR, judged.floor());
        assertEquals(100, judged.floorValue());
        assertEquals(1.6, judged.ratio(), 1e-12);
        assertEquals(Verdict.MISSED, judged.verdict());
    }

    @Test
    void withNeitherFloorTheTargetIsNotJudgedAndTheStartFloorIsNamedAsMissing() {
        Results results = new Results(figure -> { });
        results.add(new Figure("pingpong", "mproc-spsc", "rtt_median", 160, "ns"));
        Assessment judged = judgedAgainstTheCacheLine(spscMedian(results));
        assertEquals(Verdict.NO_FLOOR, judged.verdict());
        assertEquals(START_FLOOR, judged.floor());
        assertTrue(Double.isNaN(judged.ratio()));
    }

    @Test
    void theRatioToAgronaIsStillTakenAgainstAgrona() {
        Assessment agrona = spscMedian(spscAt160(128)).stream()
            .filter(a -> a.rule().target() instanceof Target.AtMostTimesFloor(double factor) && factor == 1.1)
            .findFirst().orElseThrow();
        assertEquals(new FigureKey("pingpong", "agrona-ring", "rtt_median"), agrona.floor());
        assertNull(agrona.rule().fallbackFloor());
    }

    @Test
    void eachRatioOfAFigureHasItsOwnReadableName() {
        List<String> names = spscMedian(spscAt160(128)).stream().filter(Assessment::hasRatio)
            .map(a -> a.ratioFigure().metric()).toList();
        assertEquals(List.of("rtt_median_vs_cache_line_floor_after", "rtt_median_vs_c-cache-line-spin",
            "rtt_median_vs_agrona-ring"), names);
    }

    @Test
    void theRatioFiguresOfARunAreDistinctFiguresWithOrWithoutTheProbe() {
        for (double probe : new double[] {128, Double.NaN}) {
            List<Figure> ratios = Assessment.ratioFigures(TargetCatalog.standard().assess(spscAt160(probe)));
            Set<FigureKey> keys = ratios.stream().map(Figure::key).collect(Collectors.toSet());
            assertEquals(ratios.size(), keys.size(), ratios.toString());
            assertTrue(keys.contains(new FigureKey("pingpong", "mproc-spsc", "rtt_median_vs_c-cache-line-spin")),
                ratios.toString());
            assertEquals(!Double.isNaN(probe),
                keys.contains(new FigureKey("pingpong", "mproc-spsc", "rtt_median_vs_cache_line_floor_after")),
                ratios.toString());
        }
    }

    @Test
    void aFallbackFloorNeedsAFloor() {
        FigureKey figure = new FigureKey("pingpong", "x", "rtt_median");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new FigureRule(figure, null, START_FLOOR, null));
        assertTrue(e.getMessage().contains("pingpong/x/rtt_median"), e.getMessage());
    }
}
