package org.plasticity.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.baseline.SoftmaxRegression;
import org.plasticity.experiment.Claim;
import org.plasticity.experiment.Knob;
import org.plasticity.experiment.Recipe;
import org.plasticity.results.Profile;
import org.plasticity.results.RunStore;
import org.plasticity.testing.TestData;
import org.plasticity.train.BatchStats;
import org.plasticity.train.StepContext;
import org.plasticity.train.Trainer;
import org.plasticity.train.TrainingListener;
import org.plasticity.train.TrainingSession;
import org.plasticity.train.optim.Sgd;
import tech.tablesaw.api.Table;

/** The sweep engine on a family-free recipe: grid × seeds, table, failures, resume, executors, JSON. */
class SweepTest {

    /** Runs of learning rate 7 fail this many more times (then succeed), to test isolation and retry. */
    static final AtomicInteger FAILURES_LEFT = new AtomicInteger();

    static Recipe toy() {
        return Recipe.builder("sweep-toy").paper("toy-paper").dataset("blobs").notes("test recipe")
                .data(() -> TestData.blobSplits(8, 3, 0.3)).epochs(3).batchSize(32)
                .knob(Knob.real("learning_rate", 0.5, 1e-6, 10, "SGD rate"))
                .learner((c, seed) -> {
                    if (c.real("learning_rate") == 7 && FAILURES_LEFT.getAndDecrement() > 0) {
                        throw new IllegalStateException("simulated failure at learning rate 7");
                    }
                    return SoftmaxRegression.create(8, 3, seed);
                })
                .trainer((c, l) -> Trainer.create().optimizer(Sgd.of(c.real("learning_rate"))))
                .claim(Claim.accuracy(0.99, 0.005, 0.01)).seeds(1, 2, 3).build();
    }

    private static Sweep sweep(Path dir) {
        return Sweep.of(toy()).vary("learning_rate", 0.05, 0.5).seeds(3).profile(Profile.FULL).store(RunStore.at(dir));
    }

    @Test
    void gridTimesSeedsGivesOneRowPerRunAndAGroupedSummary(@TempDir Path dir) {
        SweepTable t = sweep(dir).executor(SweepExecutor.sequential()).run();
        Table rows = t.table();
        assertEquals(6, rows.rowCount());
        for (String c : List.of("index", "run_id", "learning_rate", "seed", "status", "message", "wall_seconds",
                "test_accuracy", "config", "commit", "library_version", "data", "machine")) {
            assertTrue(rows.columnNames().contains(c), c + " in " + rows.columnNames());
        }
        assertEquals("0.05", rows.stringColumn("learning_rate").get(0));
        assertEquals(List.of(1L, 2L, 3L, 1L, 2L, 3L), rows.longColumn("seed").asList());
        assertTrue(!rows.stringColumn("data").get(0).isEmpty(), "data identity with checksums");
        Table g = t.grouped();
        Table acc = g.where(g.stringColumn("metric").isEqualTo("test_accuracy"));
        assertEquals(2, acc.rowCount());
        double[] v = rows.where(rows.stringColumn("learning_rate").isEqualTo("0.5")).doubleColumn("test_accuracy")
                .asDoubleArray();
        assertEquals(3, acc.intColumn("n").get(1));
        assertEquals((v[0] + v[1] + v[2]) / 3, acc.doubleColumn("mean").get(1), 1e-12);
        double half = Compare.ci95HalfWidth(v);
        assertEquals(acc.doubleColumn("mean").get(1) - half, acc.doubleColumn("ci95_low").get(1), 1e-12);
        assertTrue(acc.doubleColumn("min").get(1) <= acc.doubleColumn("max").get(1));
        TTest c = t.compare("test_accuracy", Map.of("learning_rate", 0.5), Map.of("learning_rate", 0.05));
        assertEquals("paired", c.kind(), "the configurations share seeds");
        assertEquals(3, c.nA());
        assertTrue(t.toHtml().contains("<table"));
    }

