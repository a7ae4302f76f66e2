package org.plasticity.notebook.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookCheckTest {

    private static final String HEADER = "{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": [\"# T\\n\", "
            + "\"Committed outputs: **smoke** profile\"]}";

    private static Notebook notebook(Path dir, String... cells) throws Exception {
        String json = "{\"cells\": [" + String.join(", ", cells) + "], \"metadata\": {}, \"nbformat\": 4, "
                + "\"nbformat_minor\": 5}";
        return Notebook.read(Files.writeString(dir.resolve("t.ipynb"), json));
    }

    private static String code(String meta, String outputs) {
        return "{\"cell_type\": \"code\", \"metadata\": " + meta + ", \"source\": \"x\", \"outputs\": [" + outputs
                + "], \"execution_count\": 1}";
    }

    private static final String PNG_OUT = "{\"output_type\": \"display_data\", \"data\": {\"image/png\": \"iVBOR\", "
            + "\"text/plain\": [\"chart \", \"done\"]}, \"metadata\": {}}";

    @Test
    void passingNotebookHasNoProblems(@TempDir Path dir) throws Exception {
        Notebook nb = notebook(dir, HEADER, code("{\"plasticity\": {\"expect\": [\"image/png\"], \"contains\": "
                + "\"chart done\", \"max_outputs\": 1}}", PNG_OUT));
        assertEquals(List.of(), NotebookCheck.problems(nb, "smoke"));
        assertEquals("chart done", nb.cells().get(1).outputs().get(0).data().get("text/plain"));
    }

    @Test
    void errorsStderrAndUnmetExpectationsAreReported(@TempDir Path dir) throws Exception {
        Notebook nb = notebook(dir, HEADER,
                code("{}", "{\"output_type\": \"error\", \"ename\": \"EvalException\", \"evalue\": \"boom\", "
                        + "\"traceback\": []}"),
                code("{}", "{\"output_type\": \"stream\", \"name\": \"stderr\", \"text\": \"warn\"}"),
                code("{\"plasticity\": {\"allow_stderr\": true}}",
                        "{\"output_type\": \"stream\", \"name\": \"stderr\", \"text\": \"ok\"}"),
                code("{\"plasticity\": {\"expect\": [\"text/html\"], \"contains\": \"zzz\", \"max_outputs\": 1}}",
                        PNG_OUT + ", " + PNG_OUT));
        List<String> p = NotebookCheck.problems(nb, "smoke");
        assertEquals(5, p.size(), p.toString());
        assertTrue(p.get(0).contains("EvalException: boom"), p.get(0));
        assertTrue(p.get(1).contains("stderr: warn"), p.get(1));
        assertTrue(p.get(2).contains("expected a text/html output"), p.get(2));
        assertTrue(p.get(3).contains("no output contains \"zzz\""), p.get(3));
        assertTrue(p.get(4).contains("2 displays, at most 1"), p.get(4));
    }

    @Test
    void profileMarkerMustMatchAndIsExpected(@TempDir Path dir) throws Exception {
        assertTrue(NotebookCheck.problems(notebook(dir, HEADER), "full").get(0).contains("smoke profile, but"));
        assertEquals(List.of(), NotebookCheck.warnings(notebook(dir, HEADER)));
        String noMarker = "{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \"# T\"}";
        assertEquals(List.of(), NotebookCheck.problems(notebook(dir, noMarker), "smoke"));
        assertTrue(NotebookCheck.warnings(notebook(dir, noMarker)).get(0).contains("Committed outputs"));
        assertEquals(1, NotebookCheck.warnings(notebook(dir, code("{}", ""))).size());
    }

    @Test
    void markProfileRewritesTheMarker() {
        String json = "\"Committed outputs: **smoke** profile (x)\"";
        assertEquals("\"Committed outputs: **full** profile (x)\"", NotebookCheck.markProfile(json, "full"));
    }

    @Test
    void discoverFindsSortedVisibleNotebooks(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("02-b.ipynb"), "{}");
        Files.writeString(dir.resolve("00-a.ipynb"), "{}");
        Files.writeString(dir.resolve(".hidden.ipynb"), "{}");
        Files.writeString(dir.resolve("notes.md"), "");
        assertEquals(List.of(dir.resolve("00-a.ipynb"), dir.resolve("02-b.ipynb")),
                NotebookRunner.discover(List.of(dir)));
    }
}
