package io.mproc.bench.plot;

import io.mproc.bench.result.Figure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One bar chart of figures in one unit: one bar per category and series (mproc's figure and
 * Python's beside it, say), on a logarithmic scale, since the peers differ by orders of
 * magnitude. Each chart exists only if the run measured what it shows.
 */
record BarChart(String file, String title, String unit, List<Bar> bars) {

    /** One bar: {@code series} names the colour, {@code category} the place on the axis. */
    record Bar(String category, String series, double value) {
    }

    BarChart {
        bars = List.copyOf(bars);
    }

    static final String MPROC = "mproc";
    static final String OTHERS = "floors and other libraries";
    static final String PYTHON = "Python multiprocessing";

    /** Throughput, process start and the pool's figures, each as a chart if the run has them. */
    static List<BarChart> of(List<Figure> figures) {
        List<BarChart> charts = new ArrayList<>();
        throughput(figures).ifPresent(charts::add);
        start(figures).ifPresent(charts::add);
        pool(figures, "tasks_per_s", "pool-throughput.png", "Pool throughput (tasks/s)").ifPresent(charts::add);
        pool(figures, "rtt_median", "pool-apply.png", "Pool.apply round trip, median").ifPresent(charts::add);
        return charts;
    }

    /** One-way messages per second of every stream, fastest first; Python's Queue among them. */
    private static Optional<BarChart> throughput(List<Figure> figures) {
        List<Bar> bars = new ArrayList<>();
        figures.stream().filter(f -> f.suite().equals("throughput") && f.metric().equals("msgs_per_s"))
            .forEach(f -> bars.add(new Bar(f.subject(), seriesOf(f), f.value())));
        figures.stream().filter(f -> f.suite().equals("python") && f.metric().equals("msgs_per_s"))
            .forEach(f -> bars.add(new Bar("python-" + f.subject(), PYTHON, f.value())));
        bars.sort(Comparator.comparingDouble(Bar::value).reversed());
        return chart("throughput.png", "One-way throughput, 8-byte messages (msgs/s)", "msgs/s", bars);
    }

    /**
     * Process start: the JVM start floor, mproc's children, Python's fork and spawn. Drawn only
     * when something beyond the floor was measured.
     */
    private static Optional<BarChart> start(List<Figure> figures) {
        List<Bar> bars = new ArrayList<>();
        for (Figure f : figures) {
            if (!f.metric().equals("start_median")) {
                continue;
            }
            switch (f.suite()) {
                case "floors" -> bars.add(new Bar(f.subject(), OTHERS, f.value()));
                case "start" -> bars.add(new Bar(f.subject(), f.subject().startsWith("child") ? MPROC : OTHERS,
                    f.value()));
                case "python" -> bars.add(new Bar("python-" + f.subject(), PYTHON, f.value()));
                default -> { }
            }
        }
        boolean beyondFloor = figures.stream().anyMatch(f -> f.metric().equals("start_median")
            && (f.suite().equals("start") || f.suite().equals("python")));
        return beyondFloor ? chart("start.png", "Process start, median (ms)", "ms", bars) : Optional.empty();
    }

    /**
     * The pool's {@code metric}: mproc's {@code pool} suite and Python's {@code pool-*}
     * subjects side by side, by the task ({@code apply}, {@code map-square-2-workers}, ...).
     */
    private static Optional<BarChart> pool(List<Figure> figures, String metric, String file, String title) {
        List<Bar> bars = new ArrayList<>();
        Predicate<Figure> measured = f -> f.metric().equals(metric);
        figures.stream().filter(measured.and(f -> f.suite().equals("pool")))
            .forEach(f -> bars.add(new Bar(f.subject(), MPROC, f.value())));
        figures.stream().filter(measured.and(f -> f.suite().equals("python") && f.subject().startsWith("pool-")))
            .forEach(f -> bars.add(new Bar(f.subject().substring("pool-".length()), PYTHON, f.value())));
        String unit = bars.isEmpty() ? "" : unitOf(figures, metric);
        return chart(file, title, unit, bars);
    }

    /** mproc's own channels apart from the floors and the other libraries they are measured against. */
    private static String seriesOf(Figure f) {
        return f.subject().startsWith("mproc-") ? MPROC : OTHERS;
    }

    private static String unitOf(List<Figure> figures, String metric) {
        return figures.stream().filter(f -> f.metric().equals(metric)).map(Figure::unit).findFirst().orElse("");
    }

    private static Optional<BarChart> chart(String file, String title, String unit, List<Bar> bars) {
        List<Bar> positive = bars.stream().filter(b -> b.value() > 0 && Double.isFinite(b.value())).toList();
        return positive.isEmpty() ? Optional.empty() : Optional.of(new BarChart(file, title, unit, positive));
    }

    /** The categories in the order of their first bar. */
    List<String> categories() {
        return bars.stream().map(Bar::category).distinct().toList();
    }

    /** The series in the order of their first bar. */
    List<String> series() {
        return bars.stream().map(Bar::series).distinct().toList();
    }

    /** Whether some category has a bar of more than one series. */
    boolean seriesShareACategory() {
        return categories().stream().anyMatch(c -> bars.stream().filter(b -> b.category().equals(c)).count() > 1);
    }

    /** The value of {@code series} at {@code category}, or null where that series has no bar. */
    Double value(String series, String category) {
        return bars.stream().filter(b -> b.series().equals(series) && b.category().equals(category))
            .map(Bar::value).findFirst().orElse(null);
    }
}
