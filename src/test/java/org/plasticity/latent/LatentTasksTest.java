package org.plasticity.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plasticity.data.Splits;
import org.plasticity.experiment.Catalog;
import org.plasticity.experiment.Recipe;
import org.plasticity.latent.learn.GleLearner;
import org.plasticity.latent.model.GleConfig;
import org.plasticity.latent.model.GleNetwork;
import org.plasticity.latent.tasks.LagLine;
import org.plasticity.latent.tasks.SyntheticMel;
import org.plasticity.train.Trainer;
import org.plasticity.train.TrainingRun;
import org.plasticity.train.optim.Adam;

class LatentTasksTest {

    @Test
    void theLagLineTeacherIsAFixedPointOfGle() {
        LagLine task = new LagLine(4, 8, 4, 0.5, 1, org.plasticity.latent.model.Activation.SOFTPLUS);
        Splits s = task.splits();
        assertEquals(s.train().forEpoch(3, 9).features()[17], s.train().forEpoch(3, 9).features()[17]);
        assertFalse(s.train().forEpoch(3, 9).features()[17] == s.train().forEpoch(4, 9).features()[17],
                "fresh segments every epoch");
        // a student equal to the teacher has zero loss and no gradient pressure: it stays the teacher
        GleLearner l = new GleLearner(task.teacher());
        TrainingRun r = Trainer.create().quiet().epochs(2).batchSize(8).seed(1).optimizer(Adam.of(1e-4)).fit(l, s);
        assertTrue(r.last().trainLoss() < 1e-10, "loss " + r.last().trainLoss());
        assertEquals(2f, l.network().tauM(1)[0], 1e-3);
        assertEquals(2f, l.network().weights(1)[0], 1e-3);
    }

    @Test
    void aStudentMovesTowardsTheTeacher() {
        LagLine task = new LagLine(10, 20, 10, 0.5, 1, org.plasticity.latent.model.Activation.SOFTPLUS);
        GleLearner l = new GleLearner(task.student(3, task.network()));
        double before = Math.abs(l.network().tauM(1)[0] - 2) + Math.abs(l.network().weights(1)[0] - 2);
        TrainingRun r = Trainer.create().quiet().epochs(20).batchSize(20).seed(3).optimizer(Adam.of(1e-4))
                .fit(l, task.splits());
        double after = Math.abs(l.network().tauM(1)[0] - 2) + Math.abs(l.network().weights(1)[0] - 2);
        assertTrue(after < before, before + " → " + after);
        assertTrue(r.last().trainLoss() < r.history().get(0).trainLoss());
    }

    @Test
    void theLagNetStaysFixedWhileTheMlpLearns() {
        GleConfig c = Latent.lagNetLeMlp();
        assertEquals(4930, c.parameterCount());
        GleNetwork net = Latent.lagNetWeights(GleNetwork.create(c, 1));
        float[] lag = net.weights(2).clone();
        float[] mlp = net.weights(5).clone();
        GleLearner l = new GleLearner(net);
        Splits s = org.plasticity.latent.tasks.Mnist1dSequences.gle().limit(20, 10);
        Trainer.create().quiet().epochs(1).batchSize(10).seed(1).optimizer(Adam.of(1e-3)).fit(l, s);
        assertArrayEquals(lag, net.weights(2));
        assertFalse(java.util.Arrays.equals(mlp, net.weights(5)));
        assertEquals(6, l.parameters().size());
    }

    @Test
    void theSpeechCommandsCodePathRunsOnASyntheticMelSetOfTheRightShape() {
        Splits s = SyntheticMel.generate(96, 48, 40, 1);
        assertEquals(SyntheticMel.BANDS, s.trainSet().featureCount() / s.trainSet().timeSteps());
        GleConfig c = Latent.speechCommands(3);
        assertEquals(32, c.inputs());
        assertEquals(12, c.outputs());
        GleLearner l = Latent.gle(c, 2);
        TrainingRun r = Trainer.create().quiet().epochs(6).batchSize(16).seed(2).optimizer(Adam.of(3e-3)).fit(l, s);
        assertTrue(r.last().testAccuracy() > 2.0 / 12, "learns above chance: " + r.last());
    }

    @Test
    void theMnist1dNetworksHaveThePapersSizes() {
        assertEquals(14956, Latent.mnist1d(17, 36).parameterCount());
        int p42 = Latent.mnist1d(30, 60).parameterCount();
        assertTrue(Math.abs(p42 - 42000) < 500, "42k variant: " + p42);
    }

    @Test
    void theBaselinesHaveAboutTheGleNetworksParameterCount() {
        for (String id : List.of("mnist1d-bptt-gru", "mnist1d-bptt-tcn", "mnist1d-bp-mlp")) {
            int n = Catalog.get(id).learner(Catalog.get(id).configure(java.util.Map.of()), 1).parameters().stream()
                    .mapToInt(org.plasticity.train.Parameter::size).sum();
            assertTrue(Math.abs(n - 14956) < 700, id + ": " + n);
        }
    }

    @Test
    void theCatalogueHoldsTheNotebooksRecipes() {
        List<String> ids = List.of("lagline-gle", "lagline-instantaneous-bp", "lagline-tbptt-4", "lagline-tbptt-2",
                "lagline-tbptt-1", "mnist1d-gle-15k", "mnist1d-gle-42k", "mnist1d-bptt-15k", "mnist1d-lagnet-le-mlp",
                "mnist1d-gle-minus-bptt", "speech-commands-gle", "mnist1d-bptt-gru", "mnist1d-bptt-tcn", "mnist1d-bp-mlp");
        for (String id : ids) {
            Recipe r = Catalog.get(id);
            assertEquals(Latent.PAPER, r.paper());
        }
        assertFalse(Catalog.get("speech-commands-gle").isObtainable());
        assertTrue(Catalog.get("mnist1d-gle-minus-bptt").isDerived());
    }
}
