package org.plasticity.kernel;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * A notebook cell cut into the snippets JShell evaluates one by one, each with its offset in the
 * cell, so that compile errors, completion and inspection can be mapped between the cell and a
 * snippet.
 */
final class CellSource {

    /**
     * One snippet of a cell.
     *
     * @param source the snippet as JShell evaluates it (a missing final semicolon added)
     * @param start offset of the snippet's first character in the cell
     * @param end offset just past the snippet's text in the cell
     * @param complete whether JShell considers the snippet complete
     */
    record Chunk(String source, int start, int end, boolean complete) {
    }

    private final String cell;
    private final List<Chunk> chunks;

    private CellSource(String cell, List<Chunk> chunks) {
        this.cell = cell;
        this.chunks = List.copyOf(chunks);
    }

    /**
     * Cuts {@code cell} the way JShell's tool does: {@code analyzeCompletion} on what is left.
     *
     * @param cell the cell's code (magic lines already removed)
     * @param analysis JShell's source analysis
     * @return the cut cell
     */
    static CellSource split(String cell, SourceCodeAnalysis analysis) {
        List<Chunk> chunks = new ArrayList<>();
        String rest = cell;
        while (!rest.isBlank()) {
            int start = cell.length() - rest.length();
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness c = info.completeness();
            boolean complete = c.isComplete() && info.source() != null;
            if (!complete || info.remaining().length() >= rest.length()) {
                // incomplete, unparseable or empty: the rest is one (failing) snippet
                if (c != Completeness.EMPTY) {
                    chunks.add(new Chunk(rest, start, cell.length(), complete));
                }
                break;
            }
            int end = cell.length() - info.remaining().length();
            chunks.add(new Chunk(info.source(), start, end, true));
            rest = info.remaining();
        }
        return new CellSource(cell, chunks);
    }

    /** The snippets, in order. */
    List<Chunk> chunks() {
        return chunks;
    }

    /** The snippet whose text holds {@code offset} (the last one for an offset at the end), or null. */
    Chunk chunkAt(int offset) {
        Chunk found = null;
        for (Chunk c : chunks) {
            if (offset >= c.start()) {
                found = c;
            }
        }
        return found;
    }

    /** 1-based line of {@code offset} in the cell. */
    int line(int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, cell.length()); i++) {
            if (cell.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** 1-based column of {@code offset} in the cell. */
    int column(int offset) {
        int o = Math.min(offset, cell.length());
        int lineStart = cell.lastIndexOf('\n', o - 1) + 1;
        return o - lineStart + 1;
    }

    /** The text of 1-based line {@code line} of the cell (empty past the end). */
    String lineText(int line) {
        String[] lines = cell.split("\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1] : "";
    }

    /** The cell. */
    String cell() {
        return cell;
    }

    @Override
    public String toString() {
        return "CellSource[" + chunks.size() + " snippets]";
    }
}
