package org.plasticity.notebook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.plasticity.notebook.run.Notebook;
import org.plasticity.notebook.run.NotebookRunner;

/**
 * The copy-paste path: pastes the code cells of every notebook, one after the other, into the real
 * {@code jshell} tool (our classes and dependencies on the class path, {@code kernel-spec/plasticity.jsh},
 * smoke profile), exactly as a user pasting them would, and fails on any error the tool reports
 * (compile errors such as {@code illegal start of expression}, exceptions, unusable declarations):
 * the tool always exits 0, so its output is the test ({@link JShellTool}). Cells therefore must not
 * use kernel magics or kernel-only calls ({@code show(x)} works in both), and fluent chains end
 * their lines with the dot ({@link NotebookPasteTest} checks that without running anything).
 */
@Tag("notebook")
class NotebookJShellTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    @TestFactory
    Stream<DynamicTest> everyNotebookPastesIntoTheJShellTool() {
        List<Path> notebooks = NotebookRunner.discover(List.of(ROOT.resolve("notebooks")));
        assertFalse(notebooks.isEmpty(), "no notebooks in notebooks/");
        return notebooks.stream().map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> run(nb)));
    }

    private static void run(Path file) throws Exception {
        Notebook nb = Notebook.read(file);
        String paste = String.join("\n", nb.codeSources());
        JShellTool.Transcript t = new JShellTool(ROOT, ROOT).paste(paste, Duration.ofMinutes(30));
        List<String> problems = t.problems();
        if (!problems.isEmpty()) {
            fail(nb.name() + " pasted into jshell:\n  " + String.join("\n  ", problems) + "\n--- jshell output (end) ---\n"
                    + t.tail(6000));
        }
    }
}
