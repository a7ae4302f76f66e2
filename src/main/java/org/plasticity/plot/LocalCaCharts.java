package org.plasticity.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts of the LocalCA notebook (paper Figs. 2, 5, 10, 12 and the accuracy comparisons),
 * rendered off-screen: each builder returns a {@link BufferedImage} (shown as PNG by the kernels)
 * and {@link #save} writes one to a file. They are built on {@link Charts} and {@link ChartStyle}, so
 * they look like every other chart of the project (size, fonts, colours, legend under the plot).
 */
public final class LocalCaCharts {

    private LocalCaCharts() {
    }

    /**
     * Grouped bars with error bars: one group per category, one bar per series.
     *
     * @param title chart title
     * @param yLabel y axis label
     * @param categories category names (x axis)
     * @param series series name to [means per category, stds per category (may be null)]
     * @return the image
     */
    public static BufferedImage bars(String title, String yLabel, List<String> categories,
            Map<String, double[][]> series) {
        CategoryChart c = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(title)
                .yAxisTitle(yLabel).build();
        ChartStyle.apply(c.getStyler());
        c.getStyler().setLegendVisible(series.size() > 1);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.0);
        series.forEach((name, ms) -> {
            List<Double> m = new ArrayList<>();
            List<Double> e = new ArrayList<>();
            for (int i = 0; i < categories.size(); i++) {
                m.add(Double.isNaN(ms[0][i]) ? 0.0 : ms[0][i]);
                e.add(ms.length > 1 && ms[1] != null && !Double.isNaN(ms[1][i]) ? ms[1][i] : 0.0);
            }
            c.addSeries(name, categories, m, e);
        });
        return image(c);
    }

    /**
     * A heat map (paper Fig. 2: shunting − additive accuracy over inhibitory synapse count × broadcast).
     *
     * @param title chart title
     * @param xLabels column labels
     * @param yLabels row labels
     * @param values {@code values[row][column]}
     * @return the image
     */
    public static BufferedImage heatMap(String title, List<String> xLabels, List<String> yLabels, double[][] values) {
        HeatMapChart c = new HeatMapChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(title)
                .build();
        ChartStyle.apply(c.getStyler());
        c.getStyler().setRangeColors(HeatMaps.RAMP).setShowValue(true).setDrawBorder(false);
        c.getStyler().setLegendVisible(true);
        c.getStyler().setHeatMapValueDecimalPattern("0.###");
        List<Number[]> cells = new ArrayList<>();
        for (int r = 0; r < yLabels.size(); r++) {
            for (int k = 0; k < xLabels.size(); k++) {
                cells.add(new Number[] {k, r, Math.round(values[r][k] * 1000) / 1000.0});
            }
        }
        c.addSeries("Δ accuracy", xLabels, yLabels, cells);
        return image(c);
    }

    /**
     * Lines over an x axis (e.g. fidelity over epochs, accuracy vs HSIC weight).
     *
     * @param title chart title
     * @param xLabel x axis label
     * @param yLabel y axis label
     * @param x shared x values
     * @param lines name to y values
     * @return the image
     */
    public static BufferedImage lines(String title, String xLabel, String yLabel, double[] x, Map<String, double[]> lines) {
        XYChart c = Charts.line(title, xLabel, yLabel);
        lines.forEach((name, y) -> c.addSeries(name, x, y).setMarker(SeriesMarkers.CIRCLE));
        return image(c);
    }

    /** An ordered map builder for the series arguments: {@code series("a", v1, "b", v2)}. */
    public static <V> Map<String, V> series(Object... nameValuePairs) {
        Map<String, V> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            V v = (V) nameValuePairs[i + 1];
            m.put(String.valueOf(nameValuePairs[i]), v);
        }
        return m;
    }

    /** Writes an image as PNG. */
    public static Path save(BufferedImage image, Path file) {
        try {
            javax.imageio.ImageIO.write(image, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    private static BufferedImage image(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        return ChartExport.toImage(chart);
    }
}
