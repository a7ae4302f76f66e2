package org.plasticity.data.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plasticity.display.Displayable;

class FillReportsTest {

    private static FillReports reports() {
        return new FillReports(List.of(
                new FillReport("mnist", "already in cache", List.of(), List.of()),
                new FillReport("fashion-mnist", "debian fashion-mnist", List.of(Path.of("a.gz"), Path.of("b.gz")),
                        List.of("npm: not reachable <timeout>"))));
    }

    @Test
    void aFillShowsAsATableNotAsARawList() {
        FillReports r = reports();
        Displayable d = r;
        String html = d.toHtml();
        assertFalse(html.contains("ArrayList"), html);
        assertEquals(1 + 2, html.split("<tr>", -1).length - 1, "header + one row per data set");
        assertTrue(html.contains("<td style=\"text-align:left\">fashion-mnist</td>"), html);
        assertTrue(html.contains("2 data sets, 1 filled now"), html);
        assertTrue(html.contains("npm: not reachable &lt;timeout&gt;"), "failed sources are escaped: " + html);
        assertTrue(r.toText().startsWith("data cache fill: 2 data sets, 1 filled now\n  mnist: already in cache"),
                r.toText());
    }

    @Test
    void itIsStillTheListOfReports() {
        FillReports r = reports();
        assertEquals(2, r.size());
        assertEquals("mnist", r.get(0).dataset());
        assertEquals(1, r.filled());
    }
}
