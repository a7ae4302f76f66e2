package org.plasticity.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the real {@link Renderer} of jjava-jupyter 1.0-a6. */
class JJavaExtensionTest {

    private Renderer renderer;

    @BeforeEach
    void register() {
        renderer = new Renderer();
        JJavaExtension.registerRenderers(renderer);
    }

    @Test
    void serviceFileRegistersTheExtension() {
        List<Class<?>> found = ServiceLoader.load(Extension.class).stream()
                .<Class<?>>map(ServiceLoader.Provider::type).toList();
        assertEquals(List.of(JJavaExtension.class), found);
    }

    @Test
    void tableRendersAsHtmlAndOurText() {
        DisplayData dd = renderer.render(Fixtures.table());
        assertTrue(String.valueOf(dd.getData(MIMEType.TEXT_HTML)).contains("plasticity-table"));
        assertTrue(String.valueOf(dd.getData(MIMEType.TEXT_PLAIN)).startsWith("scores (2 rows"));
    }

    @Test
    void chartRendersAsPngThroughItsSuperclassAndSvgOnRequest() {
        DisplayData dd = renderer.render(Fixtures.chart());
        assertTrue(String.valueOf(dd.getData(MIMEType.IMAGE_PNG)).startsWith("iVBOR"));
        assertFalse(dd.hasDataForType(MIMEType.IMAGE_SVG));
        ChartBundles.setSvgEnabled(true);
        try {
            DisplayData svg = renderer.renderAs(Fixtures.chart(), "image/svg+xml");
            assertTrue(String.valueOf(svg.getData(MIMEType.IMAGE_SVG)).contains("<svg"));
        } finally {
            ChartBundles.setSvgEnabled(false);
        }
    }

    @Test
    void runAndProgressRenderHtmlAndPng() {
        DisplayData run = renderer.render(Fixtures.run());
        assertTrue(run.hasDataForType(MIMEType.TEXT_HTML) && run.hasDataForType(MIMEType.IMAGE_PNG));
        assertEquals(Fixtures.run().toText(), run.getData(MIMEType.TEXT_PLAIN));
        DisplayData progress = renderer.render(Fixtures.progress(1, false));
        assertTrue(String.valueOf(progress.getData(MIMEType.TEXT_HTML)).contains("plasticity-progress"));
    }

    @Test
    void otherObjectsKeepJJavaDefaults() {
        DisplayData dd = renderer.render("hello");
        assertEquals("hello", dd.getData(MIMEType.TEXT_PLAIN));
        assertFalse(dd.hasDataForType(MIMEType.TEXT_HTML));
    }
}
