package org.plasticity.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plasticity.data.Batch;
import org.plasticity.data.Splits;
import org.plasticity.localca.LearningRates;
import org.plasticity.localca.OnlineTraceLearner;
import org.plasticity.localca.model.DendriticNetwork;
import org.plasticity.localca.model.TreeConfig;
import org.plasticity.testing.TestData;
import org.plasticity.train.optim.Adam;
import org.plasticity.train.optim.LearningRateSchedule;
import org.plasticity.train.optim.Sgd;

/** The online-update contract: StepContext.applyUpdate inside a batch. */
class OnlineUpdatesTest {

    private static final Splits DATA = TestData.blobSplits(4, 2, 0.3);

    /** Least squares of w·x against the label, one gradient per sample; online or per batch. */
    private static class PerSample implements Learner {
        final Parameter w = Parameter.of("w", new float[4], 4);
        final boolean online;
        boolean leaveRemainder;

        PerSample(boolean online) {
            this.online = online;
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(w);
        }

        @Override
        public BatchStats computeGradients(Batch b, StepContext ctx) {
            double loss = 0;
            for (int i = 0; i < b.size(); i++) {
                float e = -b.labels()[i];
                for (int j = 0; j < 4; j++) {
                    e += w.value()[j] * b.get(i, j);
                }
                loss += e * e;
                for (int j = 0; j < 4; j++) {
                    w.grad()[j] += e * b.get(i, j);
                }
                if (online && !(leaveRemainder && i == b.size() - 1)) {
                    ctx.applyUpdate();
                }
            }
            return new BatchStats(loss, 0, b.size());
        }

        @Override
        public BatchStats evaluate(Batch b) {
            return new BatchStats(0, 0, b.size());
        }

        @Override
        public String describe() {
            return "per-sample online=" + online;
        }
    }

    @Test
    void onlineUpdatesEqualBatchOfOneTrainingUnderEveryOptimizerRule() {
        // an update per sample inside batches of 25 = plain training with batches of 1: schedule per epoch,
        // clipping per update, and Adam's step count (bias correction) advancing once per update
        for (var opt : List.of(Sgd.of(0.05).withMomentum(0.5).withClipValue(0.3)
                .withSchedule(LearningRateSchedule.cosine(2, 0.01)), Adam.of(0.01).withClipValue(0.5))) {
            PerSample online = new PerSample(true);
            PerSample single = new PerSample(false);
            Trainer t = Trainer.create().quiet().epochs(2).seed(3).optimizer(opt);
            TrainingRun a = t.batchSize(25).fit(online, DATA);
            // batch 1 on the same order: the shuffle is a permutation of the epoch, independent of the batch size
            t.batchSize(1).fit(single, DATA);
            assertArrayEquals(single.w.value(), online.w.value(), opt.toString());
            assertEquals(2, a.history().size());
        }
    }

    @Test
    void gradientLeftAfterTheLastOnlineUpdateIsAnError() {
        PerSample l = new PerSample(true);
        l.leaveRemainder = true;
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Trainer.create().quiet().epochs(1).batchSize(10).optimizer(Sgd.of(0.01)).fit(l, DATA));
        assertTrue(e.getMessage().contains("left gradient in parameter w"), e.getMessage());
    }

    @Test
    void outsideATrainerApplyingAnUpdateIsAnError() {
        StepContext ctx = new StepContext(0, 0, 0, 1, new SplittableRandom(1));
        IllegalStateException e = assertThrows(IllegalStateException.class, ctx::applyUpdate);
        assertTrue(e.getMessage().contains("no optimizer attached"), e.getMessage());
        int[] calls = {0};
        ctx.withUpdates(() -> calls[0]++).applyUpdate();
        assertEquals(1, calls[0]);
    }

    @Test
    void aNonFiniteOnlineUpdateStopsBeforeItIsApplied() {
        PerSample l = new PerSample(true) {
            @Override
            public BatchStats computeGradients(Batch b, StepContext ctx) {
                w.grad()[0] = ctx.batch() == 1 ? Float.NaN : 0.5f;
                ctx.applyUpdate();
                return new BatchStats(0, 0, b.size());
            }
        };
        DivergenceException e = assertThrows(DivergenceException.class,
                () -> Trainer.create().quiet().epochs(1).batchSize(10).optimizer(Sgd.of(0.1)).fit(l, DATA));
        assertTrue(e.getMessage().contains("batch 1"), e.getMessage());
        assertTrue(Float.isFinite(l.w.value()[0]));
    }

    private static final TreeConfig TREE = TreeConfig.headline().withInputSize(4).withNeurons(3)
            .withExcitatorySynapses(3).withInhibitorySynapses(2).withClasses(2).withThreads(1);

    @Test
    void onlineTraceLearnerUpdatesInsideTheBatchWhenAsked() {
        Trainer t = Trainer.create().quiet().epochs(1).batchSize(40).seed(2).optimizer(LearningRates.local().optimizer());
        OnlineTraceLearner perBatch = new OnlineTraceLearner(DendriticNetwork.create(TREE, 1), LearningRates.local(), 4);
        OnlineTraceLearner wholeBatch = new OnlineTraceLearner(DendriticNetwork.create(TREE, 1), LearningRates.local(), 4,
                40);
        OnlineTraceLearner online = new OnlineTraceLearner(DendriticNetwork.create(TREE, 1), LearningRates.local(), 4, 1);
        t.fit(perBatch, DATA);
        t.fit(wholeBatch, DATA);
        TrainingRun run = t.fit(online, DATA);
        for (int i = 0; i < perBatch.parameters().size(); i++) {
            assertArrayEquals(perBatch.parameters().get(i).value(), wholeBatch.parameters().get(i).value(),
                    "updateEvery ≥ batch is the per-batch rule");
        }
        assertFalse(Arrays.equals(perBatch.parameters().get(0).value(), online.parameters().get(0).value()),
                "an update per sample moves the parameters differently");
        assertTrue(Double.isFinite(run.last().trainLoss()));
        assertTrue(online.describe().contains("update-every=1") && !perBatch.describe().contains("update-every"));
    }
}
