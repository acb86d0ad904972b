package io.mproc.bench.floor;

import static io.mproc.bench.result.TargetCatalog.CACHE_LINE_FLOOR;
import static io.mproc.bench.result.TargetCatalog.FLOORS;
import static io.mproc.bench.result.TargetCatalog.RTT_MEDIAN;

import io.mproc.bench.BenchContext;
import io.mproc.bench.Counts;
import io.mproc.bench.PlacementCheck;
import io.mproc.bench.machine.CpuList;
import io.mproc.bench.machine.PinningPlan;
import io.mproc.bench.result.Figure;
import io.mproc.bench.result.FigureKey;
import io.mproc.bench.result.Quantity;
import io.mproc.bench.result.Results;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Re-measures the C cache-line floor briefly after each suite. Every ratio in the report is
 * against floors measured at the start of the run; on a VM the two CPUs can be moved to other
 * physical cores mid-run (cross-die placements make every cache-line transfer several times
 * slower), and then the figures of the suites that ran under the other placement are not
 * comparable with the floor. Each probe is a figure of its own
 * ({@code floors/c-cache-line-spin-after-<suite>}), and the report's header says plainly which
 * suites ran while the floor had moved by more than {@link #TOLERANCE}. It is also the run's
 * {@link PlacementCheck}: latency suites probe after each figure, take it again when the
 * placement had moved and comes back, and keep the probe after the kept figure as the floor that
 * figure is judged against.
 */
public final class FloorDrift implements PlacementCheck {
    /** How far a probe may stray from the start floor before the report calls it a move. */
    static final double TOLERANCE = 1.25;
    /** About 15 ms of spinning: enough for a stable median, cheap between suites. */
    private static final Counts PROBE = new Counts(20_000, 1, 100_000);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** How long one figure waits at most for the placement to come back before it is retaken. */
    private static final Duration WAIT_PER_FIGURE = Duration.ofSeconds(3);
    /** All such waits of a run together, so that a VM that stays moved cannot stretch a run much. */
    private static final Duration WAIT_BUDGET = Duration.ofSeconds(8);
    private static final long WAIT_STEP_MILLIS = 250;

    private final NativeFloorProgram program;
    private final int cpuA;
    private final int cpuB;
    private final double startFloor;
    private final List<String> moved = new ArrayList<>();
    private final List<String> probes = new ArrayList<>();
    private double lastProbe = Double.NaN;
    /** What is left of the run's time for waiting on a placement to come back. */
    private long waitBudgetNanos = WAIT_BUDGET.toNanos();

    FloorDrift(NativeFloorProgram program, int cpuA, int cpuB, double startFloor) {
        this.program = program;
        this.cpuA = cpuA;
        this.cpuB = cpuB;
        this.startFloor = startFloor;
    }

    /**
     * A probe for this run, if it can have one: the floors suite measured the cache-line floor
     * (the reference), there are two CPUs, and the C program builds.
     */
    public static Optional<FloorDrift> after(BenchContext context, Results results)
        throws IOException, InterruptedException {
        Optional<Figure> start = results.find(new FigureKey(FLOORS, CACHE_LINE_FLOOR, RTT_MEDIAN));
        if (start.isEmpty() || CpuList.allowed().size() < 2) {
            return Optional.empty();
        }
        NativeFloorProgram program;
        try {
            program = NativeFloorProgram.build(context.outDir());
        } catch (NativeFloorProgram.UnavailableException unavailable) {
            return Optional.empty();
        }
        PinningPlan pin = context.pinning();
        return Optional.of(new FloorDrift(program, pin.enabled() ? pin.measuringCpu() : -1,
            pin.enabled() ? pin.peerCpu() : -1, start.get().value()));
    }

    /** Measures the floor now, after {@code suite}, and records it. */
    public void probe(String suite, BenchContext context) throws IOException, InterruptedException {
        context.sink().add(record(suite, measure()));
    }

    @Override
    public boolean held() throws IOException, InterruptedException {
        return !movedFrom(startFloor, measure());
    }

    @Override
    public boolean awaitReturn() throws IOException, InterruptedException {
        long start = System.nanoTime();
        long limit = Math.min(WAIT_PER_FIGURE.toNanos(), waitBudgetNanos);
        try {
            while (System.nanoTime() - start < limit) {
                Thread.sleep(WAIT_STEP_MILLIS);
                if (held()) {
                    return true;
                }
            }
            return false;
        } finally {
            waitBudgetNanos -= System.nanoTime() - start;
        }
    }

    @Override
    public String describeLastProbe() {
        return Quantity.format(lastProbe, "ns") + " (start of the run " + Quantity.format(startFloor, "ns") + ")";
    }

    @Override
    public double lastProbeNanos() {
        return lastProbe;
    }

    @Override
    public double startFloorNanos() {
        return startFloor;
    }

    private double measure() throws IOException, InterruptedException {
        lastProbe = program.run("spin", cpuA, cpuB, PROBE, TIMEOUT).median();
        return lastProbe;
    }

    /** Remembers a probe's median for the note; returns its figure. */
    Figure record(String suite, double median) {
        probes.add(suite + " " + Quantity.format(median, "ns"));
        if (movedFrom(startFloor, median)) {
            moved.add(suite);
        }
        return new Figure(FLOORS, CACHE_LINE_FLOOR + "-after-" + suite, RTT_MEDIAN, median, "ns");
    }

    /** The report's note: every probe, and a warning naming the suites that ran after a move. */
    public Optional<String> note() {
        if (probes.isEmpty()) {
            return Optional.empty();
        }
        String checks = String.format(Locale.ROOT, "cache-line floor re-measured after each suite (start %s): %s",
            Quantity.format(startFloor, "ns"), String.join(", ", probes));
        if (moved.isEmpty()) {
            return Optional.of(checks + "; no move beyond " + TOLERANCE + "×");
        }
        return Optional.of("**" + checks + ". The floor had moved by more than " + TOLERANCE + "× when re-measured"
            + " after: " + String.join(", ", moved) + ". The VM's CPUs were placed differently then, so those suites'"
            + " figures (and their ratios to the start floor) may come from another placement: rerun them.**");
    }

    static boolean movedFrom(double start, double now) {
        return now > start * TOLERANCE || now < start / TOLERANCE;
    }
}
