package org.plasticity.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.plasticity.results.Profile;

/** The catalogue holds every family's recipes through the SPI, and the layer imports no family. */
class CatalogTest {

    @Test
    void everyFamilyRegistersAndIdsAreUnique() {
        List<String> ids = Catalog.ids();
        assertEquals(ids.size(), new HashSet<>(ids).size());
        assertFalse(Catalog.ofPaper("ep-standard").isEmpty());
        assertFalse(Catalog.ofPaper("local-credit-assignment-compartmental").isEmpty());
        assertTrue(ids.contains("mnist-784-500-10-symmetric"));
        assertTrue(ids.contains("mnist-5f-per-soma"));
        for (Recipe r : Catalog.all()) {
            assertFalse(r.claims().isEmpty(), r.id() + " states its paper claim");
            if (r.isTrained()) {
                assertTrue(r.knobs().stream().anyMatch(k -> k.name().equals("epochs")), r.id());
                assertTrue(r.seeds().length >= 1, r.id());
            }
        }
        assertEquals(Catalog.all().size(), Catalog.table().rowCount());
    }

    @Test
    void theExperimentPackageImportsNoFamilyPackage() throws IOException {
        Set<String> families = Set.of("org.plasticity.ep", "org.plasticity.localca");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/plasticity/experiment"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (line.startsWith("import ")) {
                        for (String fam : families) {
                            assertFalse(line.contains(fam + ".") || line.contains(fam + ";"), f + ": " + line);
                        }
                    }
                }
            }
        }
    }

    @Test
    void smokePolicyIsOneForEveryFamily() {
        assertEquals(2, Profile.SMOKE.seeds(new long[] {42, 43, 44, 45, 46}, 5).length);
        assertEquals(2, Profile.SMOKE.seeds(new long[] {1, 2, 3}, 3).length);
        assertEquals(Profile.SMOKE_EPOCHS, Profile.SMOKE.epochs(200, false));
        assertEquals(200, Profile.FULL.epochs(200, false));
        assertEquals(7, Profile.SMOKE.epochs(7, true), "an explicit override wins");
    }

    @Test
    void commandLineListsSpecsAndRejectsUnknownIds() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        assertEquals(0, Plasticity.run(new String[] {"list", "5f-per-soma"}, out));
        String listed = buf.toString(StandardCharsets.UTF_8);
        assertTrue(listed.contains("mnist-5f-per-soma"), listed);
        assertFalse(listed.contains("mnist-784-500-10-symmetric"), listed);
        buf.reset();
        Plasticity.run(new String[] {"spec", "mnist-784-500-10-symmetric", "--set", "beta=0.3", "--seed", "2",
            "--profile", "full"}, out);
        RunSpec s = RunSpec.fromJson(buf.toString(StandardCharsets.UTF_8).strip());
        assertEquals(0.3, s.overrides().get("beta"));
        assertEquals(2, s.seed());
        assertEquals(Profile.FULL, s.profile());
        buf.reset();
        Plasticity.run(new String[] {"status", "--profile", "smoke", "mnist-5f-per-soma"}, out);
        assertTrue(buf.toString(StandardCharsets.UTF_8).contains("mnist-5f-per-soma seed 42: not started"),
                buf.toString(StandardCharsets.UTF_8));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Plasticity.run(new String[] {"run", "mnist-6f-per-soma"}, out));
        assertTrue(e.getMessage().contains("no recipe"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Plasticity.run(new String[] {"run", "--bogus"}, out));
    }
}
