package org.plasticity.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.baseline.SoftmaxRegression;
import org.plasticity.data.Batch;
import org.plasticity.data.Splits;
import org.plasticity.testing.TestData;
import org.plasticity.train.optim.Sgd;

class TrainerTest {

    private static final Splits DATA = TestData.blobSplits(8, 3, 0.3);

    private static Trainer trainer() {
        return Trainer.create().epochs(4).batchSize(32).seed(7).optimizer(Sgd.of(0.5).withMomentum(0.5)).quiet();
    }

    @Test
    void learnsSeparableBlobs() {
        TrainingRun run = trainer().fit(SoftmaxRegression.create(8, 3, 1), DATA);
        assertEquals(4, run.history().size());
        assertTrue(run.finalTestAccuracy() > 0.95, "test accuracy " + run.finalTestAccuracy());
        assertTrue(run.history().get(0).trainLoss() > run.last().trainLoss(), "loss should fall");
        assertEquals(4, run.historyTable().rowCount());
    }

    @Test
    void sameSeedGivesBitIdenticalParameters() {
        SoftmaxRegression a = SoftmaxRegression.create(8, 3, 1);
        SoftmaxRegression b = SoftmaxRegression.create(8, 3, 1);
        trainer().fit(a, DATA);
        trainer().fit(b, DATA);
        assertArrayEquals(a.parameters().get(0).value(), b.parameters().get(0).value());
        SoftmaxRegression c = SoftmaxRegression.create(8, 3, 1);
        trainer().seed(8).fit(c, DATA);
        assertFalse(java.util.Arrays.equals(a.parameters().get(0).value(), c.parameters().get(0).value()),
                "another seed shuffles differently");
    }

    @Test
    void checkpointOfAnotherConfigurationIsRefused(@TempDir Path dir) {
        Trainer t = trainer().epochs(1).checkpointDir(dir);
        t.fit(SoftmaxRegression.create(8, 3, 1), DATA);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> t.seed(123).fit(SoftmaxRegression.create(8, 3, 1), DATA));
        assertTrue(e.getMessage().contains("another configuration"), e.getMessage());
    }

    @Test
    void corruptCheckpointGivesClearError(@TempDir Path dir) throws Exception {
        Trainer t = trainer().epochs(1).checkpointDir(dir);
        t.fit(SoftmaxRegression.create(8, 3, 1), DATA);
        Path f = dir.resolve(Checkpoint.FILE_NAME);
        byte[] bytes = Files.readAllBytes(f);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(f, bytes);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> t.epochs(2).fit(SoftmaxRegression.create(8, 3, 1), DATA));
        assertTrue(e.getMessage().contains("corrupt") && e.getMessage().contains("Delete"), e.getMessage());
    }

    @Test
    void nanGuardStopsBeforeThePoisonedUpdate() {
        Learner poisoned = new Learner() {
            final Parameter p = Parameter.of("w", new float[] {1f, 2f}, 2);

            @Override
            public List<Parameter> parameters() {
                return List.of(p);
            }

            @Override
            public BatchStats computeGradients(Batch batch, StepContext ctx) {
                p.grad()[0] = ctx.batch() == 2 ? Float.NaN : 0.1f;
                return new BatchStats(1.0, 0, batch.size());
            }

            @Override
            public BatchStats evaluate(Batch batch) {
                return new BatchStats(1.0, 0, batch.size());
            }

            @Override
            public String describe() {
                return "poisoned";
            }
        };
        DivergenceException e = assertThrows(DivergenceException.class, () -> trainer().fit(poisoned, DATA));
        assertTrue(e.getMessage().contains("batch 2") && e.getMessage().contains("parameter w"), e.getMessage());
        assertNotEquals(Float.NaN, poisoned.parameters().get(0).value()[0]);
        assertTrue(Float.isFinite(poisoned.parameters().get(0).value()[0]));
    }

    @Test
    void maxBatchesPerEpochCapsTraining() {
        int[] seen = new int[1];
        TrainingListener counter = new TrainingListener() {
            @Override
            public void onBatchEnd(TrainingSession s, StepContext ctx, BatchStats st) {
                seen[0]++;
            }
        };
        trainer().epochs(2).maxBatchesPerEpoch(3).listener(counter).fit(SoftmaxRegression.create(8, 3, 1), DATA);
        assertEquals(6, seen[0]);
    }

    @Test
    void earlyStoppingStopsAfterPatienceWithoutImprovement() {
        // zero learning signal: validation accuracy never improves after epoch 1
        Learner frozen = new Learner() {
            final Parameter p = Parameter.of("w", new float[] {0f}, 1);

            @Override
            public List<Parameter> parameters() {
                return List.of(p);
            }

            @Override
            public BatchStats computeGradients(Batch batch, StepContext ctx) {
                return new BatchStats(1.0, 0, batch.size());
            }

            @Override
            public BatchStats evaluate(Batch batch) {
                return new BatchStats(1.0, batch.size() / 2, batch.size());
            }

            @Override
            public String describe() {
                return "frozen";
            }
        };
        TrainingRun run = trainer().epochs(10)
                .listener(new org.plasticity.train.listeners.EarlyStopping(3)).fit(frozen, DATA);
        assertEquals(4, run.history().size());
        assertEquals(1, run.bestByValidation().epoch());
    }
}
