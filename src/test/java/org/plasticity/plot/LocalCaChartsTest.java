package org.plasticity.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LocalCA charts render at the project's chart size with its white background. */
class LocalCaChartsTest {

    private static void assertProjectLook(BufferedImage img) {
        assertEquals(ChartStyle.WIDTH, img.getWidth());
        assertEquals(ChartStyle.HEIGHT, img.getHeight());
        // ChartStyle paints the chart background white (XChart's default theme does not)
        assertEquals(0xFFFFFF, img.getRGB(2, 2) & 0xFFFFFF);
        assertEquals(0xFFFFFF, img.getRGB(img.getWidth() - 3, img.getHeight() / 2) & 0xFFFFFF);
    }

    @Test
    void barsHeatMapAndLinesUseTheSharedStyle(@TempDir Path dir) throws Exception {
        BufferedImage bars = LocalCaCharts.bars("rules", "test accuracy", List.of("3F", "5F"),
                LocalCaCharts.series("per-soma", new double[][] {{0.8, 0.9}, {0.01, 0.02}}, "scalar",
                        new double[][] {{0.7, Double.NaN}, null}));
        BufferedImage heat = LocalCaCharts.heatMap("Δ", List.of("a", "b", "c"), List.of("K_I 0", "K_I 5"),
                new double[][] {{0.1, -0.2, 0.0}, {0.05, 0.3, -0.1}});
        BufferedImage lines = LocalCaCharts.lines("fidelity", "epoch", "cosine", new double[] {1, 2, 3},
                LocalCaCharts.series("shunting", new double[] {0.1, 0.2, 0.25}));
        for (BufferedImage img : List.of(bars, heat, lines)) {
            assertProjectLook(img);
        }
        Path png = LocalCaCharts.save(lines, dir.resolve("lines.png"));
        assertTrue(Files.size(png) > 1000);
    }
}
