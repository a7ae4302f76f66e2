package org.plasticity.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.display.LiveDisplay;
import org.plasticity.experiment.Plasticity;
import org.plasticity.results.Profile;
import org.plasticity.results.RunStore;

/** The job-array path: one point per call, then collect; and the progress line. */
class SweepCliTest {

    private static String run(String... args) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int code = SweepCli.run(args, new PrintStream(b, true, StandardCharsets.UTF_8), id -> SweepTest.toy());
        return code + "\n" + b.toString(StandardCharsets.UTF_8);
    }

    @Test
    void jobArrayTasksThenCollectGiveTheInProcessNumbers(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sweep.json");
        Files.writeString(file, "{\"recipe\":\"sweep-toy\",\"vary\":{\"learning_rate\":[0.05,0.5]},\"seeds\":[1,2],"
                + "\"profile\":\"full\"}");
        String store = dir.resolve("shared").toString();
        assertEquals("0\n4\n", run("sweep", file.toString(), "--count"));
        for (int i = 0; i < 4; i++) {
            String out = run("sweep", file.toString(), "--index", Integer.toString(i), "--store", store);
            assertTrue(out.startsWith("0\n#" + i + " "), out);
        }
        Path csv = dir.resolve("out.csv");
        String collected = run("collect", file.toString(), "--store", store, "--csv", csv.toString());
        assertTrue(collected.startsWith("0\n") && collected.contains("collected 4 of 4 runs"), collected);
        assertEquals(5, Files.readAllLines(csv).size(), "header + 4 rows");
        SweepTable inProcess = Sweep.fromJson(Files.readString(file), id -> SweepTest.toy())
                .store(RunStore.at(dir.resolve("alone"))).executor(SweepExecutor.sequential()).run();
        SweepTable merged = Sweep.fromJson(Files.readString(file), id -> SweepTest.toy())
                .store(RunStore.at(Path.of(store))).collect();
        for (int i = 0; i < 4; i++) {
            assertEquals(inProcess.results().get(i).metrics(), merged.results().get(i).metrics(), "run " + i);
        }
        assertThrows(IllegalArgumentException.class, () -> run("sweep", file.toString(), "--bogus"));
    }

    @Test
    void aSweepThatFixesOrVariesEpochsWritesItsCsv(@TempDir Path dir) throws Exception {
        // "epochs" is both a knob and a result column; a knob named like any fixed column or a metric
        // used to stop table() with "duplicate name epochs" (the sweep ran, --csv failed)
        Path file = dir.resolve("sweep.json");
        Files.writeString(file, "{\"recipe\":\"sweep-toy\",\"vary\":{\"epochs\":[1,2]},\"set\":{\"seed\":5},"
                + "\"seeds\":[1],\"profile\":\"full\"}");
        assertThrows(IllegalArgumentException.class, () -> Sweep.fromJson(Files.readString(file), id -> SweepTest.toy()),
                "seed is not a knob of the toy recipe");
        Files.writeString(file, "{\"recipe\":\"sweep-toy\",\"vary\":{\"learning_rate\":[0.05,0.5]},"
                + "\"set\":{\"epochs\":2},\"seeds\":[1,2],\"profile\":\"full\"}");
        Path csv = dir.resolve("out.csv");
        String out = run("sweep", file.toString(), "--executor", "sequential", "--store", dir.resolve("s").toString(),
                "--csv", csv.toString());
        assertTrue(out.startsWith("0\n") && out.contains("rows written to"), out);
        java.util.List<String> lines = Files.readAllLines(csv);
        assertEquals(5, lines.size(), "header + 4 rows");
        java.util.List<String> header = java.util.List.of(lines.get(0).split(","));
        assertTrue(header.containsAll(java.util.List.of("learning_rate", "knob_epochs", "epochs", "seed")), header.toString());
        assertEquals("2", lines.get(1).split(",")[header.indexOf("knob_epochs")], "the knob's value");
        assertEquals("2", lines.get(1).split(",")[header.indexOf("epochs")], "the epochs trained");
        SweepTable t = Sweep.fromJson(Files.readString(file), id -> SweepTest.toy())
                .store(RunStore.at(dir.resolve("s"))).collect();
        assertEquals(java.util.List.of("learning_rate", "knob_epochs", "metric"),
                t.grouped().columnNames().subList(0, 3), "the grouped view names the knob the same way");
        Files.writeString(file, "{\"recipe\":\"sweep-toy\",\"vary\":{\"epochs\":[1,2]},\"seeds\":[1],"
                + "\"profile\":\"full\"}");
        String varied = run("collect", file.toString(), "--store", dir.resolve("v").toString(), "--csv", csv.toString());
        assertTrue(varied.startsWith("0\n"), varied);
        assertEquals(1, Files.readAllLines(csv).size(), "nothing stored yet: the header only");
    }

    @Test
    void theMainCliKnowsTheSweepCommands() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Plasticity.run(new String[] {"help"}, new PrintStream(b, true, StandardCharsets.UTF_8));
        String help = b.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("\n       plasticity sweep SWEEP.json") && help.contains("\nseeds:"), help);
        assertThrows(IllegalArgumentException.class, () -> Plasticity.run(new String[] {"sweep"}, System.out));
    }

    @Test
    void progressCountsDoneRunningFailedAndLeftOnOneUpdatedDisplay(@TempDir Path dir) {
        StringBuilder last = new StringBuilder();
        int[] shows = {0};
        LiveDisplay d = value -> {
            shows[0]++;
            return v -> last.replace(0, last.length(), v.toString());
        };
        SweepTest.FAILURES_LEFT.set(1);
        SweepProgress p = SweepProgress.on(d);
        Sweep.of(SweepTest.toy()).vary("learning_rate", 0.5, 7.0).seedList(1).profile(Profile.FULL)
                .store(RunStore.at(dir)).executor(SweepExecutor.sequential()).listener(p).run();
        assertEquals(1, shows[0], "one display, updated in place");
        assertTrue(last.toString().startsWith("sweep 1/2 done · 0 running · 1 failed · 0 left"), last.toString());
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        SweepProgress t = SweepProgress.terminal(new PrintStream(b, true, StandardCharsets.UTF_8));
        Sweep.of(SweepTest.toy()).seedList(1, 2).profile(Profile.FULL).store(RunStore.at(dir.resolve("t")))
                .executor(SweepExecutor.sequential()).listener(t).run();
        String line = b.toString(StandardCharsets.UTF_8);
        assertTrue(line.contains("\rsweep 2/2 done") && line.endsWith("\n"), line);
        assertEquals(0, t.left());
    }
}
