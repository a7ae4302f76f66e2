package org.plasticity.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.baseline.SoftmaxRegression;
import org.plasticity.results.Profile;
import org.plasticity.results.ReproductionRow;
import org.plasticity.results.RunStore;
import org.plasticity.results.Status;
import org.plasticity.testing.TestData;
import org.plasticity.train.Trainer;
import org.plasticity.train.TrainingListener;
import org.plasticity.train.TrainingSession;
import org.plasticity.train.optim.Sgd;

/** A recipe of a family-free learner through the whole layer: run, status, resume, record. */
class ExperimentLayerTest {

    private static Recipe toy() {
        return Recipe.builder("toy-blobs").paper("toy-paper").dataset("blobs").notes("test recipe")
                .data(() -> TestData.blobSplits(8, 3, 0.3)).epochs(3).batchSize(32)
                .knob(Knob.real("learning_rate", 0.5, 1e-6, 10, "SGD rate"))
                .learner((c, seed) -> SoftmaxRegression.create(8, 3, seed))
                .trainer((c, l) -> Trainer.create().optimizer(Sgd.of(c.real("learning_rate"))))
                .claim(Claim.accuracy(0.99, 0.005, 0.01)).seeds(7, 8, 9).build();
    }

    @Test
    void statusShowsNotStartedInProgressWithItsEpochAndDone(@TempDir Path dir) {
        Experiment e = toy().experiment().profile(Profile.FULL).store(new RunStore(dir.resolve("out"), dir.resolve("c")))
                .seedList(7).quiet().record(false);
        assertEquals(RunStatus.State.NOT_STARTED, e.status().get(0).state());
        TrainingListener killAfterOneEpoch = new TrainingListener() {
            @Override
            public void onBatchEnd(TrainingSession s, org.plasticity.train.StepContext ctx,
                    org.plasticity.train.BatchStats stats) {
                if (ctx.epoch() == 1) {
                    throw new IllegalStateException("simulated kill in the second epoch");
                }
            }
        };
        assertThrows(IllegalStateException.class, () -> e.listener(killAfterOneEpoch).run());
        RunStatus mid = e.status().get(0);
        assertEquals(RunStatus.State.IN_PROGRESS, mid.state());
        assertEquals(1, mid.epochsDone());
        assertTrue(mid.toString().contains("in progress, epoch 1/3"), mid.toString());
        Outcome o = e.run();
        assertEquals(3, o.sweep().epochs());
        assertEquals(RunStatus.State.DONE, e.status().get(0).state());
        ReproductionRow row = o.row("test_accuracy");
        assertEquals(o.sweep().records().get(0).commit(), row.commit(), "the row's commit is the record's");
        assertEquals(Rules.status(row.oursMean(), toy().claims().get(0)), row.status());
    }

    @Test
    void recordingCopiesRecordsAndRowsAndRefusesSmoke(@TempDir Path dir) {
        RunStore store = new RunStore(dir.resolve("out"), dir.resolve("committed"));
        Outcome o = toy().experiment().profile(Profile.FULL).store(store).seedList(7, 8).quiet().record(true).run();
        assertTrue(Files.exists(dir.resolve("committed/toy-blobs/seed-7.properties")));
        assertTrue(Files.exists(dir.resolve("committed/toy-blobs/seed-8-history.csv")));
        assertFalse(Files.exists(dir.resolve("committed/toy-blobs/seed-7")), "checkpoints are never recorded");
        List<ReproductionRow> committed = org.plasticity.results.ResultsCsv.inProject()
                .reproductionRows(r -> r.experiment().equals("toy-blobs"));
        assertEquals(1, committed.size());
        assertEquals(o.row("test_accuracy").oursMean(), committed.get(0).oursMean(), 1e-5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> toy().experiment()
                .profile(Profile.SMOKE).store(RunStore.at(dir.resolve("smoke"))).quiet().record(true).run());
        assertTrue(e.getMessage().contains("never recorded"), e.getMessage());
    }

    @Test
    void smokeRunsUseTheOnePolicyAndOverridesTheirOwnFolder(@TempDir Path dir) {
        Recipe r = toy();
        Outcome o = r.experiment().profile(Profile.SMOKE).store(RunStore.at(dir)).seeds(5).quiet().record(false).run();
        assertEquals(Profile.SMOKE_SEEDS, o.sweep().records().size());
        assertEquals(Profile.SMOKE_EPOCHS, o.sweep().epochs());
        assertEquals(Status.STAND_IN.id().isEmpty(), false);
        Experiment faster = r.with("learning_rate", 0.1).profile(Profile.SMOKE).store(RunStore.at(dir)).seeds(1).quiet()
                .record(false);
        assertFalse(faster.runId().equals(r.id()));
        assertEquals(0, faster.run().sweep().reused(), "an override never reuses the default's records");
        assertTrue(Files.isDirectory(dir.resolve(faster.runId())));
    }
}
