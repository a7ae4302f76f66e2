package org.plasticity.plot;

import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.plasticity.train.TrainingRun;

/**
 * Factories for the standard charts, styled alike ({@link ChartStyle}), with titled axes. They
 * return plain XChart objects: add series with XChart's own API, show them in a notebook (the
 * kernel extension renders them as PNG) or save them with {@link ChartExport} in JShell.
 *
 * <pre>{@code
 * XYChart c = Charts.line("Loss", "epoch", "loss", "train", epochs, loss);
 * ChartExport.toPng(c, Path.of("loss.png"));
 * }</pre>
 *
 * <p>Domain plots (EP, LocalCA, ...) live in their own classes of this package and reuse
 * {@link ChartStyle}.
 */
public final class Charts {

    private Charts() {
    }

    /**
     * An empty line chart with titled axes.
     *
     * @param title chart title
     * @param xTitle x axis title
     * @param yTitle y axis title
     * @return the chart, ready for {@code addSeries}
     */
    public static XYChart line(String title, String xTitle, String yTitle) {
        return line(title, xTitle, yTitle, ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    /**
     * An empty line chart of a given size (XChart fixes the size at construction).
     *
     * @param title chart title
     * @param xTitle x axis title
     * @param yTitle y axis title
     * @param width width in pixels (at least 50)
     * @param height height in pixels (at least 50)
     * @return the chart, ready for {@code addSeries}
     */
    public static XYChart line(String title, String xTitle, String yTitle, int width, int height) {
        if (width < 50 || height < 50) {
            throw new IllegalArgumentException("chart size must be at least 50x50, got " + width + "x" + height);
        }
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title == null ? "" : title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setMarkerSize(5);
        return chart;
    }

    /**
     * A line chart with one series.
     *
     * @param title chart title
     * @param xTitle x axis title
     * @param yTitle y axis title
     * @param series series name (legend)
     * @param x x values
     * @param y y values, as many as {@code x}
     * @return the chart
     */
    public static XYChart line(String title, String xTitle, String yTitle, String series, double[] x, double[] y) {
        requireSameLength(x, y);
        XYChart chart = line(title, xTitle, yTitle);
        chart.addSeries(series, x, y);
        return chart;
    }

    /**
     * A scatter chart with one series.
     *
     * @param title chart title
     * @param xTitle x axis title
     * @param yTitle y axis title
     * @param series series name (legend)
     * @param x x values
     * @param y y values, as many as {@code x}
     * @return the chart
     */
    public static XYChart scatter(String title, String xTitle, String yTitle, String series, double[] x, double[] y) {
        requireSameLength(x, y);
        XYChart chart = line(title, xTitle, yTitle);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.addSeries(series, x, y).setMarker(SeriesMarkers.CIRCLE);
        return chart;
    }

    /**
     * An empty bar chart for grouped bars: add one series per group member with XChart's
     * {@code addSeries(name, categories, values)} or {@code addSeries(name, categories, values, errors)}
     * (error bars); the legend names the series.
     *
     * @param title chart title
     * @param xTitle category axis title
     * @param yTitle value axis title
     * @return the chart, ready for {@code addSeries}
     */
    public static CategoryChart bars(String title, String xTitle, String yTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title(title == null ? "" : title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setOverlapped(false);
        return chart;
    }

    /**
     * A bar chart of one value per category.
     *
     * @param title chart title
     * @param xTitle category axis title
     * @param yTitle value axis title
     * @param categories category labels
     * @param values one value per category
     * @return the chart
     */
    public static CategoryChart bar(String title, String xTitle, String yTitle, List<String> categories,
            double[] values) {
        if (categories.size() != values.length) {
            throw new IllegalArgumentException("bar chart needs one value per category: " + categories.size()
                    + " categories, " + values.length + " values");
        }
        if (values.length == 0) {
            throw new IllegalArgumentException("bar chart needs at least one category");
        }
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.addSeries(yTitle, categories, Arrays.stream(values).boxed().toList());
        return chart;
    }

    /**
     * A histogram drawn as a step area over the bin edges, so the x axis stays numeric.
     *
     * @param title chart title
     * @param xTitle value axis title (the y axis is "count")
     * @param values the sample (non-finite values are ignored)
     * @param bins number of equal-width bins between the sample's min and max
     * @return the chart
     */
    public static XYChart histogram(String title, String xTitle, double[] values, int bins) {
        Histogram h = Histogram.of(values, bins);
        XYChart chart = line(title, xTitle, "count");
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisDecimalPattern(ChartStyle.decimalPattern(h.edges()[bins] - h.edges()[0]));
        chart.addSeries("count", h.stepX(), h.stepY()).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea)
                .setMarker(SeriesMarkers.NONE);
        return chart;
    }

    /**
     * A heat map of a matrix, drawn as an image: row 0 at the top, column 0 at the left.
     *
     * @param title chart title
     * @param xTitle column axis title
     * @param yTitle row axis title
     * @param values {@code values[row][column]}, a non-empty rectangular matrix
     * @return the chart
     */
    public static HeatMapChart heatmap(String title, String xTitle, String yTitle, double[][] values) {
        HeatMapChart chart = new HeatMapChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        ChartStyle.apply(chart.getStyler());
        HeatMaps.fill(chart, values);
        return chart;
    }

    /**
     * Accuracy (in %) per epoch of one or more runs: train, validation (when present) and test.
     * With several runs, series are labelled by seed (or by model when the models differ).
     *
     * @param runs finished runs, at least one, each with at least one epoch
     * @return the chart
     */
    public static XYChart learningCurves(TrainingRun... runs) {
        return LearningCurves.accuracy(runs, ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    /**
     * Loss per epoch of one or more runs: train, validation and test (where present).
     *
     * @param runs finished runs, at least one, each with at least one epoch
     * @return the chart
     */
    public static XYChart lossCurves(TrainingRun... runs) {
        return LearningCurves.loss(runs, ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    private static void requireSameLength(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must have the same length, got " + x.length + " and "
                    + y.length);
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("a series needs at least one point");
        }
    }
}
