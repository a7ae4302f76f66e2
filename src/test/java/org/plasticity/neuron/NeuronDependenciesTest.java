package org.plasticity.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The neuron package sits below the families: it imports only the JDK, {@code tensor} and {@code random}. */
class NeuronDependenciesTest {

    @Test
    void neuronImportsNothingButTheJdkTensorAndRandom() throws IOException {
        Path dir = Path.of("src/main/java/org/plasticity/neuron");
        assertTrue(Files.isDirectory(dir), "run from the project root: " + dir.toAbsolutePath());
        List<String> offending = new ArrayList<>();
        int files = 0;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : (Iterable<Path>) s.filter(p -> p.toString().endsWith(".java"))::iterator) {
                files++;
                for (String line : Files.readAllLines(f)) {
                    String t = line.trim();
                    if (t.startsWith("import ") && !(t.startsWith("import java.")
                            || t.startsWith("import org.plasticity.tensor.") || t.startsWith("import org.plasticity.random."))) {
                        offending.add(f.getFileName() + ": " + t);
                    }
                    if (t.contains("org.plasticity.") && !t.startsWith("import ") && !t.startsWith("*")
                            && !t.startsWith("package ") && !t.contains("org.plasticity.neuron.")
                            && !t.contains("org.plasticity.tensor.") && !t.contains("org.plasticity.random.")) {
                        offending.add(f.getFileName() + ": " + t);
                    }
                }
            }
        }
        assertTrue(files >= 6, "expected the neuron sources, found " + files);
        assertEquals(List.of(), offending);
    }
}
