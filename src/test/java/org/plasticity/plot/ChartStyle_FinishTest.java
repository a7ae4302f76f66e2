package org.plasticity.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The layout pass every export runs ({@link ChartStyle#finish}), checked on rendered images. */
class ChartStyle_FinishTest {

    private static final Color RED = new Color(255, 0, 0);

    @Test
    void aOnePointSeriesIsDrawnAsAMarker() {
        // Notebook 02's "test error per epoch" after one epoch: one point per series, no markers, log y.
        XYChart c = Charts.line("Test error per epoch", "epoch", "test error (%)");
        c.getStyler().setYAxisLogarithmic(true);
        c.addSeries("symmetric", new double[] {1}, new double[] {64.4}).setMarker(SeriesMarkers.NONE);
        c.addSeries("one-sided", new double[] {1}, new double[] {45.8}).setMarker(SeriesMarkers.NONE);
        BufferedImage img = ChartExport.toImage(c);
        // Above the legend (which also shows the series colours), the plot must show both colours.
        assertTrue(count(img, ChartStyle.SERIES_COLORS[0], 0, 0, img.getWidth(), img.getHeight() * 7 / 8) > 10,
                "the first series' point is not drawn");
        assertTrue(count(img, ChartStyle.SERIES_COLORS[1], 0, 0, img.getWidth(), img.getHeight() * 7 / 8) > 10,
                "the second series' point is not drawn");
    }

    @Test
    void aLogAxisWithinOneDecadeStillHasTickLabels() {
        // Full-profile test error: every value between 1 % and 10 %, so a log axis has no decade to label.
        XYChart c = Charts.line("Test error per epoch", "epoch", "test error (%)");
        c.getStyler().setYAxisLogarithmic(true);
        c.addSeries("symmetric", new double[] {1, 2, 3, 4}, new double[] {4.1, 2.9, 2.4, 2.2}).setMarker(SeriesMarkers.NONE);
        c.getStyler().setYAxisTickLabelsColor(RED);
        BufferedImage img = ChartExport.toImage(c);
        assertTrue(count(img, RED, 0, 0, img.getWidth() / 5, img.getHeight()) > 20, "no y tick labels drawn");
        assertFalse(c.getStyler().isYAxisLogarithmic(), "a log axis without a decade inside becomes linear");
    }

    @Test
    void aLogAxisOverSeveralDecadesStaysLogarithmic() {
        XYChart c = Charts.line("bias", "β", "error");
        c.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        c.addSeries("one-sided", new double[] {0.01, 0.1, 0.5}, new double[] {0.016, 0.16, 0.53});
        c.getStyler().setYAxisTickLabelsColor(RED);
        BufferedImage img = ChartExport.toImage(c);
        assertTrue(c.getStyler().isXAxisLogarithmic() && c.getStyler().isYAxisLogarithmic());
        assertTrue(count(img, RED, 0, 0, img.getWidth() / 5, img.getHeight()) > 5, "no y tick labels drawn");
    }

    @Test
    void aLegendTooWideForOneLineIsNeverCut() {
        // Notebook 02's GDU chart: six entries like "W1[120] BPTT" do not fit under a 640 px plot.
        XYChart c = Charts.line("GDU: W1", "step t of the nudged phase", "update");
        double[] t = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        for (int i : new int[] {120, 57, 82}) {
            c.addSeries("W1[" + i + "] BPTT", t, wave(t, i)).setMarker(SeriesMarkers.NONE);
            c.addSeries("W1[" + i + "] EP", t, wave(t, i + 1)).setMarker(SeriesMarkers.NONE);
        }
        BufferedImage img = ChartExport.toImage(c);
        assertEquals(0, count(img, null, img.getWidth() - 3, 0, img.getWidth(), img.getHeight()),
                "something runs off the right edge (a cut legend entry)");
        assertEquals(Styler.LegendPosition.OutsideE, c.getStyler().getLegendPosition());
        assertEquals("0.###", c.getStyler().getYAxisDecimalPattern(), "y labels like 0.05, not .05");
    }

    @Test
    void aLegendWithLongEntriesStacksThemUnderThePlot() {
        XYChart c = Charts.line("runs", "epoch", "accuracy");
        double[] t = {1, 2, 3};
        for (int i = 0; i < 3; i++) {
            c.addSeries("mnist-784-500-10-symmetric-bptt seed " + i + " (validation)", t, wave(t, i));
        }
        BufferedImage img = ChartExport.toImage(c);
        assertEquals(Styler.LegendLayout.Vertical, c.getStyler().getLegendLayout());
        assertEquals(Styler.LegendPosition.OutsideS, c.getStyler().getLegendPosition());
        assertEquals(0, count(img, null, img.getWidth() - 3, 0, img.getWidth(), img.getHeight()),
                "something runs off the right edge (a cut legend entry)");
    }

    @Test
    void aShortLegendStaysOnOneLineUnderThePlot() {
        XYChart c = Charts.line("loss", "epoch", "loss");
        c.addSeries("train", new double[] {1, 2}, new double[] {2, 1});
        c.addSeries("test", new double[] {1, 2}, new double[] {2.5, 1.5});
        ChartStyle.finish(c);
        assertEquals(Styler.LegendPosition.OutsideS, c.getStyler().getLegendPosition());
        assertEquals(Styler.LegendLayout.Horizontal, c.getStyler().getLegendLayout());
    }

    @Test
    void categoryLabelsThatWouldOverlapAreRotated() {
        // Notebook 05's rule-family chart: "5F scalar" and "5F local-mismatch" ran into each other.
        List<String> categories = List.of("3F", "4F", "5F", "5F scalar", "5F local-mismatch");
        CategoryChart c = Charts.bars("Rule family and broadcast mode", "rule", "test accuracy");
        c.addSeries("mnist ours", categories, List.of(0.97, 0.97, 0.97, 0.89, 0.76));
        c.addSeries("mnist paper", categories, List.of(0.62, 0.63, 0.92, 0.89, 0.20));
        c.addSeries("context-gating ours", categories, List.of(0.89, 0.90, 0.89, 0.66, 0.53));
        c.addSeries("context-gating paper", categories, List.of(0.40, 0.41, 0.79, 0.70, 0.11));
        BufferedImage img = ChartExport.toImage(c);
        assertNotEquals(0, c.getStyler().getXAxisLabelRotation(), "long category labels must be rotated");
        assertTrue(count(img, null, 0, 0, img.getWidth(), img.getHeight()) > 5000, "the chart is blank");
        assertEquals(0, count(img, null, img.getWidth() - 3, 0, img.getWidth(), img.getHeight()));

        CategoryChart digits = Charts.bar("digits", "digit", "images",
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), new double[] {5, 6, 5, 6, 5, 5, 5, 6, 5, 5});
        ChartStyle.finish(digits);
        assertEquals(0, digits.getStyler().getXAxisLabelRotation(), "short labels stay horizontal");
    }

    @Test
    void labelRotationKeepsNeighboursApart() {
        assertEquals(0, ChartFinish.labelRotation(40, 14, 100));
        assertEquals(45, ChartFinish.labelRotation(120, 14, 100));
        assertEquals(90, ChartFinish.labelRotation(120, 14, 20));
    }

    @Test
    void finishIsIdempotent() {
        XYChart c = Charts.line("t", "x", "y", "s", new double[] {1}, new double[] {3});
        ChartStyle.finish(c);
        String before = c.getStyler().getYAxisDecimalPattern() + c.getStyler().getLegendPosition()
                + c.getSeriesMap().get("s").getMarker();
        ChartStyle.finish(c);
        assertEquals(before, c.getStyler().getYAxisDecimalPattern() + c.getStyler().getLegendPosition()
                + c.getSeriesMap().get("s").getMarker());
    }

    private static double[] wave(double[] t, int seed) {
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            y[i] = 0.17 * Math.cos(t[i] + seed) * Math.exp(-0.3 * t[i]);
        }
        return y;
    }

    /** Pixels in [x0, x1) × [y0, y1) close to {@code colour} (any non-white pixel when null). */
    static int count(BufferedImage img, Color colour, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                Color p = new Color(img.getRGB(x, y));
                boolean hit = colour == null ? p.getRed() + p.getGreen() + p.getBlue() < 3 * 235
                        : Math.abs(p.getRed() - colour.getRed()) + Math.abs(p.getGreen() - colour.getGreen())
                                + Math.abs(p.getBlue() - colour.getBlue()) < 60;
                n += hit ? 1 : 0;
            }
        }
        return n;
    }
}
