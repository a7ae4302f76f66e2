package org.plasticity.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.DisplaySystem;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;

/** Against the real classes of rapaio-jupyter-kernel 3.0.1 (its display system, not a kernel). */
class RapaioDisplayProviderTest {

    @Test
    void serviceFileRegistersTheProvider() {
        List<Class<?>> found = ServiceLoader.load(DisplayProvider.class).stream()
                .<Class<?>>map(ServiceLoader.Provider::type).toList();
        assertTrue(found.contains(RapaioDisplayProvider.class), found.toString());
    }

    @Test
    void kernelDisplaySystemRendersOurTypes() {
        DisplaySystem ds = DisplaySystem.inst();
        DisplayData table = ds.render(Fixtures.table());
        assertTrue(String.valueOf(table.data().get("text/html")).contains("plasticity-table"), table.data().toString());
        assertTrue(String.valueOf(table.data().get("text/plain")).startsWith("scores"));
        DisplayData chart = ds.render(Fixtures.chart());
        assertTrue(String.valueOf(chart.data().get("image/png")).startsWith("iVBOR"), "base64 PNG");
        DisplayData run = ds.render(Fixtures.run());
        assertTrue(run.data().containsKey("text/html") && run.data().containsKey("image/png"));
    }

    @Test
    void requestedMimeTypeKeepsOnlyThatRenderingAndText() {
        DisplayData dd = DisplaySystem.inst().render("png", Fixtures.run());
        assertEquals(java.util.Set.of("image/png", "text/plain"), dd.data().keySet());
        DisplayData html = DisplaySystem.inst().render("text/html", Fixtures.table());
        assertTrue(html.data().containsKey("text/html"));
    }

    @Test
    void renderersDeclareTheirTypesAndMimeTypes() {
        List<DisplayRenderer> rs = new RapaioDisplayProvider().getDisplayRenderers();
        assertEquals(MimeRenderer.types().size(), rs.size());
        DisplayRenderer table = rs.stream().filter(r -> r.rendererClass() == tech.tablesaw.api.Table.class)
                .findFirst().orElseThrow();
        assertTrue(table.canRender(null) && table.canRender("html") && table.canRender("text/plain"));
        assertFalse(table.canRender("png"));
        assertTrue(new RapaioDisplayProvider().getDisplayTransformers().isEmpty());
        assertNull(RapaioDisplayProvider.normalize(" "));
        assertEquals("image/svg+xml", RapaioDisplayProvider.normalize("SVG"));
    }
}
