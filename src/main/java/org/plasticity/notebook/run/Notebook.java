package org.plasticity.notebook.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A read-only view of a Jupyter notebook file (nbformat 4): its cells, their sources, our
 * {@code "plasticity"} cell metadata and their outputs.
 *
 * @param file where it was read from
 * @param cells the cells in order
 */
public record Notebook(Path file, List<Cell> cells) {

    /** Copies the cell list. */
    public Notebook {
        cells = List.copyOf(cells);
    }

    /**
     * One cell.
     *
     * @param index zero-based position
     * @param type {@code code}, {@code markdown} or {@code raw}
     * @param source the source text
     * @param plasticity the cell's {@code metadata.plasticity} object (empty when absent)
     * @param outputs outputs of a code cell (empty otherwise)
     */
    public record Cell(int index, String type, String source, Map<String, Object> plasticity, List<Output> outputs) {
        /** Copies the collections. */
        public Cell {
            plasticity = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(plasticity));
            outputs = List.copyOf(outputs);
        }

        /** Whether this is a code cell. */
        public boolean isCode() {
            return type.equals("code");
        }

        /** The first line of the source (for messages). */
        public String firstLine() {
            String s = source.strip();
            int nl = s.indexOf('\n');
            return nl < 0 ? s : s.substring(0, nl) + " …";
        }

        @Override
        public String toString() {
            return type + " cell " + index + " [" + firstLine() + "]";
        }
    }

    /**
     * One output of a code cell.
     *
     * @param type {@code stream}, {@code display_data}, {@code execute_result} or {@code error}
     * @param data MIME type → content for rich outputs (empty otherwise)
     * @param text stream text (empty otherwise)
     * @param streamName {@code stdout} or {@code stderr} for streams, else empty
     * @param error {@code ename: evalue} for errors, else empty
     */
    public record Output(String type, Map<String, String> data, String text, String streamName, String error) {
        /** Copies the data map. */
        public Output {
            data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
        }

        /** Whether this is a display (display_data or execute_result). */
        public boolean isRich() {
            return type.equals("display_data") || type.equals("execute_result");
        }

        @Override
        public String toString() {
            return type + (data.isEmpty() ? "" : data.keySet().toString()) + (error.isEmpty() ? "" : " " + error);
        }
    }

    /**
     * Reads a notebook file.
     *
     * @param file the {@code .ipynb} file
     * @return the notebook
     * @throws IllegalArgumentException when the file is not an nbformat 4 notebook
     */
    public static Notebook read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read notebook " + file + ": " + e.getMessage(), e);
        }
        Object root;
        try {
            root = Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " is not a valid notebook: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> m) || !(m.get("cells") instanceof List<?> rawCells)) {
            throw new IllegalArgumentException(file + " is not an nbformat 4 notebook (no \"cells\" list)");
        }
        List<Cell> cells = new ArrayList<>();
        for (Object rc : rawCells) {
            Map<?, ?> c = (Map<?, ?>) rc;
            Map<String, Object> meta = new LinkedHashMap<>();
            if (c.get("metadata") instanceof Map<?, ?> md && md.get("plasticity") instanceof Map<?, ?> pm) {
                pm.forEach((k, v) -> meta.put(String.valueOf(k), v));
            }
            List<Output> outputs = new ArrayList<>();
            if (c.get("outputs") instanceof List<?> outs) {
                for (Object o : outs) {
                    outputs.add(output((Map<?, ?>) o));
                }
            }
            cells.add(new Cell(cells.size(), String.valueOf(c.get("cell_type")), joined(c.get("source")), meta,
                    outputs));
        }
        return new Notebook(file, cells);
    }

    private static Output output(Map<?, ?> o) {
        String type = String.valueOf(o.get("output_type"));
        Map<String, String> data = new LinkedHashMap<>();
        if (o.get("data") instanceof Map<?, ?> d) {
            d.forEach((k, v) -> data.put(String.valueOf(k), joined(v)));
        }
        String error = type.equals("error") ? o.get("ename") + ": " + o.get("evalue") : "";
        String stream = o.get("name") == null ? "" : String.valueOf(o.get("name"));
        return new Output(type, data, joined(o.get("text")), stream, error);
    }

    /** nbformat stores multi-line strings either as one string or as a list of lines. */
    static String joined(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder();
            l.forEach(sb::append);
            return sb.toString();
        }
        return String.valueOf(v);
    }

    /** The code cells' sources in order. */
    public List<String> codeSources() {
        return cells.stream().filter(Cell::isCode).map(Cell::source).toList();
    }

    /** The file name without {@code .ipynb}. */
    public String name() {
        String n = file.getFileName().toString();
        return n.endsWith(".ipynb") ? n.substring(0, n.length() - 6) : n;
    }

    @Override
    public String toString() {
        return "Notebook[" + file.getFileName() + ", " + cells.size() + " cells]";
    }
}
