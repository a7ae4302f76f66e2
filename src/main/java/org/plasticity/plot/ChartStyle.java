package org.plasticity.plot;

import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * The one look of the project's charts: white background, light grid, legend under the plot,
 * readable fonts at notebook size. Applied by every factory in {@link Charts}; domain plots
 * call {@link #apply(AxesChartStyler)} on the charts they build. {@link ChartExport} calls
 * {@link #finish(Chart)} before drawing, so every exported or displayed chart also gets the
 * data-dependent layout fixes.
 */
public final class ChartStyle {

    /** Default chart width in pixels. */
    public static final int WIDTH = 640;
    /** Default chart height in pixels. */
    public static final int HEIGHT = 400;

    /** Series colours (colour-blind safe, Okabe–Ito order). */
    static final Color[] SERIES_COLORS = {
        new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115), new Color(204, 121, 167),
        new Color(230, 159, 0), new Color(86, 180, 233), new Color(120, 120, 120), new Color(240, 228, 66)
    };

    private ChartStyle() {
    }

    /**
     * Applies the project style to an axes chart's styler.
     *
     * @param styler the chart's styler
     */
    public static void apply(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setPlotGridLinesColor(new Color(225, 225, 225));
        styler.setChartTitleBoxVisible(false);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setSeriesColors(SERIES_COLORS);
        styler.setAntiAlias(true);
        styler.setToolTipsEnabled(false);
    }

    /**
     * The layout pass that needs the data, run by {@link ChartExport} before every drawing (so
     * notebook displays get it too); idempotent. Series with fewer than two finite neighbouring
     * points get circle markers (otherwise a one-epoch curve draws nothing); a logarithmic axis
     * whose data contain no power of ten becomes linear (XChart labels only decades, so it would
     * show no tick labels); axes without a decimal pattern get one fitted to their range; a
     * legend under the plot that would not fit on one line moves to the right of the plot, or,
     * when its entries are long, stacks them under the plot, so no entry is cut; category labels
     * wider than their slot are rotated 45° or 90° so they never overlap.
     *
     * @param chart an XY or category chart (other kinds are left as they are)
     * @param <C> the chart type
     * @return {@code chart}
     */
    public static <C extends Chart<?, ?>> C finish(C chart) {
        ChartFinish.finish(chart);
        return chart;
    }

    /**
     * A decimal pattern with about three significant digits for values spread over {@code range}.
     *
     * @param range max − min of the values on an axis
     * @return a {@link java.text.DecimalFormat} pattern such as {@code 0.##}
     */
    public static String decimalPattern(double range) {
        if (!(range > 0) || !Double.isFinite(range)) {
            return "0.###";
        }
        int decimals = Math.max(0, Math.min(8, 2 - (int) Math.floor(Math.log10(range))));
        return decimals == 0 ? "0" : "0." + "#".repeat(decimals);
    }

    @Override
    public String toString() {
        return "ChartStyle[" + WIDTH + "x" + HEIGHT + "]";
    }
}
