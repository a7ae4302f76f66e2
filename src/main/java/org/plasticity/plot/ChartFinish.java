package org.plasticity.plot;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.series.Series;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.None;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The last layout pass before a chart is drawn ({@link ChartStyle#finish}): fixes what only shows
 * once the data are in. Series with fewer than two finite points get markers (a line needs two
 * points); a logarithmic axis whose data span no power of ten turns linear (XChart labels only the
 * decades, so it would have no tick labels); linear axes get a decimal pattern fitted to their
 * range; a legend under the plot that does not fit on one line moves beside the plot (short
 * entries) or stacks its entries under it (long ones); category labels that would overlap are
 * rotated.
 */
final class ChartFinish {

    /** Horizontal room a legend entry takes beyond its text: line sample and paddings (XChart defaults). */
    private static final int LEGEND_ENTRY_EXTRA = 44;
    /** Room XChart keeps for the y axis (ticks, labels, title) when we estimate the plot width. */
    private static final int Y_AXIS_ROOM = 80;

    private ChartFinish() {
    }

    static void finish(Chart<?, ?> chart) {
        if (chart instanceof XYChart xy) {
            finishXy(xy);
        } else if (chart instanceof CategoryChart cc) {
            finishCategory(cc);
        }
    }

    private static void finishXy(XYChart chart) {
        AxesChartStyler styler = chart.getStyler();
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (XYSeries s : chart.getSeriesMap().values()) {
            xs.add(s.getXData());
            ys.add(s.getYData());
            if (isolatedPoints(s.getXData(), s.getYData()) && (s.getMarker() == null || s.getMarker() instanceof None)) {
                s.setMarker(SeriesMarkers.CIRCLE);
                styler.setMarkerSize(Math.max(styler.getMarkerSize(), 8));
            }
        }
        double[] xr = range(xs, styler.isXAxisLogarithmic());
        double[] yr = range(ys, styler.isYAxisLogarithmic());
        if (styler.isXAxisLogarithmic() && !spansPowerOfTen(xr)) {
            styler.setXAxisLogarithmic(false);
            xr = range(xs, false);
        }
        if (styler.isYAxisLogarithmic() && !spansPowerOfTen(yr)) {
            styler.setYAxisLogarithmic(false);
            yr = range(ys, false);
        }
        if (!styler.isXAxisLogarithmic() && styler.getXAxisDecimalPattern() == null && xr != null) {
            styler.setXAxisDecimalPattern(pattern(xr));
        }
        if (!styler.isYAxisLogarithmic() && styler.getYAxisDecimalPattern() == null && yr != null) {
            styler.setYAxisDecimalPattern(pattern(yr));
        }
        fitLegend(chart, styler, names(chart));
    }

    private static void finishCategory(CategoryChart chart) {
        AxesChartStyler styler = chart.getStyler();
        List<String> labels = new ArrayList<>();
        for (CategorySeries s : chart.getSeriesMap().values()) {
            for (Object o : s.getXData()) {
                String l = String.valueOf(o);
                if (!labels.contains(l)) {
                    labels.add(l);
                }
            }
        }
        List<double[]> ys = new ArrayList<>();
        for (CategorySeries s : chart.getSeriesMap().values()) {
            ys.add(s.getYData().stream().mapToDouble(n -> n == null ? Double.NaN : n.doubleValue()).toArray());
        }
        double[] yr = range(ys, false);
        if (styler.getYAxisDecimalPattern() == null && yr != null) {
            styler.setYAxisDecimalPattern(pattern(new double[] {Math.min(0, yr[0]), Math.max(0, yr[1])}));
        }
        fitLegend(chart, styler, names(chart));
        if (labels.isEmpty() || styler.getXAxisLabelRotation() != 0) {
            return;
        }
        FontMetrics fm = metrics(styler.getAxisTickLabelsFont());
        int widest = labels.stream().mapToInt(fm::stringWidth).max().orElse(0);
        double slot = plotWidth(chart, styler) / (double) labels.size();
        styler.setXAxisLabelRotation(labelRotation(widest, fm.getHeight(), slot));
    }

    /**
     * The rotation (degrees) that keeps category labels apart: 0 when the widest fits its slot,
     * 45 when slanted labels of this height are far enough apart, else 90.
     */
    static int labelRotation(int widestLabel, int labelHeight, double slot) {
        if (widestLabel <= 0.9 * slot) {
            return 0;
        }
        // Slanted labels are parallel strips: their perpendicular distance is slot · sin 45°.
        return slot * Math.sqrt(0.5) >= 1.3 * labelHeight ? 45 : 90;
    }

    private static void fitLegend(Chart<?, ?> chart, Styler styler, List<String> names) {
        if (!styler.isLegendVisible() || names.isEmpty() || styler.getLegendPosition() != Styler.LegendPosition.OutsideS
                || styler.getLegendLayout() != Styler.LegendLayout.Horizontal) {
            return;
        }
        FontMetrics fm = metrics(styler.getLegendFont());
        int total = 0;
        int widest = 0;
        for (String n : names) {
            int w = fm.stringWidth(n) + LEGEND_ENTRY_EXTRA;
            total += w;
            widest = Math.max(widest, w);
        }
        if (total <= chart.getWidth() - 2 * styler.getChartPadding()) {
            return;
        }
        styler.setLegendLayout(Styler.LegendLayout.Vertical);
        styler.setLegendPosition(widest <= 0.3 * chart.getWidth() ? Styler.LegendPosition.OutsideE
                : Styler.LegendPosition.OutsideS);
    }

    private static double plotWidth(Chart<?, ?> chart, Styler styler) {
        double w = chart.getWidth() - Y_AXIS_ROOM - 2 * styler.getChartPadding();
        if (styler.isLegendVisible() && styler.getLegendPosition() == Styler.LegendPosition.OutsideE) {
            FontMetrics fm = metrics(styler.getLegendFont());
            w -= names(chart).stream().mapToInt(fm::stringWidth).max().orElse(0) + LEGEND_ENTRY_EXTRA;
        }
        return Math.max(50, w);
    }

    private static List<String> names(Chart<?, ?> chart) {
        List<String> out = new ArrayList<>();
        for (Object s : seriesOf(chart)) {
            Series series = (Series) s;
            if (series.isShowInLegend()) {
                out.add(series.getName());
            }
        }
        return out;
    }

    private static Iterable<?> seriesOf(Chart<?, ?> chart) {
        if (chart instanceof XYChart xy) {
            return xy.getSeriesMap().values();
        }
        if (chart instanceof CategoryChart cc) {
            return cc.getSeriesMap().values();
        }
        return List.of();
    }

    /** Whether no two consecutive points are both finite (so no line segment can be drawn). */
    static boolean isolatedPoints(double[] x, double[] y) {
        for (int i = 1; i < y.length; i++) {
            if (finite(x, y, i) && finite(x, y, i - 1)) {
                return false;
            }
        }
        return true;
    }

    private static boolean finite(double[] x, double[] y, int i) {
        return Double.isFinite(y[i]) && (x == null || Double.isFinite(x[i]));
    }

    /** [min, max] of the finite values (positive only for a log axis), or null when there are none. */
    private static double[] range(List<double[]> data, boolean positiveOnly) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] d : data) {
            if (d == null) {
                continue;
            }
            for (double v : d) {
                if (Double.isFinite(v) && (!positiveOnly || v > 0)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo <= hi ? new double[] {lo, hi} : null;
    }

    /** Whether some 10^n lies in [min, max] (XChart's logarithmic axes label only those). */
    static boolean spansPowerOfTen(double[] range) {
        if (range == null) {
            return true;
        }
        double lo = Math.log10(range[0]);
        double hi = Math.log10(range[1]);
        return Math.floor(hi + 1e-9) >= Math.ceil(lo - 1e-9);
    }

    private static String pattern(double[] range) {
        double span = range[1] - range[0];
        if (!(span > 0)) {
            span = Math.max(Math.abs(range[0]), 1e-12);
        }
        return ChartStyle.decimalPattern(span);
    }

    private static FontMetrics metrics(Font font) {
        BufferedImage img = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            return g.getFontMetrics(font);
        } finally {
            g.dispose();
        }
    }
}
