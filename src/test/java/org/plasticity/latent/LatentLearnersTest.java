package org.plasticity.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plasticity.data.Batch;
import org.plasticity.data.Splits;
import org.plasticity.latent.learn.GleLearner;
import org.plasticity.latent.model.GleConfig;
import org.plasticity.latent.model.StateMode;
import org.plasticity.testing.TestData;
import org.plasticity.train.Learner;
import org.plasticity.train.Parameter;
import org.plasticity.train.StepContext;
import org.plasticity.train.Trainer;
import org.plasticity.train.TrainingRun;
import org.plasticity.train.optim.Adam;

class LatentLearnersTest {

    private static final Splits BLOBS = TestData.blobSplits(8, 3, 0.6);

    private static Trainer trainer() {
        return Trainer.create().quiet().epochs(3).batchSize(32).seed(7).optimizer(Adam.of(0.01));
    }

    @Test
    void theSameSeedGivesIdenticalNumbers() {
        for (int k = 0; k < 3; k++) {
            Learner a = k == 0 ? Latent.gle(Latent.small(8, 3), 4) : k == 1 ? Latent.bptt(Latent.small(8, 3), 3, 4)
                    : Latent.instantaneous(Latent.small(8, 3), 4);
            Learner b = k == 0 ? Latent.gle(Latent.small(8, 3), 4) : k == 1 ? Latent.bptt(Latent.small(8, 3), 3, 4)
                    : Latent.instantaneous(Latent.small(8, 3), 4);
            TrainingRun ra = trainer().fit(a, BLOBS);
            TrainingRun rb = trainer().fit(b, BLOBS);
            for (int i = 0; i < a.parameters().size(); i++) {
                assertArrayEquals(a.parameters().get(i).value(), b.parameters().get(i).value());
            }
            assertTrue(ra.last().trainLoss() == rb.last().trainLoss());
            assertTrue(a.state().equals(b.state()));
        }
    }

    @Test
    void everyLearnerLearnsTheBlobs() {
        for (Learner l : new Learner[] {Latent.gle(Latent.small(8, 3), 1), Latent.instantaneous(Latent.small(8, 3), 1),
                Latent.bptt(Latent.small(8, 3), 0, 1)}) {
            TrainingRun r = trainer().epochs(4).fit(l, BLOBS);
            assertTrue(r.last().testAccuracy() > 0.8, l.describe() + ": " + r.last());
            assertTrue(r.last().trainLoss() < r.history().get(0).trainLoss(), l.describe());
        }
    }

    @Test
    void theCarriedStateChangesTheNextStep() {
        GleLearner a = Latent.gle(Latent.small(8, 3), 2);
        trainer().epochs(1).fit(a, BLOBS);
        GleLearner b = Latent.gle(Latent.small(8, 3), 2);
        for (int i = 0; i < a.parameters().size(); i++) {
            System.arraycopy(a.parameters().get(i).value(), 0, b.parameters().get(i).value(), 0, a.parameters().get(i).size());
        }
        Batch batch = TestData.uniformBatch(16, 8, 3, 11);
        for (Learner l : new Learner[] {a, b}) {
            l.parameters().forEach(Parameter::zeroGrad);
            l.computeGradients(batch, new StepContext(1, 0, 5, 3, new SplittableRandom(3)).withUpdates(() -> { }));
        }
        assertFalse(Arrays.equals(a.parameters().get(0).grad(), b.parameters().get(0).grad()),
                "a carried state must matter (else it need not be checkpointed)");
        // with a reset per sample it does not
        GleConfig reset = Latent.small(8, 3).withStateMode(StateMode.RESET);
        GleLearner c = Latent.gle(reset, 2);
        trainer().epochs(1).fit(c, BLOBS);
        GleLearner d = Latent.gle(reset, 2);
        for (int i = 0; i < c.parameters().size(); i++) {
            System.arraycopy(c.parameters().get(i).value(), 0, d.parameters().get(i).value(), 0, c.parameters().get(i).size());
        }
        for (Learner l : new Learner[] {c, d}) {
            l.parameters().forEach(Parameter::zeroGrad);
            l.computeGradients(batch, new StepContext(1, 0, 5, 3, new SplittableRandom(3)).withUpdates(() -> { }));
        }
        assertArrayEquals(c.parameters().get(0).grad(), d.parameters().get(0).grad());
    }

    @Test
    void aBatchOfTheWrongShapeIsRefusedNamingTheFix() {
        GleLearner l = Latent.gle(Latent.small(5, 3), 1);
        Batch batch = TestData.uniformBatch(4, 8, 3, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> l.evaluate(batch));
        assertTrue(e.getMessage().contains("inputs=8"), e.getMessage());
        Batch seq = batch.withTimeSteps(4);
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class, () -> l.evaluate(seq));
        assertTrue(f.getMessage().contains("inputs=2"), f.getMessage());
    }

    @Test
    void gleNeedsAPositiveBeta() {
        assertThrows(IllegalArgumentException.class, () -> Latent.gle(Latent.small(8, 3).withBeta(0), 1));
    }
}
