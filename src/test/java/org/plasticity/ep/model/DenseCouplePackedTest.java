package org.plasticity.ep.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plasticity.tensor.FloatKernels;

/**
 * A wide connection's coupling (both products of a relaxation step on {@code W} packed in column panels by
 * {@link DenseConnection#prepare}) equals the unpacked products bit for bit: {@code accOut += in·Wᵀ + b} through
 * {@code gemmAB} on an explicit {@code Wᵀ}, and {@code accIn += out·W} through {@link DenseConnection#adjoint}, for
 * both kernel sets, on shapes with partial panels; and the packing follows {@code W} when it changes between batches.
 */
class DenseCouplePackedTest {

    @Test
    void packedCouplingEqualsUnpackedProductsBitForBit() {
        SplittableRandom rng = new SplittableRandom(9);
        for (FloatKernels k : new FloatKernels[] {FloatKernels.vector(), FloatKernels.scalar()}) {
            for (int[] sh : new int[][] {{25, 500, 500}, {3, 37, 45}, {50, 33, 100}, {1, 64, 40}}) {
                int rows = sh[0];
                int nIn = sh[1];
                int nOut = sh[2];
                DenseConnection c = new DenseConnection("1", nIn, nOut, 1, k);
                float[] w = c.weight().value();
                float[] b = c.bias().value();
                for (int round = 0; round < 2; round++) {
                    for (int i = 0; i < w.length; i++) {
                        w[i] = (float) rng.nextGaussian();
                    }
                    for (int i = 0; i < b.length; i++) {
                        b[i] = (float) rng.nextGaussian();
                    }
                    c.prepare(rows);
                    float[] in = random(rng, rows * nIn);
                    float[] out = random(rng, rows * nOut);
                    float[] accOut = random(rng, rows * nOut);
                    float[] accIn = random(rng, rows * nIn);
                    float[] refOut = accOut.clone();
                    float[] refIn = accIn.clone();
                    float[] wt = new float[nIn * nOut];
                    for (int o = 0; o < nOut; o++) {
                        for (int i = 0; i < nIn; i++) {
                            wt[i * nOut + o] = w[o * nIn + i];
                        }
                    }
                    k.gemmAB(false, rows, nOut, nIn, 1f, in, 0, nIn, wt, 0, nOut, refOut, 0, nOut);
                    c.adjoint(rows, 1f, in, 0, out, 0, refIn, 0);
                    k.addRowVector(rows, nOut, b, 0, refOut, 0);
                    c.couple(rows, in, 0, out, 0, accOut, 0, accIn, 0, true);
                    assertArrayEquals(refOut, accOut, k + " forward " + rows + "x" + nIn + "x" + nOut + " round " + round);
                    assertArrayEquals(refIn, accIn, k + " adjoint " + rows + "x" + nIn + "x" + nOut + " round " + round);
                }
            }
        }
    }

    private static float[] random(SplittableRandom rng, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (2 * rng.nextDouble() - 1);
        }
        return a;
    }
}
