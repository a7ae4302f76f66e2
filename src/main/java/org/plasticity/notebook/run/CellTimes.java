package org.plasticity.notebook.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import org.plasticity.io.Json;

/**
 * What a notebook's last execution took, cell by cell, read from the timing Jupyter records in
 * each code cell's {@code metadata.execution} ({@code iopub.status.busy} to
 * {@code shell.execute_reply}), and the profile its committed outputs came from.
 *
 * @param notebook the notebook file
 * @param profile the profile named by its "Committed outputs" line, or empty when it has none
 * @param codeCells per code cell (in order): index among all cells, first source line, recorded
 *     seconds ({@code NaN} when the cell has no timing)
 */
public record CellTimes(Path notebook, String profile, List<CodeCell> codeCells) {

    /**
     * One code cell.
     *
     * @param index position among all cells (what nbclient's hooks report)
     * @param firstLine first non-blank line of its source
     * @param seconds recorded execution time, or {@code NaN}
     */
    public record CodeCell(int index, String firstLine, double seconds) {
    }

    /** Copies the list. */
    public CellTimes {
        codeCells = List.copyOf(codeCells);
    }

    /**
     * Reads the timings of a notebook file.
     *
     * @param notebook an nbformat-4 notebook
     * @return its cell times
     */
    @SuppressWarnings("unchecked")
    public static CellTimes read(Path notebook) {
        String text;
        try {
            text = Files.readString(notebook, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + notebook + ": " + e.getMessage(), e);
        }
        Matcher m = NotebookCheck.PROFILE_MARKER.matcher(text);
        String profile = m.find() ? m.group(1) : "";
        List<Object> cells = (List<Object>) ((Map<String, Object>) Json.parse(text)).get("cells");
        List<CodeCell> out = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Map<String, Object> cell = (Map<String, Object>) cells.get(i);
            if (!"code".equals(cell.get("cell_type"))) {
                continue;
            }
            Object src = cell.get("source");
            String source = src instanceof List<?> l ? String.join("", (List<String>) l) : String.valueOf(src);
            Map<String, Object> meta = (Map<String, Object>) cell.getOrDefault("metadata", Map.of());
            Map<String, Object> exec = (Map<String, Object>) meta.getOrDefault("execution", Map.of());
            out.add(new CodeCell(i, firstLine(source), seconds(exec.get("iopub.status.busy"), exec.get("shell.execute_reply"))));
        }
        return new CellTimes(notebook, profile, out);
    }

    /** Sum of the recorded times of the code cells (those without timing count as 0). */
    public double totalSeconds() {
        return codeCells.stream().mapToDouble(CodeCell::seconds).filter(Double::isFinite).sum();
    }

    /** Whether every code cell has a recorded time. */
    public boolean complete() {
        return codeCells.stream().allMatch(c -> Double.isFinite(c.seconds()));
    }

    /** The position (0-based) among the code cells of the cell at notebook index {@code index}, or -1. */
    public int position(int index) {
        for (int k = 0; k < codeCells.size(); k++) {
            if (codeCells.get(k).index() == index) {
                return k;
            }
        }
        return -1;
    }

    /** Recorded seconds of the code cells after position {@code k} (0 for those without timing). */
    public double secondsAfter(int k) {
        double s = 0;
        for (int j = k + 1; j < codeCells.size(); j++) {
            double v = codeCells.get(j).seconds();
            s += Double.isFinite(v) ? v : 0;
        }
        return s;
    }

    private static double seconds(Object from, Object to) {
        if (!(from instanceof String a) || !(to instanceof String b)) {
            return Double.NaN;
        }
        try {
            return Duration.between(Instant.parse(a), Instant.parse(b)).toNanos() / 1e9;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String firstLine(String source) {
        for (String line : source.split("\n")) {
            if (!line.isBlank()) {
                String s = line.strip();
                return s.length() > 70 ? s.substring(0, 69) + "…" : s;
            }
        }
        return "";
    }

    /**
     * A duration for progress lines: {@code 42 s}, {@code 3m 05s}, {@code 2h 07m}.
     *
     * @param seconds a duration in seconds (NaN gives {@code ?})
     * @return the text
     */
    public static String format(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(Math.max(0, seconds));
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
    }
}
