package org.plasticity.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;

class DefaultImportsTest {

    @Test
    void jshellStartupFileHasExactlyTheDefaultImports() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("kernel-spec", "plasticity.jsh")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("//")).toList();
        assertEquals(DefaultImports.lines(), lines, "kernel-spec/plasticity.jsh must match DefaultImports");
    }

    @Test
    void everyImportCompilesAgainstTheLibrary() {
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                shell.addToClasspath(entry);
            }
            for (String line : DefaultImports.lines()) {
                for (SnippetEvent e : shell.eval(line)) {
                    assertEquals(Snippet.Status.VALID, e.status(), () -> line + ": " + shell.diagnostics(e.snippet())
                            .map(d -> d.getMessage(null)).toList());
                }
            }
            // The names notebooks rely on resolve without qualification.
            for (String expr : List.of("Table.class", "XYChart.class", "Trainer.class", "Charts.class", "Profile.class",
                    "SoftmaxRegression.class", "Datasets.class", "ChartExport.class")) {
                assertTrue(shell.eval(expr).stream().allMatch(e -> e.status() == Snippet.Status.VALID), expr);
            }
        }
    }
}
