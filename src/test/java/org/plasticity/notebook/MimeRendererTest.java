package org.plasticity.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plasticity.display.Displayable;
import org.plasticity.train.TrainingProgress;
import org.plasticity.train.TrainingRun;

class MimeRendererTest {

    private static void assertPng(String base64) {
        byte[] png = Base64.getDecoder().decode(base64);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
    }

    @Test
    void plainImagesAreRenderedAsPngAndResultRowsAsAOneRowTable() throws Exception {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(32, 16, java.awt.image.BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 4, 0xff0000);
        MimeBundle b = MimeRenderer.render(img).orElseThrow();
        java.awt.image.BufferedImage back = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                Base64.getDecoder().decode(b.get(MimeBundle.PNG))));
        assertEquals(32, back.getWidth());
        assertEquals(0xff0000, back.getRGB(3, 4) & 0xffffff);
        assertEquals("image 32×16 px", b.text());
        assertEquals("image 32×16 px", MimeRenderer.text(img));
        org.plasticity.results.ReproductionRow row = new org.plasticity.results.ReproductionRow("ep-standard",
                "mnist-test-row", "mnist", "test_accuracy", 0.97, Double.NaN, 0.96, 0.01, 2,
                org.plasticity.results.Profile.SMOKE, org.plasticity.results.Status.REPRODUCED, 2, 3.0, "abc", "");
        MimeBundle r = MimeRenderer.render(row).orElseThrow();
        assertTrue(r.get(MimeBundle.HTML).contains("mnist-test-row") && r.get(MimeBundle.HTML).contains("<table"),
                r.get(MimeBundle.HTML));
        assertEquals(row.toString(), r.text());
    }

    @Test
    void tableBecomesHtmlAndText() {
        MimeBundle b = MimeRenderer.render(Fixtures.table()).orElseThrow();
        assertEquals(List.of(MimeBundle.HTML, MimeBundle.TEXT), List.copyOf(b.data().keySet()));
        assertTrue(b.get(MimeBundle.HTML).contains("<table") && b.get(MimeBundle.HTML).contains("0.925"));
        assertTrue(b.text().startsWith("scores (2 rows × 2 columns)"), b.text());
    }

    @Test
    void chartBecomesPngAndSvgOnlyWhenEnabled() {
        MimeBundle b = MimeRenderer.render(Fixtures.chart()).orElseThrow();
        assertPng(b.get(MimeBundle.PNG));
        assertFalse(b.has(MimeBundle.SVG));
        assertTrue(b.text().contains("XYChart \"curve\""), b.text());
        ChartBundles.setSvgEnabled(true);
        try {
            assertTrue(MimeRenderer.render(Fixtures.chart()).orElseThrow().get(MimeBundle.SVG).contains("<svg"));
        } finally {
            ChartBundles.setSvgEnabled(false);
        }
    }

    @Test
    void runShowsSummaryCurvesAndHistory() {
        TrainingRun run = Fixtures.run();
        MimeBundle b = MimeRenderer.render(run).orElseThrow();
        String html = b.get(MimeBundle.HTML);
        assertTrue(html.startsWith(run.toHtml()), "summary first");
        assertTrue(html.contains("<img") && html.contains(b.get(MimeBundle.PNG)), "chart embedded in the HTML");
        assertTrue(html.contains("history (3 epochs)"));
        assertPng(b.get(MimeBundle.PNG));
        assertEquals(run.toText(), b.text());
    }

    @Test
    void progressHasALiveChartOnlyOnceAnEpochIsDone() {
        MimeBundle first = MimeRenderer.render(Fixtures.progress(0, false)).orElseThrow();
        assertFalse(first.has(MimeBundle.PNG));
        MimeBundle later = MimeRenderer.render(Fixtures.progress(2, false)).orElseThrow();
        assertPng(later.get(MimeBundle.PNG));
        assertTrue(later.get(MimeBundle.HTML).contains("width=\"360\""));
        TrainingProgress done = Fixtures.progress(3, true);
        assertTrue(MimeRenderer.render(done).orElseThrow().text().startsWith("done"));
    }

    @Test
    void anyDisplayableUsesItsOwnHtml() {
        Displayable d = new Displayable() {
            @Override
            public String toHtml() {
                return "<i>x</i>";
            }

            @Override
            public String toText() {
                return "x";
            }
        };
        assertEquals(Map.of(MimeBundle.HTML, "<i>x</i>", MimeBundle.TEXT, "x"),
                MimeRenderer.render(d).orElseThrow().data());
    }

    @Test
    void unknownTypesAreLeftToTheKernel() {
        assertTrue(MimeRenderer.render("plain string").isEmpty());
        assertTrue(MimeRenderer.render(null).isEmpty());
        assertEquals("42", MimeRenderer.text(42));
    }

    @Test
    void mostSpecificTypeWins() {
        assertEquals(TrainingRun.class, MimeRenderer.entryFor(TrainingRun.class).orElseThrow().type());
        assertEquals(Displayable.class, MimeRenderer.entryFor(Fixtures.run().getClass().getInterfaces()[0])
                .orElseThrow().type());
        assertTrue(MimeRenderer.supports(TrainingRun.class, MimeBundle.PNG));
        assertFalse(MimeRenderer.supports(tech.tablesaw.api.Table.class, MimeBundle.PNG));
    }

    @Test
    void bundlesNeedTextAndKeepOrder() {
        assertThrows(IllegalArgumentException.class, () -> new MimeBundle(Map.of(MimeBundle.HTML, "x")));
        MimeBundle b = MimeBundle.text("t").with(MimeBundle.HTML, "<b>t</b>").with(MimeBundle.PNG, "AAAA");
        assertEquals(List.of(MimeBundle.HTML, MimeBundle.PNG, MimeBundle.TEXT), List.copyOf(b.data().keySet()));
        assertTrue(b.toString().contains("text/html (8 chars)"), b.toString());
    }
}
