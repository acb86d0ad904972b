package io.mproc.bench.plot;

import io.mproc.bench.result.PlotLink;
import io.mproc.bench.result.Results;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes the report's PNG plots next to it: the latency distribution of every channel (one
 * chart per suite and variant), throughput bars, and process-start and pool bars when the run
 * measured them. Drawing runs with AWT headless, each chart on a daemon thread with a time
 * limit: a machine that cannot draw (no font library, say) or a chart the library chokes on
 * loses that plot, never the report.
 */
public final class PlotWriter {

    /** Far more than a chart takes (well under a second). */
    private static final Duration CHART_LIMIT = Duration.ofSeconds(30);

    /** The plots written, and why any could not be (empty when all were). */
    public record Outcome(List<PlotLink> plots, List<String> problems) {
    }

    private PlotWriter() {
    }

    /** Draws every chart the run's figures and curves make into {@code dir}. */
    public static Outcome write(Path dir, Results results) {
        System.setProperty("java.awt.headless", "true");
        List<PlotLink> plots = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (LatencyChart chart : LatencyChart.of(results.curves())) {
            draw(chart.file(), chart.title(), () -> ChartRenderer.render(chart, dir.resolve(chart.file())), plots,
                problems);
        }
        for (BarChart chart : BarChart.of(results.all())) {
            draw(chart.file(), chart.title(), () -> ChartRenderer.render(chart, dir.resolve(chart.file())), plots,
                problems);
        }
        return new Outcome(List.copyOf(plots), List.copyOf(problems));
    }

    /** Draws one chart. */
    private interface Drawing {
        void draw() throws Exception;
    }

    private static void draw(String file, String title, Drawing drawing, List<PlotLink> plots, List<String> problems) {
        FutureTask<Void> task = new FutureTask<>(() -> {
            drawing.draw();
            return null;
        });
        Thread.ofPlatform().daemon().name("plot-" + file).start(task);
        try {
            task.get(CHART_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            plots.add(new PlotLink(file, title));
        } catch (ExecutionException failed) {
            problems.add("plot " + file + " not drawn: " + failed.getCause());
        } catch (TimeoutException stuck) {
            task.cancel(true);
            problems.add("plot " + file + " not drawn: still drawing after " + CHART_LIMIT.toSeconds() + " s");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            problems.add("plot " + file + " not drawn: interrupted");
        }
    }
}
