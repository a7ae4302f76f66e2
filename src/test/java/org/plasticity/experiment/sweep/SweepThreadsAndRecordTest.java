package org.plasticity.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.baseline.SoftmaxRegression;
import org.plasticity.display.Displayable;
import org.plasticity.display.LiveDisplay;
import org.plasticity.experiment.Claim;
import org.plasticity.experiment.Knob;
import org.plasticity.experiment.Recipe;
import org.plasticity.results.Profile;
import org.plasticity.results.ReproductionRow;
import org.plasticity.results.ResultsCsv;
import org.plasticity.results.RunStore;
import org.plasticity.tensor.Parallel;
import org.plasticity.testing.TestData;
import org.plasticity.train.Trainer;
import org.plasticity.train.optim.Sgd;

/** Per-run thread pinning, per-run epoch progress, the CLI's executors and recording as runs land. */
class SweepThreadsAndRecordTest {

    /** The kernel threads each run saw when its learner was built ({@link Parallel#threads()}). */
    static final Set<Integer> SEEN = ConcurrentHashMap.newKeySet();

    static Recipe counting(String id) {
        return Recipe.builder(id).paper("toy-paper").dataset("blobs").notes("test recipe")
                .data(() -> TestData.blobSplits(8, 3, 0.3)).epochs(3).batchSize(32)
                .knob(Knob.real("learning_rate", 0.5, 1e-6, 10, "SGD rate"))
                .learner((c, seed) -> {
                    SEEN.add(Parallel.threads());
                    return SoftmaxRegression.create(8, 3, seed);
                })
                .trainer((c, l) -> Trainer.create().optimizer(Sgd.of(c.real("learning_rate"))))
                .claim(Claim.accuracy(0.99, 0.005, 0.01)).seeds(1, 2, 3).build();
    }

    private static Sweep sweep(Path dir) {
        return Sweep.of(counting("sweep-threads-toy")).vary("learning_rate", 0.05, 0.5).seedList(1, 2)
                .profile(Profile.FULL).store(RunStore.at(dir));
    }

    @Test
    void sideBySideRunsArePinnedToOneThreadWithTheSameNumbers(@TempDir Path dir) {
        SEEN.clear();
        SweepTable par = sweep(dir.resolve("par")).executor(SweepExecutor.threads(2)).run();
        assertEquals(Set.of(1), SEEN, "each run of a 2-thread pool computes on one thread");
        assertEquals(1, sweep(dir).executor(SweepExecutor.threads(2)).effectiveThreadsPerRun());
        assertEquals(0, sweep(dir).executor(SweepExecutor.sequential()).effectiveThreadsPerRun(),
                "one run at a time keeps the library's setting");
        SEEN.clear();
        SweepTable seq = sweep(dir.resolve("seq")).executor(SweepExecutor.sequential()).run();
        assertEquals(Set.of(Parallel.poolThreads()), SEEN);
        SEEN.clear();
        SweepTable two = sweep(dir.resolve("two")).executor(SweepExecutor.threads(2)).threadsPerRun(2).run();
        assertEquals(Set.of(Math.min(2, Parallel.poolThreads())), SEEN, "an explicit threads-per-run wins");
        for (int i = 0; i < 4; i++) {
            assertEquals(seq.results().get(i).metrics(), par.results().get(i).metrics(), "run " + i);
            assertEquals(seq.results().get(i).metrics(), two.results().get(i).metrics(), "run " + i);
        }
        assertEquals(Parallel.poolThreads(), Parallel.threads(), "the limit ends with the run");
        assertEquals(7, (int) Parallel.withThreads(1, () -> Parallel.threads() + 6));
        assertThrows(IllegalArgumentException.class, () -> Parallel.withThreads(0, () -> 0));
        assertThrows(IllegalArgumentException.class, () -> sweep(dir).threadsPerRun(-1));
    }

