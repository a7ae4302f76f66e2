package org.plasticity.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java examples: they compile against the library with the default imports (compiled
 * as method bodies, so nothing trains), they cut into the same snippets when the {@code jshell} tool
 * reads them line by line as when read whole (so a paste works), and, in the notebook suite, pasted
 * into the real {@code jshell} tool they run without an error.
 */
class ReadmeExamplesTest {

    @Test
    void javaBlocksCompileWithTheDefaultImports() throws Exception {
        List<String> blocks = javaBlocks();
        try (JShell shell = shell()) {
            for (int i = 0; i < blocks.size(); i++) {
                String method = "void readmeExample" + i + "() {\n" + blocks.get(i) + "\n}";
                for (SnippetEvent e : shell.eval(method)) {
                    int n = i;
                    assertEquals(Snippet.Status.VALID, e.status(), () -> "README java block " + n + ":\n" + blocks.get(n)
                            + shell.diagnostics(e.snippet()).map(d -> d.getMessage(Locale.ROOT)).toList());
                }
            }
        }
    }

    @Test
    void javaBlocksCutIntoTheSameSnippetsWhenPastedLineByLine() throws Exception {
        List<String> blocks = javaBlocks();
        try (JShell shell = shell()) {
            for (int i = 0; i < blocks.size(); i++) {
                String block = blocks.get(i);
                assertEquals(PasteSplit.whole(shell.sourceCodeAnalysis(), block),
                        PasteSplit.lineByLine(shell.sourceCodeAnalysis(), block),
                        "README java block " + i + " falls apart when pasted into jshell (a line starting with '.'"
                                + " ends the statement before it; end the previous line with the dot):\n" + block);
            }
        }
    }

    @Test
    @Tag("notebook")
    void javaBlocksRunWhenPastedIntoTheJShellTool(@TempDir Path work) throws Exception {
        List<String> blocks = javaBlocks();
        JShellTool tool = new JShellTool(Path.of("").toAbsolutePath(), work);
        for (int i = 0; i < blocks.size(); i++) {
            JShellTool.Transcript t = tool.paste(blocks.get(i), Duration.ofMinutes(10));
            int n = i;
            assertEquals(List.of(), t.problems(), () -> "README java block " + n + " pasted into jshell:\n"
                    + blocks.get(n) + "\n--- jshell output ---\n" + t.tail(4000));
            assertFalse(t.output().contains("Trainer["), "show(run) printed a Trainer, not the run:\n" + t.tail(4000));
        }
        assertTrue(Files.exists(work.resolve("curves.png")), "the second README block saves curves.png");
    }

    static List<String> javaBlocks() throws Exception {
        Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(Path.of("README.md")));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertFalse(blocks.isEmpty(), "README.md has no java examples");
        return blocks;
    }

    private static JShell shell() {
        JShell shell = JShell.builder().executionEngine("local").build();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            shell.addToClasspath(entry);
        }
        DefaultImports.lines().forEach(shell::eval);
        return shell;
    }
}
