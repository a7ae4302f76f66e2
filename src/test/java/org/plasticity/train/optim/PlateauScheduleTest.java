package org.plasticity.train.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.baseline.SoftmaxRegression;
import org.plasticity.data.Splits;
import org.plasticity.testing.TestData;
import org.plasticity.train.BatchStats;
import org.plasticity.train.StepContext;
import org.plasticity.train.Trainer;
import org.plasticity.train.TrainingListener;
import org.plasticity.train.TrainingSession;

class PlateauScheduleTest {

    private static final Splits DATA = TestData.blobSplits(8, 3, 0.6);

    private static Trainer trainer(PlateauSchedule p) {
        // a rate far too high: the loss stops improving, the plateau rule halves it
        return Trainer.create().quiet().epochs(8).batchSize(32).seed(3).optimizer(Adam.of(2.0).withSchedule(p)).listener(p);
    }

    @Test
    void theRateDropsAfterPatienceEpochsWithoutImprovementAndAResumeContinuesExactly(@TempDir Path dir) {
        PlateauSchedule whole = PlateauSchedule.of(1, 0.5, "train.loss");
        SoftmaxRegression a = SoftmaxRegression.create(8, 3, 1);
        trainer(whole).fit(a, DATA);
        assertTrue(whole.scale() < 1, "no reduction: " + whole.scale());

        TrainingListener kill = new TrainingListener() {
            @Override
            public void onBatchEnd(TrainingSession session, StepContext ctx, BatchStats stats) {
                if (ctx.epoch() == 5 && ctx.batch() == 1) {
                    throw new IllegalStateException("simulated kill");
                }
            }
        };
        assertThrows(IllegalStateException.class, () -> trainer(PlateauSchedule.of(1, 0.5, "train.loss")).listener(kill)
                .checkpointDir(dir).fit(SoftmaxRegression.create(8, 3, 1), DATA));
        PlateauSchedule resumedSchedule = PlateauSchedule.of(1, 0.5, "train.loss");
        SoftmaxRegression b = SoftmaxRegression.create(8, 3, 1);
        trainer(resumedSchedule).checkpointDir(dir).fit(b, DATA);
        assertEquals(whole.scale(), resumedSchedule.scale());
        for (int i = 0; i < a.parameters().size(); i++) {
            assertArrayEquals(a.parameters().get(i).value(), b.parameters().get(i).value());
        }
    }

    @Test
    void aScheduleThatIsNotAListenerIsRefused() {
        PlateauSchedule p = PlateauSchedule.of(2, 0.5, "train.loss");
        Trainer t = Trainer.create().quiet().epochs(1).batchSize(32).optimizer(Adam.of(0.1).withSchedule(p));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.fit(SoftmaxRegression.create(8, 3, 1), DATA));
        assertTrue(e.getMessage().contains("listener"), e.getMessage());
    }

    @Test
    void anUnknownMetricIsNamed() {
        PlateauSchedule p = PlateauSchedule.of(2, 0.5, "train.nothing");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> trainer(p).fit(SoftmaxRegression.create(8, 3, 1), DATA));
        assertTrue(e.getMessage().contains("train.nothing"), e.getMessage());
        assertEquals(1.0, PlateauSchedule.of(2, 0.5, "train.loss").scale());
    }
}
