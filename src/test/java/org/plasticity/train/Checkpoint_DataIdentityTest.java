package org.plasticity.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.baseline.SoftmaxRegression;
import org.plasticity.data.Splits;
import org.plasticity.testing.TestData;
import org.plasticity.train.optim.Sgd;

/** Issue 11 §4: a checkpoint is never resumed on other training data. */
class Checkpoint_DataIdentityTest {

    private static Trainer trainer(Path dir) {
        return Trainer.create().epochs(3).batchSize(32).seed(7).optimizer(Sgd.of(0.5)).quiet().checkpointDir(dir);
    }

    /** Trains one epoch of three, then stops (as a killed run would), leaving its checkpoint. */
    private static void interruptedRun(Path dir, Splits data) {
        TrainingRun r = trainer(dir).listener(new TrainingListener() {
            @Override
            public void onEpochEnd(TrainingSession s, EpochMetrics m) {
                s.requestStop();
            }
        }).fit(SoftmaxRegression.create(8, 3, 1), data);
        assertEquals(1, r.history().size());
    }

    @Test
    void resumingOnDifferentDataOfTheSameShapeIsRefused(@TempDir Path dir) {
        Splits a = TestData.blobSplits(8, 3, 0.3);
        Splits b = TestData.blobSplits(8, 3, 0.6); // same name and sizes, other samples
        assertEquals(a.name(), b.name());
        interruptedRun(dir, a);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> trainer(dir).fit(SoftmaxRegression.create(8, 3, 1), b));
        assertTrue(e.getMessage().contains("data="), e.getMessage());
    }

    @Test
    void resumingOnASmallerSliceIsRefused(@TempDir Path dir) {
        Splits a = TestData.blobSplits(8, 3, 0.3);
        interruptedRun(dir, a);
        assertThrows(IllegalStateException.class, () -> trainer(dir).fit(SoftmaxRegression.create(8, 3, 1),
                a.limit(50, 20)));
    }

    @Test
    void resumingOnTheSameDataContinues(@TempDir Path dir) {
        Splits a = TestData.blobSplits(8, 3, 0.3);
        interruptedRun(dir, a);
        TrainingRun run = trainer(dir).fit(SoftmaxRegression.create(8, 3, 1), TestData.blobSplits(8, 3, 0.3));
        assertEquals(1, run.resumedAtEpoch());
    }
}
