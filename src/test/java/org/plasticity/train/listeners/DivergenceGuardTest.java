package org.plasticity.train.listeners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plasticity.baseline.SoftmaxRegression;
import org.plasticity.data.Batch;
import org.plasticity.data.Splits;
import org.plasticity.ep.EqProp;
import org.plasticity.localca.LearningRates;
import org.plasticity.localca.LocalCa;
import org.plasticity.localca.model.TreeConfig;
import org.plasticity.localca.rules.LocalRuleConfig;
import org.plasticity.testing.TestData;
import org.plasticity.train.BatchStats;
import org.plasticity.train.DivergenceException;
import org.plasticity.train.Learner;
import org.plasticity.train.Parameter;
import org.plasticity.train.StepContext;
import org.plasticity.train.Trainer;
import org.plasticity.train.TrainingRun;
import org.plasticity.train.optim.Adam;
import org.plasticity.train.optim.Sgd;

/** Issue 11 §4: a finite but diverged run (EP at learning rate 1e6 ended at chance silently) is stopped, for every family. */
class DivergenceGuardTest {

    private static final Splits DATA = TestData.blobSplits(8, 3, 0.3);

    private static Trainer trainer(double lr) {
        return Trainer.create().quiet().epochs(3).batchSize(20).seed(1).optimizer(Sgd.of(lr));
    }

    @Test
    void epAtLearningRateOneMillionStopsNamingTheLearningRate() {
        // before the guard: 3 epochs, every value finite, weight RMS 3.3e4 (init 0.18), accuracy 0.34 = chance
        DivergenceException e = assertThrows(DivergenceException.class,
                () -> trainer(1e6).fit(EqProp.network(8, 16, 3).t1(12).t2(4).beta(0.5).build(1), DATA));
        assertTrue(e.getMessage().contains("Lower the learning rate (now 1000000.0, Sgd)")
                && e.getMessage().contains("epoch 1, batch 1") && e.getMessage().contains("initial"), e.getMessage());
    }

    @Test
    void healthyRunsOfEveryFamilyPass() {
        TrainingRun ep = trainer(0.2).fit(EqProp.network(8, 16, 3).t1(12).t2(4).beta(0.5).build(1), DATA);
        assertTrue(ep.finalTestAccuracy() > 0.9, ep.toString());
        TreeConfig tree = TreeConfig.headline().withInputSize(8).withNeurons(4).withExcitatorySynapses(4)
                .withInhibitorySynapses(2).withClasses(3);
        var local = LocalCa.local(tree, LocalRuleConfig.headline(), 2);
        trainer(0.1).optimizer(local.optimizer()).epochs(6).fit(local, DATA);
        trainer(0.5).epochs(6).fit(SoftmaxRegression.create(8, 3, 1), DATA);
    }

    @Test
    void otherFamiliesDivergingAreCaughtToo() {
        TreeConfig tree = TreeConfig.headline().withInputSize(8).withNeurons(4).withExcitatorySynapses(4)
                .withInhibitorySynapses(2).withClasses(3);
        var local = LocalCa.backprop(tree, 2);
        DivergenceException e = assertThrows(DivergenceException.class, () -> trainer(1)
                .optimizer(LearningRates.backprop().times(1e6).optimizer()).fit(local, DATA));
        assertTrue(e.getMessage().contains("Lower the learning rate"), e.getMessage());
        assertThrows(DivergenceException.class,
                () -> trainer(1e7).optimizer(Adam.of(1e4)).fit(SoftmaxRegression.create(8, 3, 1), DATA));
    }

    /** A learner that reports a given saturation and a loss that never falls while its weight keeps moving. */
    private static Learner reporting(double saturation) {
        return new Learner() {
            final Parameter p = Parameter.of("w", new float[] {1f}, 1);

            @Override
            public List<Parameter> parameters() {
                return List.of(p);
            }

            @Override
            public BatchStats computeGradients(Batch b, StepContext ctx) {
                p.grad()[0] = 1e-3f; // the weight drifts, the loss stays
                return new BatchStats(b.size(), 0, b.size()).with(DivergenceGuard.SATURATION, saturation * b.size());
            }

            @Override
            public BatchStats evaluate(Batch b) {
                return new BatchStats(b.size(), 0, b.size());
            }

            @Override
            public String describe() {
                return "reporting " + saturation;
            }
        };
    }

    @Test
    void saturatedOutputsReportedAsANamedMetricStopTheRun() {
        DivergenceException e = assertThrows(DivergenceException.class, () -> trainer(0.1).fit(reporting(1.0), DATA));
        assertTrue(e.getMessage().contains("100.0% of the units are saturated")
                && e.getMessage().contains("Lower the learning rate"), e.getMessage());
        trainer(0.1).epochs(2).fit(reporting(0.5), DATA); // below the limit
        trainer(0.1).divergenceGuard(DivergenceGuard.off()).fit(reporting(1.0), DATA); // switched off
    }

    @Test
    void noProgressWhileTheParametersMoveStopsAfterThePatience() {
        DivergenceException e = assertThrows(DivergenceException.class,
                () -> trainer(0.1).epochs(10).divergenceGuard(DivergenceGuard.defaults().withStallEpochs(3))
                        .fit(reporting(0), DATA));
        assertTrue(e.getMessage().contains("for 3 epochs"), e.getMessage());
        TrainingRun run = trainer(0.1).epochs(4).fit(reporting(0), DATA); // default patience 5 not reached
        assertEquals(4, run.history().size());
    }

    @Test
    void theLimitsAreConfigurable() {
        Learner ep = EqProp.network(8, 16, 3).t1(12).t2(4).beta(0.5).build(1);
        TrainingRun run = trainer(1e6).divergenceGuard(DivergenceGuard.defaults().withMaxGrowth(0).withStallEpochs(0)
                .withMaxSaturation(1))
                .fit(ep, DATA);
        assertEquals(3, run.history().size(), "growth check off: the old silent behaviour, on request only");
    }
}
