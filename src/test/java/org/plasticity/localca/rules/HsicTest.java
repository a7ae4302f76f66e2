package org.plasticity.localca.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Eqs. 29–30 and their gradients against finite differences. */
class HsicTest {

    private static void check(HsicKernel kernel) {
        SplittableRandom rng = new SplittableRandom(4);
        int units = 3;
        int n = 6;
        float[][] z = new float[units][n];
        for (float[] row : z) {
            for (int i = 0; i < n; i++) {
                row[i] = (float) rng.nextDouble();
            }
        }
        int[] labels = {0, 1, 2, 0, 1, 1};
        HsicConfig cfg = HsicConfig.of(1).withKernel(kernel);
        float[][] grad = new float[units][n];
        Hsic.lossAndGradient(z, n, labels, 3, cfg, grad);
        double h = 1e-3;
        for (int u = 0; u < units; u++) {
            for (int i = 0; i < n; i++) {
                float old = z[u][i];
                z[u][i] = (float) (old + h);
                double plus = Hsic.lossAndGradient(z, n, labels, 3, cfg, null);
                z[u][i] = (float) (old - h);
                double minus = Hsic.lossAndGradient(z, n, labels, 3, cfg, null);
                z[u][i] = old;
                double numeric = (plus - minus) / (2 * h);
                assertEquals(numeric, grad[u][i], 1e-4 + 1e-2 * Math.abs(numeric), kernel + " z[" + u + "][" + i + "]");
            }
        }
    }

    @Test
    void linearKernelGradientMatchesFiniteDifferences() {
        check(HsicKernel.LINEAR);
    }

    @Test
    void rbfKernelGradientMatchesFiniteDifferences() {
        check(HsicKernel.RBF);
    }

    @Test
    void selfTermIsZeroForConstantActivationsAndTargetTermRewardsLabelAlignment() {
        HsicConfig cfg = new HsicConfig(1, 0, 1, HsicKernel.LINEAR, 1, 0.1, 0);
        int[] labels = {0, 0, 1, 1};
        float[][] aligned = {{1, 1, 0, 0}};
        float[][] random = {{1, 0, 1, 0}};
        double la = Hsic.lossAndGradient(aligned, 4, labels, 2, cfg, null);
        double lr = Hsic.lossAndGradient(random, 4, labels, 2, cfg, null);
        org.junit.jupiter.api.Assertions.assertTrue(la < lr, "label-aligned activations must have lower target loss");
        HsicConfig self = new HsicConfig(1, 1, 0, HsicKernel.LINEAR, 1, 0.1, 0);
        assertEquals(0.0, Hsic.lossAndGradient(new float[][] {{2, 2, 2, 2}}, 4, labels, 2, self, null), 1e-12);
    }
}
