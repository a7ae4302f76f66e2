package org.plasticity.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class ChartExportTest {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

    private static XYChart chart() {
        return Charts.line("t", "x", "y", "s", new double[] {1, 2, 3}, new double[] {1, 4, 9});
    }

    @Test
    void pngFileIsAReadableImageOfTheChartSize(@TempDir Path dir) throws Exception {
        Path file = ChartExport.toPng(chart(), dir.resolve("sub/c.png"));
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(bytes, 4));
        BufferedImage img = ImageIO.read(file.toFile());
        assertEquals(ChartStyle.WIDTH, img.getWidth());
        assertEquals(ChartStyle.HEIGHT, img.getHeight());
        try (var s = Files.list(file.getParent())) {
            assertEquals(1, s.count(), "no temporary file left behind");
        }
    }

    @Test
    void base64DecodesToThePngBytes() {
        byte[] png = Base64.getDecoder().decode(ChartExport.pngBase64(chart()));
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(png, 4));
    }

    @Test
    void svgIsAnSvgDocumentWithTheTitle(@TempDir Path dir) throws Exception {
        String svg = ChartExport.svg(chart());
        assertTrue(svg.contains("<svg"), svg.substring(0, Math.min(200, svg.length())));
        Path file = ChartExport.toSvg(chart(), dir.resolve("c.svg"));
        assertEquals(svg, Files.readString(file));
    }

    @Test
    void unwritableTargetNamesTheFile(@TempDir Path dir) throws Exception {
        Path blocker = Files.writeString(dir.resolve("file"), "x");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> ChartExport.toPng(chart(), blocker.resolve("c.png")));
        assertTrue(e.getMessage().contains("c.png"), e.getMessage());
    }
}
