package org.plasticity.notebook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.plasticity.notebook.run.Notebook;
import org.plasticity.notebook.run.NotebookRunner;
import org.plasticity.results.Profile;

/**
 * The copy-paste path: runs the code cells of every notebook, snippet by snippet, through the
 * JShell API (local execution, our classes and dependencies on the class path, the default
 * imports) in the smoke profile, and fails on any snippet that is not VALID or that threw. (The
 * {@code jshell} command line always exits 0, so it cannot be the test.) Cells therefore must not
 * use kernel magics or kernel-only calls: {@code show(x)} works in both.
 */
@Tag("notebook")
class NotebookJShellTest {

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsInPlainJShell() {
        List<Path> notebooks = NotebookRunner.discover(List.of(Path.of("notebooks")));
        assertFalse(notebooks.isEmpty(), "no notebooks in notebooks/");
        return notebooks.stream().map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> run(nb)));
    }

    private static void run(Path file) {
        Notebook nb = Notebook.read(file);
        String saved = System.getProperty(Profile.PROPERTY);
        System.setProperty(Profile.PROPERTY, "smoke");
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                shell.addToClasspath(entry);
            }
            evalAll(shell, String.join("\n", DefaultImports.lines()), nb.name() + " default imports");
            int cell = 0;
            for (String source : nb.codeSources()) {
                cell++;
                evalAll(shell, source, nb.name() + " code cell " + cell);
            }
        } finally {
            if (saved == null) {
                System.clearProperty(Profile.PROPERTY);
            } else {
                System.setProperty(Profile.PROPERTY, saved);
            }
        }
    }

    /** Splits {@code source} into complete snippets (as a kernel does) and evaluates each. */
    private static void evalAll(JShell shell, String source, String where) {
        SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(source);
        while (info.completeness().isComplete()) {
            String snippet = info.source().trim();
            if (!snippet.isEmpty()) {
                check(shell, shell.eval(snippet), snippet, where);
            }
            info = shell.sourceCodeAnalysis().analyzeCompletion(info.remaining());
        }
        if (info.completeness() != SourceCodeAnalysis.Completeness.EMPTY) {
            fail(where + ": incomplete source at the end of the cell: " + info.remaining().trim());
        }
    }

    private static void check(JShell shell, List<SnippetEvent> events, String snippet, String where) {
        List<String> problems = new ArrayList<>();
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) {
                continue; // status changes of earlier snippets caused by this one
            }
            if (e.status() != Snippet.Status.VALID) {
                problems.add(e.status() + ": " + shell.diagnostics(e.snippet())
                        .map(d -> d.getMessage(Locale.ROOT)).toList());
            }
            if (e.exception() != null) {
                String cls = e.exception() instanceof EvalException ee ? ee.getExceptionClassName()
                        : e.exception().getClass().getName();
                problems.add("threw " + cls + ": " + e.exception().getMessage());
            }
        }
        if (!problems.isEmpty()) {
            fail(where + ": snippet\n    " + snippet.replace("\n", "\n    ") + "\n  " + String.join("\n  ", problems));
        }
    }
}
