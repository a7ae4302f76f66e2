package org.plasticity.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TableHtmlTest {

    private static Table numbers(int rows) {
        return Table.create("t<1>").addColumns(
                IntColumn.create("i", IntStream.range(0, rows).toArray()),
                DoubleColumn.create("x", IntStream.range(0, rows).mapToDouble(i -> i / 8.0).toArray()),
                StringColumn.create("s", IntStream.range(0, rows).mapToObj(i -> "r" + i).toArray(String[]::new)));
    }

    @Test
    void smallTableShowsEveryRowWithTypesAndEscapedName() {
        String html = TableHtml.toHtml(numbers(3));
        assertTrue(html.contains("<b>t&lt;1&gt;</b>"), html);
        assertTrue(html.contains("3 rows × 3 columns"));
        assertTrue(html.contains(">int</span>") && html.contains(">double</span>") && html.contains(">string</span>"));
        assertEquals(4, html.split("<tr>", -1).length - 1, "header + 3 rows");
        assertFalse(html.contains("more rows"));
        assertFalse(html.contains("<script"));
    }

    @Test
    void longTableKeepsHeadAndTailAndSaysHowManyRowsAreHidden() {
        String html = new TableHtml(6, 16).render(numbers(100));
        assertTrue(html.contains("… 94 more rows …"), html);
        assertTrue(html.contains(">r0<") && html.contains(">r3<") && html.contains(">r98<") && html.contains(">r99<"));
        assertFalse(html.contains(">r4<") || html.contains(">r97<"));
    }

    @Test
    void aLongResultTableCarriesEveryRowInAScrollBoxWithItsRowCount() {
        // Notebook 05's paper-vs-ours table: 136 rows, of which the old rendering showed 20.
        String html = TableHtml.toHtml(numbers(136));
        assertEquals(1 + 136, html.split("<tr>", -1).length - 1, "header + every row");
        assertTrue(html.contains(">r0<") && html.contains(">r70<") && html.contains(">r135<"));
        assertFalse(html.contains("more rows"), html.substring(0, 400));
        assertTrue(html.contains("136 rows × 3 columns") && html.contains("scroll to see all 136"));
        assertTrue(html.contains("overflow:auto") && html.contains("position:sticky"));
        assertTrue(html.contains("data-rows=\"136\" data-shown-rows=\"136\""));
        assertFalse(TableHtml.toHtml(numbers(12)).contains("overflow:auto"), "short tables do not scroll");
    }

    @Test
    void beyondMaxRowsTheScrollBoxSaysWhatIsShown() {
        String html = TableHtml.DEFAULT.withMaxRows(60).render(numbers(300));
        assertTrue(html.contains("300 rows × 3 columns · first and last 60 shown"), html.substring(0, 600));
        assertTrue(html.contains("… 240 more rows …"));
        assertTrue(html.contains("data-rows=\"300\" data-shown-rows=\"60\""));
    }

    @Test
    void wideTableCutsColumns() {
        Table t = Table.create("wide");
        for (int c = 0; c < 30; c++) {
            t.addColumns(IntColumn.create("c" + c, new int[] {c}));
        }
        String html = new TableHtml(10, 6).render(t);
        assertTrue(html.contains(">c0<") && html.contains(">c29<"));
        assertFalse(html.contains(">c10<"));
        assertTrue(html.contains("<th>…</th>"));
    }

    @Test
    void numbersOfAColumnShareTheirDecimals() {
        Table t = Table.create("acc").addColumns(DoubleColumn.create("acc", new double[] {0.11, 0.0955, 1}));
        String text = TableHtml.toText(t);
        assertTrue(text.contains("0.1100") && text.contains("0.0955") && text.contains("1.0000"), text);
    }

    @Test
    void missingValuesAreEmptyAndTextIsAligned() {
        Table t = Table.create("m").addColumns(DoubleColumn.create("v", new double[] {1.5, Double.NaN, 22.25}));
        String[] lines = TableHtml.toText(t).split("\n");
        assertEquals("m (3 rows × 1 columns)", lines[0]);
        assertEquals("double", lines[2], "the type is the widest entry");
        assertEquals("  1.50", lines[3], "numbers are right-aligned");
        assertEquals("", lines[4].strip());
        assertEquals(" 22.25", lines[5]);
    }

    @Test
    void textFormCutsRowsToo() {
        String text = new TableHtml(4, 16).renderText(numbers(50));
        assertTrue(text.contains("… 46 more rows …"), text);
        assertEquals(2 + 1 + 4 + 1, text.split("\n").length, text);
    }

    @Test
    void formatNumberKeepsFourSignificantDigits() {
        assertEquals("3", TableHtml.formatNumber(3.0));
        assertEquals("0.9812", TableHtml.formatNumber(0.98123));
        assertEquals("0.01235", TableHtml.formatNumber(0.012345));
        assertEquals("123.5", TableHtml.formatNumber(123.456));
        assertEquals("1.235e+06", TableHtml.formatNumber(1234567.8));
        assertEquals("2.500e-05", TableHtml.formatNumber(2.5e-5));
        assertEquals("NaN", TableHtml.formatNumber(Double.NaN));
        assertEquals("-∞", TableHtml.formatNumber(Double.NEGATIVE_INFINITY));
    }

    @Test
    void rejectsUselessLimits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TableHtml(1, 5));
        assertTrue(e.getMessage().contains("maxRows"));
        assertEquals(50, TableHtml.DEFAULT.withMaxRows(50).maxRows());
    }
}
