package org.plasticity.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;

/** Fills an XChart heat map from a matrix so that it reads like an image (row 0 on top). */
final class HeatMaps {

    /** A perceptually ordered dark-blue → teal → yellow ramp (viridis-like). */
    static final Color[] RAMP = {
        new Color(68, 1, 84), new Color(59, 82, 139), new Color(33, 145, 140), new Color(94, 201, 98),
        new Color(253, 231, 37)
    };

    private HeatMaps() {
    }

    static void fill(HeatMapChart chart, double[][] values) {
        if (values.length == 0 || values[0].length == 0) {
            throw new IllegalArgumentException("heat map needs a non-empty matrix");
        }
        int rows = values.length;
        int cols = values[0].length;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        List<Number[]> cells = new ArrayList<>(rows * cols);
        for (int r = 0; r < rows; r++) {
            if (values[r].length != cols) {
                throw new IllegalArgumentException("heat map needs a rectangular matrix: row 0 has " + cols
                        + " columns, row " + r + " has " + values[r].length);
            }
            for (int c = 0; c < cols; c++) {
                double v = values[r][c];
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                // XChart's y categories grow upwards: flip so that row 0 is drawn at the top.
                cells.add(new Number[] {c, rows - 1 - r, v});
            }
        }
        if (min > max) {
            throw new IllegalArgumentException("heat map needs at least one finite value");
        }
        if (min == max) {
            max = min + 1;
        }
        // XChart prints the colour scale's ends unformatted: round them outwards to ~3 digits.
        double step = Math.pow(10, Math.floor(Math.log10(max - min)) - 2);
        min = Math.floor(min / step) * step;
        max = Math.ceil(max / step) * step;
        min = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.10g", min));
        max = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.10g", max));
        List<Integer> xs = new ArrayList<>(cols);
        for (int c = 0; c < cols; c++) {
            xs.add(c);
        }
        List<Integer> ys = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            ys.add(rows - 1 - r);
        }
        chart.getStyler().setRangeColors(RAMP).setMin(min).setMax(max).setShowValue(false).setDrawBorder(false);
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.getStyler().setHeatMapValueDecimalPattern(ChartStyle.decimalPattern(max - min));
        chart.getStyler().setPlotContentSize(1.0);
        // XChart labels every heat-map category: turn crowded column labels, hide unreadable ones.
        chart.getStyler().setXAxisLabelRotation(cols > 16 ? 90 : 0);
        chart.getStyler().setXAxisTicksVisible(cols <= 64);
        chart.getStyler().setYAxisTicksVisible(rows <= 40);
        chart.addSeries("value", xs, ys, cells);
    }
}
