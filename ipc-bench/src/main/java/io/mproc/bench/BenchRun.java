package io.mproc.bench;

import io.mproc.bench.floor.FloorDrift;
import io.mproc.bench.floor.FloorSuite;
import io.mproc.bench.harness.FixedRateSuite;
import io.mproc.bench.harness.HandoffSuite;
import io.mproc.bench.harness.PingPongSuite;
import io.mproc.bench.harness.ThroughputSuite;
import io.mproc.bench.jmh.JmhSuite;
import io.mproc.bench.machine.PinningPlan;
import io.mproc.bench.plot.PlotWriter;
import io.mproc.bench.pool.PoolSuite;
import io.mproc.bench.python.PythonSuite;
import io.mproc.bench.result.Assessment;
import io.mproc.bench.result.JsonlResultWriter;
import io.mproc.bench.result.MachineInfo;
import io.mproc.bench.result.Quantity;
import io.mproc.bench.result.ReportWriter;
import io.mproc.bench.result.Results;
import io.mproc.bench.result.TargetCatalog;
import io.mproc.bench.result.Verdict;
import io.mproc.bench.start.StartSuite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One run of the bench: the selected suites in order (floors first, so every later figure has
 * a floor of the same run; ping-pong and hand-off figures also have the cache-line floor probed
 * right after them, as the VM's CPU placement can change within minutes), then the ratio figures,
 * the plots and the report. A suite that
 * fails is reported and the others still run: one broken channel must not hide the rest.
 */
public final class BenchRun {

    /** What a run produced. */
    public record Summary(Path results, Path report, long missedTargets, List<String> failedSuites) {
    }

    private final BenchOptions options;
    private final List<Suite> suites;

    public BenchRun(BenchOptions options) {
        this(options, List.of(new FloorSuite(), new PingPongSuite(), new HandoffSuite(), new ThroughputSuite(),
            new StartSuite(), new PoolSuite(), new FixedRateSuite(), new PythonSuite(), new JmhSuite()));
    }

    BenchRun(BenchOptions options, List<Suite> suites) {
        this.options = options;
        this.suites = List.copyOf(suites);
    }

    public Summary run() throws IOException, InterruptedException {
        Path out = Files.createDirectories(options.out().toAbsolutePath());
        Path resultsFile = out.resolve("results.jsonl");
        Path reportFile = out.resolve("report.md");
        PinningPlan pinning = PinningPlan.decide(options.pin());
        Path shmDir = createShmDir();
        List<String> failed = new ArrayList<>();
        List<String> durations = new ArrayList<>();
        try (JsonlResultWriter writer = new JsonlResultWriter(resultsFile)) {
            Results results = new Results(figure -> {
                writer.add(figure);
                System.out.println(figure.suite() + " " + figure.subject() + " " + figure.metric() + " = "
                    + Quantity.format(figure.value(), figure.unit()));
            });
            BenchContext context = new BenchContext(options.profile(), out, shmDir, pinning, results);
            Optional<FloorDrift> drift = Optional.empty();
            for (Suite suite : suites) {
                if (!options.selects(suite.name())) {
                    continue;
                }
                Optional<String> skipped = options.suites().isEmpty()
                    ? suite.skippedUnlessNamed(options.profile()) : Optional.empty();
                if (skipped.isPresent()) {
                    context.note("suite " + suite.name() + " not run: " + skipped.get());
                    continue;
                }
                System.out.println("== " + suite.name());
                long start = System.nanoTime();
                try {
                    suite.run(context);
                } catch (Exception broken) {
                    failed.add(suite.name());
                    context.note("suite " + suite.name() + " FAILED: " + broken);
                    broken.printStackTrace(System.out);
                }
                durations.add(String.format(Locale.ROOT, "%s %.1f s", suite.name(), (System.nanoTime() - start) / 1e9));
                drift = checkFloor(suite, drift, context, results);
            }
            if (!durations.isEmpty()) {
                context.note("time per suite: " + String.join(", ", durations));
            }
            drift.flatMap(FloorDrift::note).ifPresent(context::note);
            List<Assessment> assessments = TargetCatalog.standard().assess(results);
            Assessment.ratioFigures(assessments).forEach(writer::add);
            PlotWriter.Outcome plots = PlotWriter.write(out, results);
            plots.problems().forEach(context::note);
            ReportWriter.write(reportFile, new ReportWriter.Header(MachineInfo.probe(), options.profile().name(),
                pinning.describe(), context.notes()), assessments, plots.plots());
            long missed = assessments.stream().filter(a -> a.verdict() == Verdict.MISSED).count();
            return new Summary(resultsFile, reportFile, missed, List.copyOf(failed));
        } finally {
            deleteTree(shmDir);
        }
    }

    /**
     * After the floors suite: the drift probe, if this run can have one; after any other: a
     * probe of the cache-line floor (a failed probe is a note, never a failed run).
     */
    private static Optional<FloorDrift> checkFloor(Suite suite, Optional<FloorDrift> drift, BenchContext context,
                                                   Results results) {
        try {
            if (suite.name().equals(TargetCatalog.FLOORS)) {
                Optional<FloorDrift> started = FloorDrift.after(context, results);
                started.ifPresent(context::usePlacementCheck);
                return started;
            }
            if (drift.isPresent()) {
                drift.get().probe(suite.name(), context);
            }
        } catch (IOException failed) {
            context.note("cache-line floor re-check after " + suite.name() + " failed: " + failed.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return drift;
    }

    /** A directory of this run for mapped files: /dev/shm when present, the temp dir otherwise. */
    private static Path createShmDir() throws IOException {
        Path shm = Path.of("/dev/shm");
        String name = "mproc-bench-" + ProcessHandle.current().pid() + "-";
        return Files.isDirectory(shm) && Files.isWritable(shm)
            ? Files.createTempDirectory(shm, name) : Files.createTempDirectory(name);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
