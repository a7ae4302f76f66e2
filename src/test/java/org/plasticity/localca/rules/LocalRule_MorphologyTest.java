package org.plasticity.localca.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.plasticity.data.Batch;
import org.plasticity.localca.model.DendriticNetwork;
import org.plasticity.localca.model.ForwardPass;
import org.plasticity.localca.model.TreeGradients;
import org.plasticity.localca.model.TreeTopology;
import org.plasticity.testing.TestData;

/** Appendix D extensions act on the 3F update exactly as defined. */
class LocalRule_MorphologyTest {

    private final DendriticNetwork net = DendriticNetwork.create(TestData.rulesTree(), 3);
    private final Batch batch = TestData.uniformBatch(10, 16, 3, 4);
    private final ForwardPass pass = TestData.forward(net, batch);

    private TreeGradients grads(Morphology m) {
        TreeGradients g = TreeGradients.zeros(net);
        new LocalRule(net, LocalRuleConfig.of(Rule.THREE_F, Broadcast.PER_SOMA).withMorphology(m), 1)
                .accumulate(pass, batch.labels(), 0, g, true);
        return g;
    }

    @Test
    void depthModulationDividesEachLayerByDistancePlusOffset() {
        TreeGradients plain = grads(Morphology.none());
        TreeGradients depth = grads(Morphology.none().withDepthModulation(true));
        for (int l = 1; l < net.topology().layers(); l++) {
            double f = 1.0 / (l + 1.0);
            float[] a = plain.excitatory(l);
            float[] b = depth.excitatory(l);
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i] * f, b[i], 2e-5 * Math.abs(a[i]) + 1e-12);
            }
        }
        assertEquals(plain.decoderWeights()[0], depth.decoderWeights()[0], 0f);
    }

    @Test
    void dendriticNormalisationDividesByTheChildrensTotalConductance() {
        TreeGradients plain = grads(Morphology.none());
        TreeGradients norm = grads(Morphology.none().withDendriticNormalization(true));
        TreeTopology topo = net.topology();
        for (int l = 1; l < topo.layers(); l++) {
            for (int c = 0; c < topo.size(l); c++) {
                int p = topo.parent(l, c);
                double sum = 0;
                for (int k = 0; k < topo.branch(l); k++) {
                    sum += pass.dendritic(l)[topo.firstChild(l - 1, p) + k];
                }
                assertEquals(plain.dendritic(l)[c] / sum, norm.dendritic(l)[c], 1e-5 * Math.abs(plain.dendritic(l)[c] / sum));
            }
        }
    }

    @Test
    void apicalAndBasalScalesMultiplyTheirSubtrees() {
        TreeGradients plain = grads(Morphology.none());
        TreeGradients typed = grads(Morphology.none().withBranchScales(3.0, 0.5));
        TreeTopology topo = net.topology();
        int d = net.config().inputSize();
        for (int l = 1; l < topo.layers(); l++) {
            for (int c = 0; c < topo.size(l); c++) {
                double s = topo.somaBranch(l, c) == 0 ? 3.0 : 0.5;
                for (int j = 0; j < d; j++) {
                    float a = plain.inhibitory(l)[c * d + j];
                    assertEquals(a * s, typed.inhibitory(l)[c * d + j], 2e-5 * Math.abs(a * s) + 1e-12);
                }
            }
        }
    }
}
