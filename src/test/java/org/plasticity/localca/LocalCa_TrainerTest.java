package org.plasticity.localca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plasticity.testing.TestData;
import org.plasticity.data.Splits;
import org.plasticity.localca.model.TreeConfig;
import org.plasticity.localca.rules.LocalRuleConfig;
import org.plasticity.train.Learner;
import org.plasticity.train.Parameter;
import org.plasticity.train.Trainer;

/** Regression (issue 11 §4): {@code LocalCa.trainer} trains with the learner's optimizer, not the default SGD. */
class LocalCa_TrainerTest {

    private static final Splits DATA = TestData.sparsePrototypeSplits(20, 3, 128, 4);
    private static final TreeConfig TREE = TreeConfig.headline().withInputSize(20).withNeurons(4)
            .withExcitatorySynapses(6).withInhibitorySynapses(3).withClasses(3);

    private static List<float[]> values(Learner l) {
        List<float[]> out = new ArrayList<>();
        for (Parameter p : l.parameters()) {
            out.add(p.value().clone());
        }
        return out;
    }

    private static LocalRuleLearner learner() {
        // rates far from the trainer's default SGD 0.01, so that ignoring them shows in the parameters
        return LocalCa.local(TREE, LocalRuleConfig.headline(), LearningRates.local().times(3), 5);
    }

    @Test
    void theTrainerInstallsTheLearnersOptimizer() {
        LocalRuleLearner viaLocalCa = learner();
        assertEquals(viaLocalCa.optimizer(), LocalCa.trainer(viaLocalCa, 1).config().optimizer());
        LocalCa.trainer(viaLocalCa, 1).quiet().batchSize(32).maxBatchesPerEpoch(3).seed(2).fit(viaLocalCa, DATA);

        LocalRuleLearner explicit = learner();
        Trainer.create().quiet().epochs(1).batchSize(32).evalBatchSize(1000).maxBatchesPerEpoch(3).seed(2)
                .optimizer(explicit.optimizer()).fit(explicit, DATA);

        LocalRuleLearner defaults = learner();
        Trainer.create().quiet().epochs(1).batchSize(32).evalBatchSize(1000).maxBatchesPerEpoch(3).seed(2)
                .fit(defaults, DATA);

        List<float[]> a = values(viaLocalCa);
        List<float[]> b = values(explicit);
        List<float[]> c = values(defaults);
        boolean differsFromDefault = false;
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(b.get(i), a.get(i), viaLocalCa.parameters().get(i).name());
            differsFromDefault |= !Arrays.equals(c.get(i), a.get(i));
        }
        assertTrue(differsFromDefault, "the learner's optimizer and the default SGD gave the same parameters");
    }

    @Test
    void theLearnersTrainerKeepsThePaperBatchAndEpochs() {
        BackpropLearner l = LocalCa.backprop(TREE, 1);
        assertEquals(LocalCa.LOCAL_EPOCHS, LocalCa.trainer(l).config().epochs());
        assertEquals(256, LocalCa.trainer(l, 7).config().batchSize());
        assertEquals(7, LocalCa.trainer(l, 7).config().epochs());
        assertEquals(l.optimizer(), LocalCa.trainer(l).config().optimizer());
    }
}
