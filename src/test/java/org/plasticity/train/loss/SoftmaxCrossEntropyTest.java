package org.plasticity.train.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SoftmaxCrossEntropyTest {

    @Test
    void gradientMatchesCentralFiniteDifferencesOfTheLoss() {
        SplittableRandom rng = new SplittableRandom(7);
        int classes = 6;
        for (int trial = 0; trial < 20; trial++) {
            float[] z = new float[classes];
            for (int k = 0; k < classes; k++) {
                z[k] = (float) (rng.nextGaussian() * 3);
            }
            int y = rng.nextInt(classes);
            float[] g = new float[classes];
            SoftmaxCrossEntropy.lossAndGradient(z, 0, classes, y, g, 0);
            for (int k = 0; k < classes; k++) {
                float h = 1e-2f;
                float[] plus = z.clone();
                float[] minus = z.clone();
                plus[k] += h;
                minus[k] -= h;
                double hEff = ((double) plus[k] - minus[k]) / 2;
                double fd = (SoftmaxCrossEntropy.loss(plus, 0, classes, y) - SoftmaxCrossEntropy.loss(minus, 0, classes, y))
                        / (2 * hEff);
                assertEquals(fd, g[k], 2e-5, "trial " + trial + ", class " + k);
            }
        }
    }

    @Test
    void lossIsTheNegativeLogOfTheSoftmaxProbability() {
        float[] z = {0.5f, -1.25f, 2f};
        double norm = Math.exp(0.5) + Math.exp(-1.25) + Math.exp(2);
        assertEquals(-Math.log(Math.exp(-1.25) / norm), SoftmaxCrossEntropy.loss(z, 0, 3, 1), 1e-12);
        float[] g = new float[3];
        SoftmaxCrossEntropy.lossAndGradient(z, 0, 3, 2, g, 0);
        assertEquals(Math.exp(0.5) / norm, g[0], 1e-7);
        assertEquals(Math.exp(2) / norm - 1, g[2], 1e-7);
        assertEquals(0.0, g[0] + g[1] + g[2], 1e-7);
    }

    @Test
    void largeLogitsNeitherOverflowNorUnderflow() {
        float[] z = {1000f, 999f, -1000f};
        double loss = SoftmaxCrossEntropy.loss(z, 0, 3, 1);
        assertEquals(1 + Math.log(1 + Math.exp(-1)), loss, 1e-12);
        float[] g = new float[3];
        SoftmaxCrossEntropy.lossAndGradient(z, 0, 3, 0, g, 0);
        assertTrue(Float.isFinite(g[0]) && Float.isFinite(g[1]) && Float.isFinite(g[2]));
        assertEquals(1 / (1 + Math.E) , g[1], 1e-7);
        assertEquals(0f, g[2]);
    }

    @Test
    void batchVersionsAgreeWithTheRowVersionAndCountFirstMaxima() {
        float[] flat = {1f, 3f, 3f, 0f, -2f, 4f, 0.5f, 0.5f, 0.1f};
        int[] labels = {1, 2, 0};
        float[] g = new float[9];
        SoftmaxCrossEntropy.Totals t = SoftmaxCrossEntropy.evaluate(flat, 3, 3, labels, g);
        double sum = 0;
        for (int r = 0; r < 3; r++) {
            sum += SoftmaxCrossEntropy.loss(flat, 3 * r, 3, labels[r]);
        }
        assertEquals(sum, t.lossSum());
        assertEquals(3, t.rows());
        // row 0: first maximum is class 1 (tie with 2) → correct; row 1: class 2 → correct; row 2: class 0 → correct
        assertEquals(3, t.correct());
        float[][] rows = {{1f, 3f, 3f}, {0f, -2f, 4f}, {0.5f, 0.5f, 0.1f}};
        float[][] g2 = new float[3][3];
        SoftmaxCrossEntropy.Totals t2 = SoftmaxCrossEntropy.evaluate(rows, 3, new int[] {2, 2, 1}, g2);
        assertEquals(1, t2.correct());
        SoftmaxCrossEntropy.evaluate(rows, 3, labels, g2);
        for (int r = 0; r < 3; r++) {
            assertArrayEquals(java.util.Arrays.copyOfRange(g, 3 * r, 3 * r + 3), g2[r]);
        }
        assertEquals(t.lossSum() / 3, t.meanLoss());
    }

    @Test
    void labelsOutsideTheClassesAreRejectedWithAClearMessage() {
        float[] flat = new float[6];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SoftmaxCrossEntropy.evaluate(flat, 2, 3, new int[] {0, 3}, null));
        assertTrue(e.getMessage().contains("label 3 of row 1") && e.getMessage().contains("3 classes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SoftmaxCrossEntropy.loss(flat, 0, 3, -1));
        assertThrows(IllegalArgumentException.class,
                () -> SoftmaxCrossEntropy.evaluate(new float[][] {{0f, 1f}}, 1, new int[] {2}, null));
        assertThrows(IllegalArgumentException.class, () -> SoftmaxCrossEntropy.evaluate(flat, 3, 3, new int[] {0, 1, 2}, null));
    }
}
