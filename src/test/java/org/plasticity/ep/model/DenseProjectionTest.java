package org.plasticity.ep.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plasticity.tensor.FloatKernels;

/**
 * The input projection by a transposed batch ({@link DenseConnection#projectBatch}) equals the one by a
 * transposed W ({@link DenseConnection#prepare} + {@link DenseConnection#project}) bit for bit, for both
 * kernel sets, for batch sizes on and off the vector width, into zeroed outputs (and, for the vector
 * kernels, non-zero ones).
 */
class DenseProjectionTest {

    @Test
    void transposingTheBatchInsteadOfWIsBitIdentical() {
        SplittableRandom rng = new SplittableRandom(5);
        for (FloatKernels k : new FloatKernels[] {FloatKernels.vector(), FloatKernels.scalar()}) {
            for (int[] sh : new int[][] {{2, 37, 45}, {16, 784, 500}, {50, 784, 500}, {57, 100, 33}, {3, 9, 40}, {20, 20, 16}}) {
                int rows = sh[0];
                int nIn = sh[1];
                int nOut = sh[2];
                DenseConnection c = new DenseConnection("0", nIn, nOut, 1, k);
                float[] w = c.weight().value();
                for (int i = 0; i < w.length; i++) {
                    w[i] = (float) rng.nextGaussian();
                }
                float[] b = c.bias().value();
                for (int i = 0; i < b.length; i++) {
                    b[i] = (float) rng.nextGaussian();
                }
                float[] x = new float[rows * nIn];
                for (int i = 0; i < x.length; i++) {
                    // MNIST-like: many exact zeros
                    x[i] = rng.nextInt(3) == 0 ? 0f : (float) rng.nextDouble();
                }
                // the network projects into zeroed buffers; the vector kernels match for any start (the scalar
                // gemm accumulates into C term by term, so its sums start from C)
                for (boolean zeroed : k == FloatKernels.scalar() ? new boolean[] {true} : new boolean[] {true, false}) {
                    float[] start = new float[rows * nOut];
                    if (!zeroed) {
                        for (int i = 0; i < start.length; i++) {
                            start[i] = (float) rng.nextGaussian();
                        }
                    }
                    float[] ref = start.clone();
                    c.prepare(rows);
                    c.project(rows, x, 0, ref, 0);
                    float[] got = start.clone();
                    c.unprepare();
                    c.projectBatch(rows, x, 0, got, 0);
                    assertArrayEquals(ref, got, k.name() + " " + rows + "×" + nIn + "→" + nOut + (zeroed ? "" : " (non-zero)"));
                }
            }
        }
    }
}
