package io.mproc.bench.result;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportWriterTest {

    private static final FigureKey FLOOR = new FigureKey("floors", "c-cache-line-spin", "rtt_median");

    private static ReportWriter.Header header() {
        MachineInfo machine = new MachineInfo("Test CPU", 2, 2, "6.0-test", "tsc", "25-test", "2026-01-01T00:00Z");
        return new ReportWriter.Header(machine, "quick", "measuring thread on CPU 0", List.of("cc missing"));
    }

    private static Results results(double floorNs, double figureNs) {
        Results results = new Results(figure -> { });
        results.add(new Figure("floors", "c-cache-line-spin", "rtt_median", floorNs, "ns"));
        results.add(new Figure("pingpong", "fast-ring", "rtt_median", figureNs, "ns"));
        return results;
    }

    private static TargetCatalog catalog() {
        return TargetCatalog.of(List.of(new FigureRule(new FigureKey("pingpong", "fast-ring", "rtt_median"), FLOOR,
            new Target.AtMostTimesFloor(1.5))));
    }

    @Test
    void saysPlainlyWhenATargetIsMissed() {
        List<Assessment> assessments = catalog().assess(results(100, 400));
        String md = ReportWriter.render(header(), assessments);
        assertTrue(md.contains(ReportWriter.MISSED + ": 1 of 1 judged targets missed"), md);
        assertTrue(md.contains("| fast-ring · rtt_median | 400 ns | 100 ns (c-cache-line-spin) | 4.00× | ≤ 1.5× floor | "
            + ReportWriter.MISSED + " |"), md);
    }

    @Test
    void reportsMetTargetsAndTheRunContext() {
        String md = ReportWriter.render(header(), catalog().assess(results(100, 120)));
        assertTrue(md.contains("All 1 judged targets met."), md);
        assertTrue(md.contains("| 1.20× | ≤ 1.5× floor | met |"), md);
        assertTrue(md.contains("## floors"), md);
        assertTrue(md.contains("## pingpong"), md);
        assertTrue(md.contains("Test CPU"), md);
        assertTrue(md.contains("25-test"), md);
        assertTrue(md.contains("Pinning: measuring thread on CPU 0"), md);
        assertTrue(md.contains("Note: cc missing"), md);
    }

    @Test
    void aTargetWhoseFloorWasNotMeasuredIsNotJudged() {
        Results results = new Results(figure -> { });
        results.add(new Figure("pingpong", "fast-ring", "rtt_median", 120, "ns"));
        List<Assessment> assessments = catalog().assess(results);
        assertEquals(Verdict.NO_FLOOR, assessments.getFirst().verdict());
        String md = ReportWriter.render(header(), assessments);
        assertTrue(md.contains("not judged: floor not measured"), md);
        assertTrue(md.contains("## pingpong\n\nTargets: 1 not judged (floor not measured).\n\n|"), md);
    }

    @Test
    void eachSuiteSaysAboveItsTableHowManyOfItsTargetsWereMet() {
        String met = ReportWriter.render(header(), catalog().assess(results(100, 120)));
        assertTrue(met.contains("## pingpong\n\nTargets: 1 of 1 met.\n\n| figure |"), met);
        assertTrue(met.contains("## floors\n\n| figure |"), "a suite without targets has no such line:\n" + met);
        String missed = ReportWriter.render(header(), catalog().assess(results(100, 400)));
        assertTrue(missed.contains("## pingpong\n\nTargets: 0 of 1 met; " + ReportWriter.MISSED
            + ": fast-ring · rtt_median = 400 ns, target ≤ 1.5× floor.\n\n"), missed);
    }

    @Test
    void aFloorFromAnotherSuiteIsNamedWithItsSuite() {
        Results results = new Results(figure -> { });
        results.add(new Figure("python", "queue", "rtt_median", 40_000, "ns"));
        results.add(new Figure("pingpong", "fast-ring", "rtt_median", 200, "ns"));
        TargetCatalog beside = TargetCatalog.of(List.of(new FigureRule(new FigureKey("pingpong", "fast-ring", "rtt_median"),
            new FigureKey("python", "queue", "rtt_median"), null)));
        String md = ReportWriter.render(header(), beside.assess(results));
        assertTrue(md.contains("| fast-ring · rtt_median | 200 ns | 40.0 µs (python/queue) | 0.00500× | — | — |"), md);
    }

    @Test
    void absoluteTargetsNeedNoFloor() {
        Results results = new Results(figure -> { });
        results.add(new Figure("throughput", "mproc-spsc", "msgs_per_s", 12e6, "msgs/s"));
        List<Assessment> assessments = TargetCatalog.standard().assess(results);
        assertEquals(Verdict.MISSED, assessments.getFirst().verdict());
        assertTrue(ReportWriter.render(header(), assessments).contains("| 12.00 M msgs/s | — | — | ≥ 30.00 M msgs/s | "
            + ReportWriter.MISSED + " |"));
    }

    @Test
    void theSpreadOfRepetitionsIsShownInItsFiguresRow() {
        Results results = results(100, 120);
        results.add(new Figure("pingpong", "fast-ring", "rtt_median_min", 110, "ns"));
        results.add(new Figure("pingpong", "fast-ring", "rtt_median_max", 135, "ns"));
        results.add(new Figure("pingpong", "fast-ring", "rtt_max", 9000, "ns"));
        String md = ReportWriter.render(header(), catalog().assess(results));
        assertTrue(md.contains("| fast-ring · rtt_median | 120 ns (reps 110 ns – 135 ns) |"), md);
        assertTrue(md.contains("| fast-ring · rtt_max | 9000 ns |"), md);
        assertTrue(!md.contains("rtt_median_min"), md);
    }

    @Test
    void ratioFigureNamesTheFloor() {
        Assessment a = catalog().assess(results(100, 150)).get(1);
        Figure ratio = a.ratioFigure();
        assertEquals("rtt_median_vs_c-cache-line-spin", ratio.metric());
        assertEquals(1.5, ratio.value(), 1e-12);
        assertEquals("ratio", ratio.unit());
    }

    @Test
    void linksThePlotsUnderTheSummaryAndShowsThemAtTheEnd() {
        String md = ReportWriter.render(header(), catalog().assess(results(100, 120)),
            List.of(new PlotLink("latency-pingpong.png", "pingpong: round trip by percentile")));
        assertTrue(md.contains("Plots (at the end): [latency-pingpong.png](latency-pingpong.png)"), md);
        assertTrue(md.endsWith("## Plots\n\n### pingpong: round trip by percentile\n\n"
            + "![pingpong: round trip by percentile](latency-pingpong.png)\n\n"), md);
        assertTrue(md.indexOf("## pingpong") < md.indexOf("## Plots"), md);
    }

    @Test
    void aReportWithoutPlotsSaysNothingOfThem() {
        assertTrue(!ReportWriter.render(header(), catalog().assess(results(100, 120))).contains("Plots"));
    }

    /** The start floor 100 ns, mproc-spsc 160 ns and, when given, the floor probed right after it. */
    private static Results spsc(double probedAfterNs) {
        Results results = new Results(figure -> { });
        results.add(new Figure("floors", "c-cache-line-spin", "rtt_median", 100, "ns"));
        results.add(new Figure("pingpong", "mproc-spsc", "rtt_median", 160, "ns"));
        if (!Double.isNaN(probedAfterNs)) {
            results.add(new Figure("pingpong", "mproc-spsc", "cache_line_floor_after", probedAfterNs, "ns"));
        }
        return results;
    }

    @Test
    void theFloorCellNamesTheProbeAfterTheFigureAndTheStartFloorIsShownBeside() {
        String md = ReportWriter.render(header(), TargetCatalog.standard().assess(spsc(128)));
        assertTrue(md.contains("| mproc-spsc · rtt_median | 160 ns | 128 ns (c-cache-line-spin probed after this figure)"
            + " | 1.25× | ≤ 1.5× floor | met |"), md);
        assertTrue(md.contains("| mproc-spsc · rtt_median | 160 ns | 100 ns (c-cache-line-spin) | 1.60× | — | — |"), md);
        assertTrue(md.contains("| mproc-spsc · cache_line_floor_after | 128 ns |"), md);
    }

    @Test
    void withoutAProbeTheFloorCellNamesTheStartFloorThatJudgedTheFigure() {
        String md = ReportWriter.render(header(), TargetCatalog.standard().assess(spsc(Double.NaN)));
        assertTrue(md.contains("| mproc-spsc · rtt_median | 160 ns | 100 ns (c-cache-line-spin) | 1.60× | ≤ 1.5× floor | "
            + ReportWriter.MISSED + " |"), md);
        assertTrue(!md.contains("probed after this figure"), md);
        assertTrue(!md.contains("| mproc-spsc · rtt_median | 160 ns | 100 ns (c-cache-line-spin) | 1.60× | — | — |"),
            "the start floor's row would only repeat the judged one: " + md);
    }

    @Test
    void theTextAboveTheTablesSaysWhichCacheLineFloorJudgesAFigure() {
        String md = ReportWriter.render(header(), TargetCatalog.standard().assess(spsc(128)));
        String text = md.substring(md.indexOf("Ratios are against"), md.indexOf("## "));
        assertTrue(text.contains("A target relative to the cache-line floor is judged against the floor probed right"
            + " after its figure (same CPU placement), or against the start-of-run floor when there is no such probe"
            + " (none in this run, a failed one, or one that read a cross-die placement),"
            + " with the ratio to the start-of-run floor shown beside"), text);
    }
}
