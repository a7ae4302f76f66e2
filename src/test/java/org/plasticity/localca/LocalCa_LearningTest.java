package org.plasticity.localca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.plasticity.testing.TestData;
import org.plasticity.data.Splits;
import org.plasticity.localca.model.Core;
import org.plasticity.localca.model.TreeConfig;
import org.plasticity.localca.rules.Broadcast;
import org.plasticity.localca.rules.LocalRuleConfig;
import org.plasticity.localca.rules.Rule;
import org.plasticity.train.Learner;
import org.plasticity.train.Trainer;
import org.plasticity.train.TrainingRun;

/** Every learner learns a small synthetic task through the shared trainer. */
class LocalCa_LearningTest {

    private static final Splits DATA = TestData.sparsePrototypeSplits(40, 4, 800, 1);
    private static final TreeConfig TREE = TreeConfig.headline().withInputSize(40).withNeurons(8)
            .withExcitatorySynapses(10).withInhibitorySynapses(5).withClasses(4);

    private static TrainingRun fit(Learner learner, org.plasticity.train.optim.OptimizerSpec opt, int epochs) {
        return Trainer.create().quiet().epochs(epochs).batchSize(32).seed(3).optimizer(opt).fit(learner, DATA);
    }

    @Test
    void backpropOnTheTreeLearns() {
        BackpropLearner l = LocalCa.backprop(TREE, 2);
        TrainingRun run = fit(l, l.rates().times(5).optimizer(), 8);
        assertTrue(run.finalTestAccuracy() > 0.9, run.toString());
    }

    @Test
    void fiveFactorPerSomaLearns() {
        LocalRuleLearner l = LocalCa.local(TREE, LocalRuleConfig.headline(), LearningRates.local().times(5), 2);
        TrainingRun run = fit(l, l.optimizer(), 8);
        assertTrue(run.finalTestAccuracy() > 0.85, run.toString());
    }

    @Test
    void everyRuleAndBroadcastRunsOnBothCores() {
        for (Core core : Core.values()) {
            for (Rule rule : Rule.values()) {
                for (Broadcast b : Broadcast.values()) {
                    LocalRuleLearner l = LocalCa.local(TREE.withCore(core), LocalRuleConfig.of(rule, b),
                            LearningRates.local().times(5), 2);
                    TrainingRun run = fit(l, l.optimizer(), 1);
                    assertTrue(Double.isFinite(run.last().trainLoss()), core + " " + rule + " " + b);
                }
            }
        }
    }

    @Test
    void pointMlpLearns() {
        PointMlpLearner l = LocalCa.pointMlp(TREE, 2);
        TrainingRun run = fit(l, org.plasticity.train.optim.Adam.of(5e-3), 5);
        assertTrue(run.finalTestAccuracy() > 0.9, run.toString());
    }

    @Test
    void sameSeedSameRun() {
        LocalRuleLearner a = LocalCa.local(TREE, LocalRuleConfig.headline(), 4);
        LocalRuleLearner b = LocalCa.local(TREE, LocalRuleConfig.headline(), 4);
        assertEquals(losses(fit(a, a.optimizer(), 2)), losses(fit(b, b.optimizer(), 2)));
    }

    private static java.util.List<Double> losses(TrainingRun run) {
        return run.history().stream().flatMap(m -> java.util.stream.Stream.of(m.trainLoss(), m.validationLoss(),
                m.testAccuracy())).toList();
    }
}
