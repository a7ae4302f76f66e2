package org.plasticity.localca.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.plasticity.data.Batch;
import org.plasticity.testing.TestData;

/** Lemma 1 and Propositions 1–4 of the paper, checked on the forward pass. */
class CompartmentEquation_PaperStatementsTest {

    private static final double H = 1e-2;

    private static TreeConfig cfg() {
        return TestData.tinyDenseTree().withInputSize(10).withExcitatorySynapses(4).withInhibitorySynapses(3);
    }

    private static ForwardPass run(DendriticNetwork net, Batch batch) {
        ForwardPass p = net.newPass(batch.size());
        net.forward(batch.features(), batch.size(), p);
        return p;
    }

    @Test
    void lemma1VoltagesAreConvexCombinationsAndResistanceIsBounded() {
        for (long seed = 0; seed < 5; seed++) {
            DendriticNetwork net = DendriticNetwork.create(cfg().withReactivation(seed % 2 == 0), seed);
            // make some conductances large to stress the bounds
            for (float[] t : new float[][] {net.excitatoryTheta(2), net.inhibitoryTheta(1)}) {
                for (int i = 0; i < t.length; i += 3) {
                    t[i] += 4f;
                }
            }
            Batch batch = TestData.uniformBatch(7, 10, 3, seed);
            ForwardPass p = run(net, batch);
            TreeTopology topo = net.topology();
            for (int l = 0; l < topo.layers(); l++) {
                for (int c = 0; c < topo.size(l); c++) {
                    for (int b = 0; b < batch.size(); b++) {
                        double lo = 0;
                        double hi = l >= 1 ? 1 : 0; // reversal potentials {1, 0} present on synaptic compartments
                        if (l < topo.leafLayer()) {
                            for (int k = 0; k < topo.branch(l + 1); k++) {
                                float child = p.output(l + 1)[topo.firstChild(l, c) + k][b];
                                lo = Math.min(lo, child);
                                hi = Math.max(hi, child);
                            }
                        }
                        float v = p.voltage(l)[c][b];
                        float r = p.resistance(l)[c][b];
                        assertTrue(v >= lo - 1e-6 && v <= hi + 1e-6, "V=" + v + " outside [" + lo + ", " + hi + "]");
                        assertTrue(r > 0 && r <= 1, "R=" + r);
                        if (l < topo.leafLayer()) {
                            for (int k = 0; k < topo.branch(l + 1); k++) {
                                assertTrue(r * p.dendritic(l + 1)[topo.firstChild(l, c) + k] < 1);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void proposition1SynapticSensitivityIsPresynapticTimesResistanceTimesDrivingForce() {
        DendriticNetwork net = DendriticNetwork.create(cfg().withReactivation(false), 3);
        Batch batch = TestData.uniformBatch(4, 10, 3, 3);
        ForwardPass p = run(net, batch);
        int l = 2;
        int c = 1;
        for (boolean exc : new boolean[] {true, false}) {
            int j = exc ? p.activeExcitatory(l)[c][0] : p.activeInhibitory(l)[c][0];
            float[] theta = exc ? net.excitatoryTheta(l) : net.inhibitoryTheta(l);
            int idx = c * 10 + j;
            float old = theta[idx];
            double g0 = SynapseTransform.SOFTPLUS.apply(old);
            theta[idx] = (float) inverseSoftplus(g0 + H);
            ForwardPass plus = run(net, batch);
            theta[idx] = (float) inverseSoftplus(g0 - H);
            ForwardPass minus = run(net, batch);
            theta[idx] = old;
            for (int b = 0; b < batch.size(); b++) {
                double numeric = (plus.voltage(l)[c][b] - minus.voltage(l)[c][b]) / (2 * H);
                double e = exc ? 1 : 0;
                double expected = batch.get(b, j) * p.resistance(l)[c][b] * (e - p.voltage(l)[c][b]);
                assertEquals(expected, numeric, 1e-3 + 1e-2 * Math.abs(expected), "Prop. 1 (Eq. 5), exc=" + exc);
                if (!exc) {
                    // Prop. 4: a pure shunt's sensitivity is −x R V ≤ 0 (divisive attenuation)
                    assertTrue(numeric <= 1e-6, "a shunt must not raise V");
                }
            }
        }
    }

    @Test
    void propositions2And3ChildVoltageAndDendriticConductanceSensitivities() {
        DendriticNetwork net = DendriticNetwork.create(cfg(), 4);
        Batch batch = TestData.uniformBatch(4, 10, 3, 4);
        ForwardPass p = run(net, batch);
        int parentLayer = 1;
        int parent = 2;
        int child = net.topology().firstChild(parentLayer, parent) + 1;
        // Prop. 3: perturb g^den of the edge child → parent (stored as log w)
        float[] logw = net.logDendritic(parentLayer + 1);
        float old = logw[child];
        double g0 = Math.exp(old);
        logw[child] = (float) Math.log(g0 + H);
        ForwardPass plus = run(net, batch);
        logw[child] = (float) Math.log(g0 - H);
        ForwardPass minus = run(net, batch);
        logw[child] = old;
        for (int b = 0; b < batch.size(); b++) {
            double numeric = (plus.voltage(parentLayer)[parent][b] - minus.voltage(parentLayer)[parent][b]) / (2 * H);
            double expected = p.resistance(parentLayer)[parent][b]
                    * (p.output(parentLayer + 1)[child][b] - p.voltage(parentLayer)[parent][b]);
            assertEquals(expected, numeric, 1e-4 + 1e-2 * Math.abs(expected), "Prop. 3 (Eq. 7)");
        }
        // Prop. 2: perturb the child's output through its reactivation offset; dV_p/dr_c = g^den R_p
        float[] logb = net.logOffset(parentLayer + 1);
        float oldB = logb[child];
        logb[child] = oldB + 0.02f;
        ForwardPass shifted = run(net, batch);
        logb[child] = oldB;
        for (int b = 0; b < batch.size(); b++) {
            double dr = shifted.output(parentLayer + 1)[child][b] - p.output(parentLayer + 1)[child][b];
            double dv = shifted.voltage(parentLayer)[parent][b] - p.voltage(parentLayer)[parent][b];
            double expected = p.dendritic(parentLayer + 1)[child] * p.resistance(parentLayer)[parent][b];
            assertTrue(Math.abs(dr) > 1e-5, "perturbation too small to test");
            assertEquals(expected, dv / dr, 2e-2 * expected, "Prop. 2 (Eq. 6)");
        }
    }

    private static double inverseSoftplus(double g) {
        return Math.log(Math.expm1(g));
    }
}
