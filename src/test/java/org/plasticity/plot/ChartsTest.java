package org.plasticity.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;

class ChartsTest {

    @Test
    void lineChartHasTitledAxesAndTheSeries() {
        XYChart c = Charts.line("Loss", "epoch", "loss", "train", new double[] {1, 2, 3}, new double[] {3, 2, 1});
        assertEquals("Loss", c.getTitle());
        assertEquals("epoch", c.getXAxisTitle());
        assertEquals("loss", c.getYAxisTitle());
        assertEquals(List.of("train"), List.copyOf(c.getSeriesMap().keySet()));
        assertEquals(ChartStyle.WIDTH, c.getWidth());
    }

    @Test
    void mismatchedSeriesAreRejectedWithBothLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Charts.scatter("s", "x", "y", "a", new double[] {1, 2}, new double[] {1}));
        assertTrue(e.getMessage().contains("2 and 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Charts.bar("b", "x", "y", List.of("a"), new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> Charts.line("l", "x", "y", 10, 400));
    }

    @Test
    void barChartHasOneBarPerCategory() {
        CategoryChart c = Charts.bar("b", "class", "count", List.of("a", "b", "c"), new double[] {1, 2, 3});
        assertEquals(3, c.getSeriesMap().values().iterator().next().getXData().size());
    }

    @Test
    void histogramCountsEveryFiniteValueOnce() {
        double[] v = {0, 0.1, 0.2, 0.5, 0.9, 1.0, Double.NaN, Double.POSITIVE_INFINITY};
        Histogram h = Histogram.of(v, 4);
        assertArrayEquals(new long[] {3, 0, 1, 2}, h.counts());
        assertEquals(0.0, h.edges()[0]);
        assertEquals(1.0, h.edges()[4]);
        assertEquals(h.edges().length + 1, h.stepX().length);
        assertEquals(0.0, h.stepY()[h.stepY().length - 1]);
        XYChart c = Charts.histogram("h", "value", v, 4);
        assertEquals("count", c.getYAxisTitle());
        assertThrows(IllegalArgumentException.class, () -> Histogram.of(new double[] {Double.NaN}, 3));
        assertThrows(IllegalArgumentException.class, () -> Histogram.of(new double[] {1}, 0));
    }

    @Test
    void heatmapDrawsRowZeroAtTheTop() {
        // Row 0 is hot, the rest cold: the top half of the plot must be brighter than the bottom.
        double[][] m = new double[4][3];
        m[0] = new double[] {1, 1, 1};
        HeatMapChart c = Charts.heatmap("h", "col", "row", m);
        c.getStyler().setLegendVisible(false);
        c.getStyler().setChartTitleVisible(false);
        BufferedImage img = ChartExport.toImage(c);
        int x = img.getWidth() / 2;
        double top = brightness(img, x, (int) (img.getHeight() * 0.15));
        double bottom = brightness(img, x, (int) (img.getHeight() * 0.70));
        assertTrue(top > bottom + 100, "top " + top + " should be much brighter than bottom " + bottom);
        assertThrows(IllegalArgumentException.class, () -> Charts.heatmap("h", "x", "y", new double[][] {{1, 2}, {3}}));
    }

    private static double brightness(BufferedImage img, int x, int y) {
        int rgb = img.getRGB(x, y);
        return ((rgb >> 16) & 255) + ((rgb >> 8) & 255) + (rgb & 255);
    }

    @Test
    void decimalPatternFollowsTheRange() {
        assertEquals("0", ChartStyle.decimalPattern(500));
        assertEquals("0.##", ChartStyle.decimalPattern(8));
        assertEquals("0.#####", ChartStyle.decimalPattern(0.002));
        assertEquals("0.###", ChartStyle.decimalPattern(0));
    }
}