    @Test
    void aFailingRunIsRecordedAndRetriedOnlyWhenAsked(@TempDir Path dir) {
        FAILURES_LEFT.set(1);
        Sweep s = Sweep.of(toy()).vary("learning_rate", 0.5, 7.0).seedList(1).profile(Profile.FULL)
                .store(RunStore.at(dir)).executor(SweepExecutor.sequential());
        SweepTable first = s.run();
        assertEquals(1, first.failed().size());
        RunResult f = first.failed().get(0);
        assertTrue(f.message().contains("simulated failure"), f.message());
        assertEquals(RunResult.State.DONE, first.results().get(0).state(), "the other run went on");
        assertTrue(Files.exists(dir.resolve(f.runId()).resolve("seed-1" + Sweep.FAILED_SUFFIX)));
        SweepTable again = s.run();
        assertEquals(RunResult.State.REUSED, again.results().get(0).state(), "finished runs are skipped");
        assertEquals(RunResult.State.FAILED, again.results().get(1).state(), "failed runs stay failed by default");
        assertEquals(0, FAILURES_LEFT.get(), "and were not run again");
        SweepTable retried = s.retryFailed(true).run();
        assertEquals(0, retried.failed().size());
        assertEquals(RunResult.State.DONE, retried.results().get(1).state());
        assertTrue(Files.notExists(dir.resolve(f.runId()).resolve("seed-1" + Sweep.FAILED_SUFFIX)));
        assertEquals(2, s.collect().results().size(), "collect reads back what is stored");
    }

    @Test
    void aKilledRunResumesFromItsCheckpointWithTheUninterruptedNumbers(@TempDir Path dir) {
        Sweep s = Sweep.of(toy()).seedList(2).profile(Profile.FULL).executor(SweepExecutor.sequential());
        double straight = s.store(RunStore.at(dir.resolve("straight"))).run().results().get(0).metrics()
                .get("test_accuracy");
        RunStore st = RunStore.at(dir.resolve("killed"));
        TrainingListener kill = new TrainingListener() {
            @Override
            public void onBatchEnd(TrainingSession session, StepContext ctx, BatchStats stats) {
                if (ctx.epoch() == 1) {
                    throw new IllegalStateException("simulated kill");
                }
            }
        };
        assertThrows(IllegalStateException.class, () -> toy().experiment().profile(Profile.FULL).store(st).seedList(2)
                .quiet().record(false).listener(kill).run());
        assertTrue(st.checkpoint("sweep-toy", 2).isPresent(), "a checkpoint of the killed run exists");
        RunResult resumed = s.store(st).run().results().get(0);
        assertEquals(RunResult.State.DONE, resumed.state());
        assertEquals(3, resumed.epochs());
        assertEquals(straight, resumed.metrics().get("test_accuracy"), 0.0, "bit-identical to the uninterrupted run");
    }

    @Test
    void threadPoolGivesTheSameNumbersAsSequential(@TempDir Path dir) {
        SweepTable seq = sweep(dir.resolve("seq")).executor(SweepExecutor.sequential()).run();
        SweepTable par = sweep(dir.resolve("par")).executor(SweepExecutor.threads(2)).run();
        for (int i = 0; i < seq.results().size(); i++) {
            assertEquals(seq.results().get(i).seed(), par.results().get(i).seed());
            assertEquals(seq.results().get(i).metrics(), par.results().get(i).metrics(), "run " + i);
        }
        assertNotEquals(seq.results().get(0).metrics(), seq.results().get(3).metrics(), "the knob matters");
    }

    @Test
    void jobArrayIndexRunsOnePointAndCollectMergesThem(@TempDir Path dir) {
        Sweep s = sweep(dir);
        for (int i = 0; i < s.points().size(); i++) {
            assertEquals(i, s.runIndex(i).index());
        }
        assertEquals(6, s.collect().results().size());
        assertEquals(sweep(dir.resolve("other")).executor(SweepExecutor.sequential()).run().results().get(4).metrics(),
                s.collect().results().get(4).metrics());
        assertThrows(IllegalArgumentException.class, () -> s.runIndex(6));
    }

    @Test
    void jsonRoundTripAndErrors() {
        Sweep s = Sweep.of(toy()).vary("learning_rate", 0.1, 0.5).seedList(4, 5).profile(Profile.SMOKE);
        String json = s.toJson();
        Sweep back = Sweep.fromJson(json, id -> toy());
        assertEquals(json, back.toJson());
        assertEquals(s.points(), back.points());
        assertEquals(4, back.points().size());
        Sweep counted = Sweep.fromJson("{\"recipe\":\"sweep-toy\",\"vary\":{\"learning_rate\":[0.1]},\"seeds\":3}",
                id -> toy());
        assertEquals(3, counted.points().size());
        assertThrows(IllegalArgumentException.class, () -> Sweep.fromJson("{\"recipe\":\"sweep-toy\",\"x\":1}",
                id -> toy()));
        assertThrows(IllegalArgumentException.class, () -> Sweep.of(toy()).vary("no_such_knob", 1));
        assertThrows(IllegalArgumentException.class, () -> Sweep.of(toy()).vary("learning_rate", 100.0));
        assertThrows(IllegalArgumentException.class, () -> Sweep.fromJson("{\"recipe\":\"no-such-recipe\"}"));
    }
}