    @Test
    void theLiveDisplayShowsEachRunningRunsEpochAndMetricSoFar(@TempDir Path dir) throws Exception {
        List<String> texts = new ArrayList<>();
        List<String> htmls = new ArrayList<>();
        int[] shows = {0};
        LiveDisplay d = value -> {
            shows[0]++;
            return v -> {
                texts.add(v.toString());
                htmls.add(((Displayable) v).toHtml());
            };
        };
        SweepProgress p = SweepProgress.on(d);
        Sweep.of(counting("sweep-progress-toy")).seedList(1).profile(Profile.FULL).store(RunStore.at(dir))
                .executor(SweepExecutor.sequential()).listener(p).run();
        assertEquals(1, shows[0], "one display, updated in place");
        assertTrue(texts.stream().anyMatch(t -> t.contains("1 running") && t.matches(
                ".* · #0 seed 1 epoch [123]/3 validation\\.accuracy [01]\\.\\d{4}$")), String.join("\n", texts));
        assertTrue(texts.get(texts.size() - 1).startsWith("sweep 1/1 done · 0 running") && !texts.get(texts.size() - 1)
                .contains("#0"), texts.get(texts.size() - 1));
        assertTrue(htmls.stream().anyMatch(h -> h.contains("<td>#0</td>") && h.contains("validation.accuracy")),
                String.join("\n", htmls));
        assertTrue(SweepProgress.sparkline(List.of(0.5, 0.7, 0.9)).contains("<polyline"));
        assertEquals("", SweepProgress.sparkline(List.of(0.5)));
        // the terminal line carries the same per-run part (at most every 250 ms for epochs: a slow listener)
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        SweepProgress t = SweepProgress.terminal(new PrintStream(b, true, StandardCharsets.UTF_8));
        SweepListener slow = new SweepListener() {
            @Override
            public void runEpoch(SweepPoint pt, org.plasticity.train.EpochMetrics m, int epochs) {
                try {
                    Thread.sleep(SweepProgress.EPOCH_UPDATE_MILLIS + 20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Sweep.of(counting("sweep-progress-toy")).seedList(2).profile(Profile.FULL).store(RunStore.at(dir))
                .executor(SweepExecutor.sequential()).listener(slow).listener(t).run();
        String out = b.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("#0 seed 2 epoch 2/3 validation.accuracy"), out);
        assertTrue(out.endsWith("\n"), out);
    }

    private static String cli(String sparkClass, String... args) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int code = SweepCli.run(args, new PrintStream(b, true, StandardCharsets.UTF_8), id -> SweepTest.toy(), sparkClass);
        return code + "\n" + b.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theCliChoosesTheExecutorAndSaysClearlyWhenSparkIsMissing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sweep.json");
        Files.writeString(file, "{\"recipe\":\"sweep-toy\",\"seeds\":[1,2],\"profile\":\"full\"}");
        String store = dir.resolve("runs").toString();
        String seq = cli(SweepCli.SPARK_EXECUTOR, "sweep", file.toString(), "--executor", "sequential", "--store", store);
        assertTrue(seq.startsWith("0\n") && seq.contains("test_accuracy"), seq);
        String thr = cli(SweepCli.SPARK_EXECUTOR, "sweep", file.toString(), "--executor", "threads", "--threads", "2",
                "--run-threads", "1", "--store", dir.resolve("runs2").toString(), "--csv", dir.resolve("t.csv").toString());
        assertTrue(thr.startsWith("0\n"), thr);
        assertEquals(Sweep.fromJson(Files.readString(file), id -> SweepTest.toy()).store(RunStore.at(Path.of(store)))
                .collect().results().get(1).metrics(), Sweep.fromJson(Files.readString(file), id -> SweepTest.toy())
                .store(RunStore.at(dir.resolve("runs2"))).collect().results().get(1).metrics(), "same numbers");
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> cli("org.example.NoSuchSparkExecutor",
                "sweep", file.toString(), "--executor", "spark", "--master", "local[2]", "--store", store));
        assertTrue(missing.getMessage().contains("mvn -Pspark") && missing.getMessage().contains("class path"),
                missing.getMessage());
        IllegalArgumentException noMaster = assertThrows(IllegalArgumentException.class, () -> SweepCli.executor("spark",
                null, null, "org.example.NoSuchSparkExecutor"));
        assertTrue(noMaster.getMessage().contains("--master"), noMaster.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SweepCli.executor("threads", null, "local[2]", "x"));
        assertThrows(IllegalArgumentException.class, () -> SweepCli.executor("sequential", 2, null, "x"));
        assertThrows(IllegalArgumentException.class, () -> SweepCli.executor("slurm", null, null, "x"));
        assertEquals("threads(3)", SweepCli.executor(null, 3, null, "x").toString());
        assertThrows(IllegalArgumentException.class, () -> cli("x", "sweep", file.toString(), "--index", "0", "--record"));
        assertThrows(IllegalArgumentException.class, () -> cli("x", "sweep", file.toString(), "--index", "0", "--executor",
                "sequential"));
    }

    @Test
    void recordingWritesEachLandedSeedIntoTheCommittedRow(@TempDir Path dir) {
        Recipe r = counting("sweep-record-toy");
        RunStore store = new RunStore(dir.resolve("out"), dir.resolve("committed"));
        r.experiment().profile(Profile.FULL).store(store).seedList(1).quiet().record(true).run();
        assertEquals(1, row().nSeeds());
        List<Integer> nAfterEachRun = new ArrayList<>();
        SweepListener watch = new SweepListener() {
            @Override
            public void runFinished(RunResult res) {
                nAfterEachRun.add(row().nSeeds());
            }
        };
        SweepTable t = Sweep.of(r).seedList(2, 3).profile(Profile.FULL).store(store).executor(SweepExecutor.sequential())
                .record(true).listener(watch).run();
        assertEquals(List.of(2, 3), nAfterEachRun, "the committed row grows as each seed lands (the earlier seed kept)");
        assertTrue(Files.exists(dir.resolve("committed/sweep-record-toy/seed-3.properties")));
        assertEquals(2, t.results().size());
        // a job array records in its collect step
        Sweep other = Sweep.of(r).vary("learning_rate", 0.25).seedList(1, 2).profile(Profile.FULL).store(store);
        other.runIndex(0);
        other.runIndex(1);
        assertEquals(2, other.collectAndRecord().results().size());
        String id = other.points().get(0).runId();
        assertEquals(2, ResultsCsv.inProject().reproductionRows(x -> x.experiment().equals(id)).get(0).nSeeds());
        assertThrows(IllegalArgumentException.class, () -> Sweep.of(r).profile(Profile.SMOKE).record(true));
        assertThrows(IllegalStateException.class, () -> Sweep.of(r).seedList(5).profile(Profile.FULL)
                .store(RunStore.at(dir.resolve("plain"))).executor(SweepExecutor.sequential()).record(true).run(),
                "a store without a committed directory cannot record");
    }

    private static ReproductionRow row() {
        return ResultsCsv.inProject().reproductionRows(x -> x.experiment().equals("sweep-record-toy")
                && x.metric().equals("test_accuracy")).get(0);
    }
}
