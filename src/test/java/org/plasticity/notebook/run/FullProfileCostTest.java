package org.plasticity.notebook.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FullProfileCostTest {

    @Test
    void theCostAddsTheStoredRunsTrainingTimesToTheNotebooksLastFullRun(@TempDir Path dir) throws Exception {
        Path results = Files.createDirectories(dir.resolve("results"));
        String header = Files.readAllLines(Path.of("results/reproduction.csv")).get(0);
        Files.writeString(results.resolve("reproduction.csv"), header + "\n"
                + "paper-a,exp-1,mnist,test_accuracy,0.9,,0.9,0,2,full,reproduced,3,10,abc,\n"
                + "paper-a,exp-1,mnist,train_accuracy,0.9,,0.9,0,2,full,reproduced,3,10,abc,\n"
                + "paper-b,exp-2,mnist,test_accuracy,0.9,,0.9,0,1,full,reproduced,3,10,abc,\n");
        for (String seed : List.of("1", "2")) {
            Path d = Files.createDirectories(results.resolve("runs/exp-1"));
            Files.writeString(d.resolve("seed-" + seed + ".properties"), "experiment=exp-1\nwall_seconds=1800\n");
        }
        Path d2 = Files.createDirectories(results.resolve("runs/exp-2"));
        Files.writeString(d2.resolve("seed-1.properties"), "experiment=exp-2\nwall_seconds=7200\n");
        Path a = CellProgressTest.notebook(dir, "a.ipynb", "full", "paper id paper-a", 100, 200);
        Path b = CellProgressTest.notebook(dir, "b.ipynb", "smoke", "paper id paper-b", 5);

        FullProfileCost c = FullProfileCost.estimate(List.of(a, b), results);
        assertEquals(2, c.notebooks().get(0).runs());
        assertEquals(3600, c.notebooks().get(0).trainingSeconds(), 1e-9);
        assertEquals(7200, c.notebooks().get(1).trainingSeconds(), 1e-9);
        assertEquals(300, c.notebookSeconds(), 1e-9, "only full-profile timings count");
        List<String> lines = c.lines();
        assertTrue(lines.get(1).contains("a.ipynb: its last full run took 5m 00s; 2 stored runs, 1h 00m of training"),
                lines.get(1));
        assertTrue(lines.get(2).contains("b.ipynb: no full-profile timing recorded (committed outputs: smoke)"), lines.get(2));
        assertTrue(lines.get(3).contains("about 5m 00s with the stored runs") && lines.get(3).contains("about 3h 05m when"),
                lines.get(3));
    }
}
