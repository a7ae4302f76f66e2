package org.plasticity.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import jdk.jshell.JShell;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.plasticity.notebook.run.Notebook;
import org.plasticity.notebook.run.NotebookRunner;

/**
 * Every notebook code cell pastes into the {@code jshell} tool: read line by line, as the tool
 * reads a paste, it cuts into the same snippets as when a kernel reads the whole cell (a fluent
 * chain must end its lines with the dot, not start the next line with it). Fast, nothing runs; the
 * notebook suite's {@link NotebookJShellTest} pastes the cells into the real tool.
 */
class NotebookPasteTest {

    @TestFactory
    Stream<DynamicTest> everyCodeCellCutsLikeTheJShellToolReadsIt() {
        List<Path> notebooks = NotebookRunner.discover(List.of(Path.of("notebooks")));
        assertFalse(notebooks.isEmpty(), "no notebooks in notebooks/");
        return notebooks.stream().map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> check(nb)));
    }

    private static void check(Path file) {
        Notebook nb = Notebook.read(file);
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                shell.addToClasspath(entry);
            }
            int cell = 0;
            for (String source : nb.codeSources()) {
                cell++;
                int n = cell;
                assertEquals(PasteSplit.whole(shell.sourceCodeAnalysis(), source),
                        PasteSplit.lineByLine(shell.sourceCodeAnalysis(), source),
                        () -> nb.name() + " code cell " + n + " falls apart when pasted into jshell (a line starting with"
                                + " '.' ends the statement before it; end the previous line with the dot):\n" + source);
            }
        }
    }
}
