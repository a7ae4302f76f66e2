package org.plasticity.localca.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plasticity.data.Batch;
import org.plasticity.tensor.FloatKernels;
import org.plasticity.testing.TestData;
import org.plasticity.train.Parameter;

/** Theorem 1: the reverse sweep equals central finite differences of the mean cross-entropy. */
class TreeBackprop_FiniteDifferenceTest {

    private static final float EPS = 3e-2f;

    @Test
    void shuntingWithReactivationMatchesFiniteDifferences() {
        check(TestData.tinyDenseTree(), 7);
    }

    @Test
    void shuntingWithoutReactivationMatchesFiniteDifferences() {
        check(TestData.tinyDenseTree().withReactivation(false), 8);
    }

    @Test
    void additiveControlMatchesFiniteDifferences() {
        check(TestData.tinyDenseTree().withCore(Core.ADDITIVE).withReactivationInit(0.3, 0.5), 9);
    }

    @Test
    void expTransformAndDeeperTreeMatchFiniteDifferences() {
        check(TestData.tinyDenseTree().withSynapseTransform(SynapseTransform.EXP).withBranchFactors(2, 1, 2), 10);
    }

    @Test
    void sparseTopKGradientIsZeroOffMaskAndExactOnIt() {
        TreeConfig cfg = TestData.tinyDenseTree().withInputSize(12).withExcitatorySynapses(4).withInhibitorySynapses(3);
        check(cfg, 11);
    }

    @Test
    void threadsDoNotChangeGradients() {
        TreeConfig cfg = TestData.tinyDenseTree().withNeurons(16);
        Batch batch = TestData.uniformBatch(9, cfg.inputSize(), cfg.classes(), 3);
        float[] one = flat(gradients(DendriticNetwork.create(cfg, 5), batch));
        float[] two = flat(gradients(DendriticNetwork.create(cfg.withThreads(2), 5), batch));
        assertArrayEquals(one, two, 0f);
    }

    @Test
    void scalarAndVectorKernelsAgreeToFloatRounding() {
        TreeConfig cfg = TestData.tinyDenseTree().withNeurons(16);
        Batch batch = TestData.uniformBatch(37, cfg.inputSize(), cfg.classes(), 4);
        float[] scalar = flat(gradients(DendriticNetwork.create(cfg.withKernels(FloatKernels.scalar()), 5), batch));
        float[] best = flat(gradients(DendriticNetwork.create(cfg.withKernels(FloatKernels.get()), 5), batch));
        double max = 0;
        for (float v : scalar) {
            max = Math.max(max, Math.abs(v));
        }
        assertTrue(max > 0);
        assertArrayEquals(scalar, best, (float) (1e-5 * max));
    }

    private static float[] flat(TreeGradients g) {
        int n = g.arrays().stream().mapToInt(a -> a.length).sum();
        float[] out = new float[n];
        int o = 0;
        for (float[] a : g.arrays()) {
            System.arraycopy(a, 0, out, o, a.length);
            o += a.length;
        }
        return out;
    }

    static TreeGradients gradients(DendriticNetwork net, Batch batch) {
        ForwardPass pass = net.newPass(batch.size());
        net.forward(batch.features(), batch.size(), pass);
        TreeGradients g = TreeGradients.zeros(net);
        new TreeBackprop(net, batch.size()).run(pass, batch.labels(), g, true);
        return g;
    }

    private static void check(TreeConfig cfg, long seed) {
        DendriticNetwork net = DendriticNetwork.create(cfg, seed);
        Batch batch = TestData.uniformBatch(5, cfg.inputSize(), cfg.classes(), seed + 100);
        TreeGradients g = gradients(net, batch);
        ForwardPass ref = net.newPass(batch.size());
        net.forward(batch.features(), batch.size(), ref);
        List<Parameter> ts = net.parameters();
        int checked = 0;
        int offMask = 0;
        for (int t = 0; t < ts.size(); t++) {
            float[] w = ts.get(t).value();
            float[] grad = g.array(t);
            double scale = 0;
            for (float v : grad) {
                scale = Math.max(scale, Math.abs(v));
            }
            double diff2 = 0;
            double norm2 = 0;
            for (int i = 0; i < w.length; i++) {
                float old = w[i];
                w[i] = old + EPS;
                double plus = TestData.meanLoss(net, batch);
                boolean maskChanged = masksDiffer(net, batch, ref);
                w[i] = old - EPS;
                double minus = TestData.meanLoss(net, batch);
                maskChanged |= masksDiffer(net, batch, ref);
                w[i] = old;
                if (maskChanged) {
                    continue;
                }
                double numeric = (plus - minus) / (2 * EPS);
                double tol = 1e-7 + 0.01 * scale + 0.02 * Math.abs(numeric);
                assertEquals(numeric, grad[i], tol, ts.get(t).name() + "[" + i + "]");
                diff2 += (numeric - grad[i]) * (numeric - grad[i]);
                norm2 += numeric * numeric;
                if (numeric == 0 && grad[i] == 0) {
                    offMask++;
                }
                checked++;
            }
            if (norm2 > 0) {
                assertTrue(Math.sqrt(diff2 / norm2) < 0.01, ts.get(t).name() + ": relative L2 error "
                        + Math.sqrt(diff2 / norm2));
            }
        }
        assertTrue(checked > 50, "too few entries checked: " + checked);
        if (cfg.excitatorySynapses() < cfg.inputSize()) {
            assertTrue(offMask > 0, "expected inactive synapses with zero gradient");
        }
    }

    private static boolean masksDiffer(DendriticNetwork net, Batch batch, ForwardPass ref) {
        ForwardPass p = net.newPass(batch.size());
        net.forward(batch.features(), batch.size(), p);
        for (int l = 1; l < net.topology().layers(); l++) {
            for (int c = 0; c < net.topology().size(l); c++) {
                if (!java.util.Arrays.equals(p.activeExcitatory(l)[c], ref.activeExcitatory(l)[c])
                        || !java.util.Arrays.equals(p.activeInhibitory(l)[c], ref.activeInhibitory(l)[c])) {
                    return true;
                }
            }
        }
        return false;
    }
}
