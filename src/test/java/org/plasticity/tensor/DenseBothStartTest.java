package org.plasticity.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code denseBoth} with a start value for the top-down product ({@code bwd = bwdStart + Wᵀy}) is
 * bit-identical to copying the start into {@code bwd} and accumulating, for both kernel sets, on shapes
 * that exercise every block (2/1 rows × 4/2/1 outputs) and the scalar tail; the start is left untouched.
 */
class DenseBothStartTest {

    private final SplittableRandom rng = new SplittableRandom(11);

    private float[] random(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (2 * rng.nextDouble() - 1);
        }
        return a;
    }

    @Test
    void startValueEqualsCopyThenAccumulateBitForBit() {
        for (FloatKernels k : new FloatKernels[] {FloatKernels.vector(), FloatKernels.scalar()}) {
            for (int[] sh : new int[][] {{1, 1, 5}, {2, 2, 8}, {3, 10, 500}, {4, 7, 37}, {5, 3, 16}, {7, 1, 9}, {2, 4, 3}}) {
                int rows = sh[0];
                int nOut = sh[1];
                int nIn = sh[2];
                float[] w = random(nOut * nIn);
                float[] x = random(3 + rows * nIn);
                float[] y = random(1 + rows * nOut);
                float[] fwd = random(2 + rows * nOut);
                float[] start = random(5 + rows * nIn);
                float[] startCopy = start.clone();
                float[] bwdRef = random(4 + rows * nIn);
                float[] bwd = random(4 + rows * nIn);
                System.arraycopy(bwd, 0, bwdRef, 0, 4);
                float[] fwdRef = fwd.clone();
                System.arraycopy(start, 5, bwdRef, 4, rows * nIn);
                k.denseBoth(rows, nOut, nIn, w, x, 3, y, 1, fwdRef, 2, bwdRef, 4);
                k.denseBoth(rows, nOut, nIn, w, x, 3, y, 1, fwd, 2, start, 5, bwd, 4);
                String where = k.name() + " " + rows + "×" + nOut + "×" + nIn;
                assertArrayEquals(bwdRef, bwd, where);
                assertArrayEquals(fwdRef, fwd, where);
                assertArrayEquals(startCopy, start, where);
            }
        }
    }

    @Test
    void aStartTooShortIsRefused() {
        FloatKernels v = FloatKernels.vector();
        float[] w = random(10 * 50);
        float[] x = random(2 * 50);
        float[] y = random(2 * 10);
        assertThrows(IndexOutOfBoundsException.class,
                () -> v.denseBoth(2, 10, 50, w, x, 0, y, 0, new float[20], 0, new float[60], 0, new float[100], 0));
    }
}
