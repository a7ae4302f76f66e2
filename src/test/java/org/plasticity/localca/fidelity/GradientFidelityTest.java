package org.plasticity.localca.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.data.Batch;
import org.plasticity.data.Dataset;
import org.plasticity.data.Splits;
import org.plasticity.localca.LearningRates;
import org.plasticity.localca.LocalCa;
import org.plasticity.localca.LocalRuleLearner;
import org.plasticity.localca.model.ParameterGroup;
import org.plasticity.localca.model.TreeConfig;
import org.plasticity.localca.rules.Broadcast;
import org.plasticity.localca.rules.LocalRuleConfig;
import org.plasticity.localca.rules.Rule;
import org.plasticity.testing.TestData;
import org.plasticity.train.Checkpoint;
import org.plasticity.train.Trainer;

/** Eqs. 27–28 and the diagnostic's wiring. */
class GradientFidelityTest {

    @Test
    void componentMetricsFollowEquations27And28() {
        ComponentFidelity same = ComponentFidelity.of("t", ParameterGroup.EXCITATORY_SYNAPSE, 1, new float[] {1, 2, 0},
                new float[] {10, 20, 0});
        assertEquals(1.0, same.cosine(), 1e-9);
        assertEquals(1.0, same.scaleMismatch(), 1e-9);
        assertEquals(0.9, same.relativeL2(), 1e-9);
        ComponentFidelity orth = ComponentFidelity.of("t", ParameterGroup.EXCITATORY_SYNAPSE, 1, new float[] {1, 0},
                new float[] {0, 1});
        assertEquals(0.0, orth.cosine(), 1e-9);
        assertEquals(0.0, orth.scaleMismatch(), 1e-9);
        ComponentFidelity opposite = ComponentFidelity.of("t", ParameterGroup.REACTIVATION, 1, new float[] {-1, -1},
                new float[] {1, 1});
        assertEquals(-1.0, opposite.cosine(), 1e-9);
        assertEquals(2.0, opposite.relativeL2(), 1e-9);
    }

    @Test
    void aggregatesAreParameterCountWeightedAndExcludeTheDecoder() {
        FidelityReport r = new FidelityReport(List.of(
                new ComponentFidelity("a", ParameterGroup.EXCITATORY_SYNAPSE, 1, 3, 1.0, 0.0, 0.0, 1, 1),
                new ComponentFidelity("b", ParameterGroup.DENDRITIC_CONDUCTANCE, 1, 1, 0.0, 2.0, 1.0, 1, 1),
                new ComponentFidelity("c", ParameterGroup.DECODER, -1, 100, -1.0, 9.0, 9.0, 1, 1)),
                GradientFidelity.DEFAULT_GROUPS);
        assertEquals(0.75, r.weightedCosine(), 1e-12);
        assertEquals(0.5, r.weightedScaleMismatch(), 1e-12);
        assertEquals(0.25, r.weightedRelativeL2(), 1e-12);
    }

    @Test
    void perSomaThreeFactorRuleIsExactUpToAConstantOnASingleBranchTreeWithoutReactivation() {
        // soma ← one compartment, no reactivation: ∂L/∂V_leaf = δ_0 · R_0 g^den with R_0 g^den the
        // same for every sample (the soma has no synapses), so per-soma 3F is the exact direction.
        TreeConfig tree = TreeConfig.headline().withInputSize(12).withNeurons(3).withBranchFactors(1)
                .withExcitatorySynapses(5).withInhibitorySynapses(4).withClasses(4).withReactivation(false);
        LocalRuleLearner learner = LocalCa.local(tree, LocalRuleConfig.of(Rule.THREE_F, Broadcast.PER_SOMA), 3);
        FidelityReport r = GradientFidelity.measure(learner, TestData.uniformBatch(16, 12, 4, 5));
        for (ComponentFidelity c : r.components()) {
            if (c.group() != ParameterGroup.DECODER) {
                assertEquals(1.0, c.cosine(), 1e-4, c.toString());
            } else {
                assertEquals(0.0, c.relativeL2(), 1e-5, "local decoder update is the backprop gradient");
            }
        }
        ComponentFidelity syn = r.components().get(0);
        double g = Math.exp(learner.network().logDendritic(1)[0]);
        // every soma has one child with g^den = 1 at init, so R_0 g^den = g/(1+g)
        assertEquals(Math.abs(Math.log10(g / (1 + g))), syn.scaleMismatch(), 1e-4);
    }

    @Test
    void scalarBroadcastIsLessFaithfulThanPerSomaOnABranchedTree() {
        TreeConfig tree = TreeConfig.headline().withInputSize(20).withNeurons(6).withExcitatorySynapses(6)
                .withInhibitorySynapses(3).withClasses(4);
        Batch b = TestData.uniformBatch(64, 20, 4, 6);
        double perSoma = GradientFidelity.measure(LocalCa.local(tree, LocalRuleConfig.of(Rule.FIVE_F,
                Broadcast.PER_SOMA), 1), b).weightedCosine();
        double scalar = GradientFidelity.measure(LocalCa.local(tree, LocalRuleConfig.of(Rule.FIVE_F,
                Broadcast.SCALAR), 1), b).weightedCosine();
        assertTrue(perSoma > 0.5, "per-soma cosine " + perSoma);
        assertTrue(perSoma > scalar, "per-soma " + perSoma + " vs scalar " + scalar);
    }

    @Test
    void measuresASavedCheckpointAndOverTraining(@TempDir Path dir) {
        TreeConfig tree = TreeConfig.headline().withInputSize(20).withNeurons(4).withExcitatorySynapses(6)
                .withInhibitorySynapses(3).withClasses(4);
        Batch probe = TestData.uniformBatch(32, 20, 4, 7);
        Batch big = TestData.uniformBatch(128, 20, 4, 8);
        Dataset train = new Dataset("train", big.features(), big.labels(), new int[] {20}, 4);
        Splits splits = new Splits("tiny", train, train.head(32), train.head(32));
        LocalRuleLearner learner = LocalCa.local(tree, LocalRuleConfig.headline(), LearningRates.local(), 1);
        FidelityListener listener = new FidelityListener(probe, 1);
        Trainer.create().quiet().epochs(2).batchSize(32).optimizer(learner.optimizer()).checkpointDir(dir)
                .listener(listener).fit(learner, splits);
        assertEquals(3, listener.history().size());
        assertEquals(3, listener.table().rowCount());
        FidelityReport live = GradientFidelity.measure(learner, probe);
        LocalRuleLearner fresh = LocalCa.local(tree, LocalRuleConfig.headline(), LearningRates.local(), 99);
        FidelityReport loaded = GradientFidelity.measure(dir.resolve(Checkpoint.FILE_NAME), fresh, probe);
        assertEquals(live.weightedCosine(), loaded.weightedCosine(), 1e-9);
        assertEquals(live.weightedScaleMismatch(), loaded.weightedScaleMismatch(), 1e-9);
    }
}
