package io.mproc.bench.plot;

import io.mproc.bench.result.PercentileCurve;
import io.mproc.bench.result.Quantity;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Draws the bench's charts with XChart into PNG files; needs a headless AWT, nothing else.
 *
 * <p>Logarithmic axes are drawn as linear axes of {@code log10} of the values, each tick labelled
 * with the value it stands for ("1.0 µs", "99.9%"): XChart's own logarithmic axes cannot take
 * such labels, and its bars cannot start above zero on them. Labels must differ from tick to
 * tick (XChart 3.8 widens the grid until they do), which the values' own labels do.
 */
final class ChartRenderer {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 700;

    private ChartRenderer() {
    }

    static void render(LatencyChart spec, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(spec.title())
            .xAxisTitle("percentile (log scale of 1 / (1 - p))").yAxisTitle("latency (log scale)").build();
        chart.getStyler()
            .setxAxisTickLabelsFormattingFunction(exponent(LatencyChart::percentileLabel))
            .setyAxisTickLabelsFormattingFunction(exponent(ns -> Quantity.format(ns, "ns")))
            .setXAxisMin(0.0)
            .setLegendPosition(Styler.LegendPosition.OutsideE)
            .setMarkerSize(4);
        for (PercentileCurve curve : spec.curves()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            double previousX = 1;
            for (PercentileCurve.Point point : curve.points()) {
                // The maximum sits at N; never left of a point before it (few samples, deep tail).
                double at = Math.max(previousX, LatencyChart.oneIn(point.percentile(), curve.samples()));
                x.add(Math.log10(at));
                y.add(Math.log10(Math.max(1, point.value())));
                previousX = at;
            }
            XYSeries series = chart.addSeries(curve.subject(), x, y);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        }
        save(chart, file);
    }

    static void render(BarChart spec, Path file) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(spec.title())
            .yAxisTitle(spec.unit() + " (log scale)").build();
        double lowest = spec.bars().stream().mapToDouble(BarChart.Bar::value).min().orElseThrow();
        chart.getStyler()
            // Bars grow from the axis' minimum: the decade below the smallest bar.
            .setYAxisMin(Math.floor(Math.log10(lowest)))
            .setyAxisTickLabelsFormattingFunction(exponent(v -> Quantity.format(v, spec.unit())))
            .setXAxisLabelRotation(30)
            .setLegendPosition(Styler.LegendPosition.OutsideE);
        // Series that never share a category (mproc's channels, Python's queue) take the whole
        // width of their categories; series that do (the pool's tasks) stand side by side.
        chart.getStyler().setOverlapped(!spec.seriesShareACategory());
        List<String> categories = spec.categories();
        for (String series : spec.series()) {
            List<Double> values = new ArrayList<>();
            for (String category : categories) {
                Double value = spec.value(series, category);
                values.add(value == null ? null : Math.log10(value));
            }
            chart.addSeries(series, categories, values);
        }
        save(chart, file);
    }

    /** Labels for a linear axis of {@code log10} values: the label of {@code 10^v}. */
    static Function<Double, String> exponent(Function<Double, String> label) {
        return v -> label.apply(Math.pow(10, v));
    }

    private static void save(Chart<?, ?> chart, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
