package org.plasticity.localca.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.plasticity.data.Batch;
import org.plasticity.localca.model.DendriticNetwork;
import org.plasticity.localca.model.ForwardPass;
import org.plasticity.localca.model.TreeTopology;
import org.plasticity.testing.TestData;
import org.plasticity.train.loss.SoftmaxCrossEntropy;

/** Broadcast modes of Section 3.1 and the path factor of Eq. 26. */
class BroadcastErrorsTest {

    private final DendriticNetwork net = DendriticNetwork.create(TestData.rulesTree(), 2);
    private final Batch batch = TestData.uniformBatch(12, 16, 3, 3);
    private final ForwardPass pass = TestData.forward(net, batch);
    private final float[][] dy = new float[12][3];

    private BroadcastErrors errors(LocalRuleConfig cfg) {
        SoftmaxCrossEntropy.evaluate(pass.logits(), 12, batch.labels(), dy);
        BroadcastErrors e = new BroadcastErrors(net, cfg, 5, 12);
        e.compute(pass, dy);
        return e;
    }

    @Test
    void perSomaSendsEachTreeItsOwnSomaticErrorAndScalarTheMean() {
        BroadcastErrors per = errors(LocalRuleConfig.of(Rule.FIVE_F, Broadcast.PER_SOMA));
        BroadcastErrors scalar = errors(LocalRuleConfig.of(Rule.FIVE_F, Broadcast.SCALAR));
        TreeTopology topo = net.topology();
        int neurons = topo.neurons();
        float[] w = net.decoderWeights();
        for (int l = 0; l < topo.layers(); l++) {
            for (int c = 0; c < topo.size(l); c++) {
                int soma = topo.soma(l, c);
                for (int b = 0; b < 12; b++) {
                    double d0 = 0;
                    double mean = 0;
                    for (int n = 0; n < neurons; n++) {
                        double dn = 0;
                        for (int k = 0; k < 3; k++) {
                            dn += w[k * neurons + n] * dy[b][k];
                        }
                        if (n == soma) {
                            d0 = dn;
                        }
                        mean += dn / neurons;
                    }
                    assertEquals(d0, per.error(l)[c][b], 1e-6, "Eq. 8 δ_0 of the compartment's soma");
                    assertEquals(mean, scalar.error(l)[c][b], 1e-6, "Eq. 12");
                }
            }
        }
    }

    @Test
    void literalPerCompartmentModeIsPerSomaOnlyWhereTheLayerHasOneCompartmentPerSoma() {
        BroadcastErrors literal = errors(LocalRuleConfig.of(Rule.FIVE_F, Broadcast.PER_COMPARTMENT));
        BroadcastErrors per = errors(LocalRuleConfig.of(Rule.FIVE_F, Broadcast.PER_SOMA));
        BroadcastErrors scalar = errors(LocalRuleConfig.of(Rule.FIVE_F, Broadcast.SCALAR));
        TreeTopology topo = net.topology();
        for (int l = 0; l < topo.layers(); l++) {
            BroadcastErrors expected = topo.size(l) == topo.neurons() ? per : scalar;
            for (int c = 0; c < topo.size(l); c++) {
                for (int b = 0; b < 12; b++) {
                    assertEquals(expected.error(l)[c][b], literal.error(l)[c][b], 0.0, "layer " + l);
                }
            }
        }
        assertNotEquals(per.error(1)[0][0], literal.error(1)[0][0], "dendritic layers fall back to the scalar error");
    }

    @Test
    void localMismatchIsScalarErrorTimesCentredMismatchPlusMix() {
        BroadcastErrors mm = errors(LocalRuleConfig.of(Rule.FIVE_F, Broadcast.LOCAL_MISMATCH));
        BroadcastErrors scalar = errors(LocalRuleConfig.of(Rule.FIVE_F, Broadcast.SCALAR));
        int l = 2;
        int c = 5;
        int parent = net.topology().parent(l, c);
        double[] m = new double[12];
        double mean = 0;
        for (int b = 0; b < 12; b++) {
            m[b] = pass.voltage(l - 1)[parent][b] - pass.voltage(l)[c][b];
            mean += m[b] / 12;
        }
        double ss = 0;
        for (int b = 0; b < 12; b++) {
            m[b] -= mean;
            ss += m[b] * m[b] / 12;
        }
        for (int b = 0; b < 12; b++) {
            double ebar = scalar.error(l)[c][b];
            double expected = 0.8 * ebar * m[b] / Math.sqrt(ss) + 0.2 * ebar;
            assertEquals(expected, mm.error(l)[c][b], 1e-4 * (1 + Math.abs(expected)));
        }
    }

    @Test
    void dfaFeedbackIsFixedBySeedAndDiffersBetweenCompartments() {
        BroadcastErrors a = errors(LocalRuleConfig.of(Rule.THREE_F, Broadcast.DFA));
        BroadcastErrors b = errors(LocalRuleConfig.of(Rule.THREE_F, Broadcast.DFA));
        assertEquals(a.error(1)[0][0], b.error(1)[0][0], 0f);
        assertNotEquals(a.error(1)[0][0], a.error(1)[1][0]);
    }

    @Test
    void pathFactorFollowsEquation26() {
        BroadcastErrors plain = errors(LocalRuleConfig.of(Rule.FIVE_F, Broadcast.PER_SOMA));
        float[] before = plain.error(2)[3].clone();
        BroadcastErrors path = errors(LocalRuleConfig.of(Rule.FIVE_F, Broadcast.PER_SOMA).withPathPropagation(true));
        for (int b = 0; b < 12; b++) {
            double pi = 1;
            for (int l = 1; l <= 2; l++) {
                double r = 0;
                for (float[] row : pass.resistance(l - 1)) {
                    r += row[b] / pass.resistance(l - 1).length;
                }
                double g = 0;
                for (float v : pass.dendritic(l)) {
                    g += v / pass.dendritic(l).length;
                }
                pi *= r * g;
            }
            assertEquals(pi, path.path(2)[b], 1e-5 * pi);
            assertEquals(before[b] * pi, path.error(2)[3][b], 1e-5 * Math.abs(before[b] * pi) + 1e-9);
        }
    }
}
