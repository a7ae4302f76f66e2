package org.plasticity.localca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plasticity.data.Batch;
import org.plasticity.localca.model.DendriticNetwork;
import org.plasticity.localca.model.TreeConfig;
import org.plasticity.localca.rules.Broadcast;
import org.plasticity.localca.rules.LocalRuleConfig;
import org.plasticity.localca.rules.Rule;
import org.plasticity.train.Parameter;
import org.plasticity.train.StepContext;

/** Appendix F: the online eligibility-trace variant. */
class OnlineTraceLearnerTest {

    private static final TreeConfig TREE = TreeConfig.headline().withInputSize(20).withNeurons(3)
            .withExcitatorySynapses(6).withInhibitorySynapses(3).withClasses(4);

    private static Batch batch(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[16 * 20];
        int[] y = new int[16];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble();
        }
        for (int i = 0; i < 16; i++) {
            y[i] = rng.nextInt(4);
        }
        return new Batch(x, y, 16, 20);
    }

    private static StepContext ctx() {
        return new StepContext(0, 0, 0, 1, new SplittableRandom(1));
    }

    @Test
    void withUnitTimeConstantItIsTheBatchThreeFactorPerSomaRule() {
        OnlineTraceLearner online = new OnlineTraceLearner(DendriticNetwork.create(TREE, 5), LearningRates.local(), 1);
        LocalRuleLearner batch = new LocalRuleLearner(DendriticNetwork.create(TREE, 5),
                LocalRuleConfig.of(Rule.THREE_F, Broadcast.PER_SOMA), LearningRates.local(), 5);
        Batch b = batch(1);
        online.computeGradients(b, ctx());
        batch.computeGradients(b, ctx());
        List<Parameter> po = online.parameters();
        List<Parameter> pb = batch.parameters();
        for (int i = 0; i < po.size(); i++) {
            float[] go = po.get(i).grad();
            float[] gb = pb.get(i).grad();
            for (int k = 0; k < go.length; k++) {
                assertEquals(gb[k], go[k], 1e-6 + 1e-4 * Math.abs(gb[k]), po.get(i).name() + "[" + k + "]");
            }
        }
    }

    @Test
    void tracesCarryOverBatchesAndThroughCheckpointState() {
        OnlineTraceLearner a = new OnlineTraceLearner(DendriticNetwork.create(TREE, 5), LearningRates.local(), 8);
        a.computeGradients(batch(1), ctx());
        OnlineTraceLearner b = new OnlineTraceLearner(DendriticNetwork.create(TREE, 5), LearningRates.local(), 8);
        b.restoreState(a.state());
        a.parameters().forEach(Parameter::zeroGrad);
        a.computeGradients(batch(2), ctx());
        b.computeGradients(batch(2), ctx());
        OnlineTraceLearner fresh = new OnlineTraceLearner(DendriticNetwork.create(TREE, 5), LearningRates.local(), 8);
        fresh.computeGradients(batch(2), ctx());
        assertArrayEquals(a.parameters().get(0).grad(), b.parameters().get(0).grad(), 0f);
        float diff = 0;
        for (int k = 0; k < a.parameters().get(0).size(); k++) {
            diff += Math.abs(a.parameters().get(0).grad()[k] - fresh.parameters().get(0).grad()[k]);
        }
        assertTrue(diff > 0, "traces from the previous batch must change the update");
    }
}
