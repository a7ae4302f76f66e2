package org.plasticity.notebook.run;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an executed notebook must satisfy, declared in the notebooks themselves.
 *
 * <p>Every notebook: no cell has an error output; no cell writes to stderr unless its metadata
 * allows it; the first cell, markdown, names the profile of the committed outputs with the marker
 * {@code Committed outputs: **smoke** profile}, which the runner rewrites after each run (a
 * missing marker is a {@linkplain #warnings warning}, a wrong one an error).
 *
 * <p>Per code cell, {@code metadata.plasticity} may declare
 * <pre>{@code
 * "plasticity": {"expect": ["text/html", "image/png"],   // MIME types the cell must display
 *                "contains": "done",                      // text one of its outputs must contain
 *                "max_outputs": 1,                        // at most this many displays (live updates
 *                                                         //   must replace, not append)
 *                "allow_stderr": true}                    // stderr output is not an error here
 * }</pre>
 */
public final class NotebookCheck {

    /** The profile marker in the first markdown cell. */
    public static final Pattern PROFILE_MARKER = Pattern.compile("Committed outputs: \\*\\*(\\w+)\\*\\* profile");

    private NotebookCheck() {
    }

    /**
     * Checks an executed notebook.
     *
     * @param nb the executed notebook
     * @param profile the profile it ran in ({@code smoke} or {@code full})
     * @return problems, empty when the notebook passes
     */
    public static List<String> problems(Notebook nb, String profile) {
        List<String> out = new ArrayList<>();
        checkMarker(nb, profile, out);
        for (Notebook.Cell cell : nb.cells()) {
            if (!cell.isCode()) {
                continue;
            }
            String where = nb.name() + " " + cell;
            for (Notebook.Output o : cell.outputs()) {
                if (o.type().equals("error")) {
                    out.add(where + ": error output " + o.error());
                }
                if (o.streamName().equals("stderr") && !Boolean.TRUE.equals(cell.plasticity().get("allow_stderr"))) {
                    out.add(where + ": wrote to stderr: " + abbreviate(o.text()) + " (set metadata plasticity."
                            + "allow_stderr=true if this is expected)");
                }
            }
            checkExpectations(cell, where, out);
        }
        return out;
    }

    private static void checkMarker(Notebook nb, String profile, List<String> out) {
        Matcher m = PROFILE_MARKER.matcher(firstMarkdown(nb));
        if (m.find() && !m.group(1).equals(profile)) {
            out.add(nb.name() + ": first cell says outputs come from the " + m.group(1) + " profile, but they come"
                    + " from " + profile);
        }
    }

    /**
     * Notes for notebooks that are missing conventions without being wrong: today, a first cell
     * without the profile marker (the runner can then not say which profile the outputs are from).
     *
     * @param nb the notebook
     * @return warnings, empty when none
     */
    public static List<String> warnings(Notebook nb) {
        if (PROFILE_MARKER.matcher(firstMarkdown(nb)).find()) {
            return List.of();
        }
        return List.of(nb.name() + ": its first cell should be markdown with the line 'Committed outputs: **smoke**"
                + " profile' (the runner keeps the profile name up to date)");
    }

    private static String firstMarkdown(Notebook nb) {
        return nb.cells().isEmpty() || !nb.cells().get(0).type().equals("markdown") ? ""
                : nb.cells().get(0).source();
    }

    private static void checkExpectations(Notebook.Cell cell, String where, List<String> out) {
        List<Notebook.Output> rich = cell.outputs().stream().filter(Notebook.Output::isRich).toList();
        if (cell.plasticity().get("expect") instanceof List<?> expected) {
            for (Object mime : expected) {
                if (rich.stream().noneMatch(o -> o.data().containsKey(String.valueOf(mime)))) {
                    out.add(where + ": expected a " + mime + " output, got " + cell.outputs());
                }
            }
        }
        if (cell.plasticity().get("contains") instanceof String text) {
            boolean found = cell.outputs().stream().anyMatch(o -> o.text().contains(text)
                    || o.data().getOrDefault("text/plain", "").contains(text)
                    || o.data().getOrDefault("text/html", "").contains(text));
            if (!found) {
                out.add(where + ": no output contains \"" + text + "\"");
            }
        }
        if (cell.plasticity().get("max_outputs") instanceof Number max && rich.size() > max.intValue()) {
            out.add(where + ": " + rich.size() + " displays, at most " + max.intValue() + " expected (live displays"
                    + " must update in place)");
        }
    }

    /**
     * Rewrites the profile marker in a notebook file's JSON text.
     *
     * @param notebookJson the file content
     * @param profile the profile that produced the outputs
     * @return the content with every marker naming {@code profile}
     */
    public static String markProfile(String notebookJson, String profile) {
        return PROFILE_MARKER.matcher(notebookJson).replaceAll("Committed outputs: **" + profile + "** profile");
    }

    private static String abbreviate(String s) {
        String t = s.strip().replace('\n', ' ');
        return t.length() <= 300 ? t : t.substring(0, 300) + " …";
    }
}
