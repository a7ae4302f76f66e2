package org.plasticity.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plasticity.results.ReproductionRow;
import org.plasticity.results.ResultsCsv;

/**
 * The values of the committed rows of {@code results/reproduction.csv} as they stood before the experiment-layer
 * refactor (snapshot in {@code src/test/resources/results/}) are still there, unchanged: no row lost, no value
 * silently recomputed. A row may only grow by recorded seeds (a larger {@code n_seeds}); new rows may be added.
 */
class CommittedValuesUnchangedTest {

    private static final Path SNAPSHOT = Path.of("src/test/resources/results/reproduction-values-2026-12-02.csv");

    @Test
    void everySnapshotRowIsStillCommittedWithItsValues() throws IOException {
        Map<String, ReproductionRow> now = new HashMap<>();
        for (ReproductionRow r : ResultsCsv.at(Path.of("results")).reproductionRows()) {
            now.put(String.join("/", r.key()), r);
        }
        List<String> lines = Files.readAllLines(SNAPSHOT, StandardCharsets.UTF_8);
        assertTrue(lines.size() > 130, "snapshot has " + lines.size() + " lines");
        for (String line : lines.subList(1, lines.size())) {
            String[] v = line.split(",", -1);
            String key = String.join("/", v[0], v[1], v[2], v[3], v[9]);
            ReproductionRow r = now.get(key);
            assertTrue(r != null, "committed row lost: " + key);
            assertEquals(num(v[4]), r.paperValue(), 0.0, key + " paper_value");
            assertEquals(num(v[5]), r.paperStd(), 0.0, key + " paper_std");
            if (Integer.parseInt(v[8]) == r.nSeeds()) {
                assertEquals(num(v[6]), Double.parseDouble(fmt(r.oursMean())), 0.0, key + " ours_mean");
                assertEquals(num(v[7]), Double.parseDouble(fmt(r.oursStd())), 0.0, key + " ours_std");
                assertEquals(v[10], r.status().id(), key + " status");
                assertEquals(Integer.parseInt(v[11]), r.epochs(), key + " epochs");
            } else {
                assertTrue(r.nSeeds() > Integer.parseInt(v[8]), key + ": seeds may only be added");
            }
        }
    }

    private static double num(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    private static String fmt(double d) {
        return Double.isNaN(d) ? "NaN" : String.valueOf(d);
    }
}
