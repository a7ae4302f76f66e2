package org.plasticity.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import jdk.jshell.JShell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CellSourceTest {

    private static JShell js;

    @BeforeAll
    static void shell() {
        js = JShell.builder().executionEngine("local").build();
    }

    @AfterAll
    static void close() {
        js.close();
    }

    @Test
    void cutsACellIntoSnippetsWithTheirOffsets() {
        String cell = "// setup\nint x = 5;\n\nvoid f() {\n  x++;\n}\nx + 1";
        CellSource s = CellSource.split(cell, js.sourceCodeAnalysis());
        List<CellSource.Chunk> c = s.chunks();
        assertEquals(3, c.size(), c.toString());
        assertEquals(0, c.get(0).start());
        assertTrue(c.get(0).source().contains("int x = 5;"));
        assertEquals(cell.indexOf("int x = 5;") + "int x = 5;".length(), c.get(1).start());
        assertTrue(c.get(2).source().strip().startsWith("x + 1"));
        assertTrue(c.get(2).complete(), "a final expression without semicolon is complete");
        assertEquals(c.get(2), s.chunkAt(cell.length()));
        assertEquals(c.get(1), s.chunkAt(cell.indexOf("x++")));
    }

    @Test
    void mapsOffsetsToLinesAndColumns() {
        String cell = "int a = 1;\nString s = a.foo();";
        CellSource s = CellSource.split(cell, js.sourceCodeAnalysis());
        int dot = cell.indexOf(".foo");
        assertEquals(2, s.line(dot));
        assertEquals(13, s.column(dot));
        assertEquals("String s = a.foo();", s.lineText(2));
        assertEquals(1, s.column(cell.indexOf("String")));
    }

    @Test
    void anIncompleteTailIsOneIncompleteSnippet() {
        CellSource s = CellSource.split("int y = 2;\nfor (int i = 0; i < 3; i++) {", js.sourceCodeAnalysis());
        assertEquals(2, s.chunks().size());
        assertFalse(s.chunks().get(1).complete());
    }

    @Test
    void blankCellsHaveNoSnippets() {
        assertTrue(CellSource.split("  \n\n", js.sourceCodeAnalysis()).chunks().isEmpty());
    }
}
