package org.plasticity.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;

/**
 * The README's Java examples compile against the library with the default imports (compiled as
 * method bodies, so nothing trains).
 */
class ReadmeExamplesTest {

    @Test
    void javaBlocksCompileWithTheDefaultImports() throws Exception {
        Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(Path.of("README.md")));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertFalse(blocks.isEmpty(), "README.md has no java examples");
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                shell.addToClasspath(entry);
            }
            DefaultImports.lines().forEach(shell::eval);
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
}
