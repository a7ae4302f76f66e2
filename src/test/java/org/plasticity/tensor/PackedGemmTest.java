package org.plasticity.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code gemmABPacked} on a {@code packB} of {@code B} (or of {@code Bᵀ} stored transposed) is bit-identical to
 * {@code gemmAB} on the unpacked {@code B}, for both kernel sets, on shapes with partial last panels, scalar columns,
 * single rows and a non-zero start value of {@code C}; packing moves values only.
 */
class PackedGemmTest {

    private final SplittableRandom rng = new SplittableRandom(3);

    private float[] random(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (2 * rng.nextDouble() - 1);
        }
        return a;
    }

    @Test
    void packedProductEqualsUnpackedBitForBit() {
        for (FloatKernels k : new FloatKernels[] {FloatKernels.vector(), FloatKernels.scalar()}) {
            for (int[] sh : new int[][] {{25, 500, 500}, {1, 7, 3}, {5, 24, 9}, {4, 25, 33}, {9, 50, 10}, {3, 101, 17}}) {
                int m = sh[0];
                int n = sh[1];
                int kk = sh[2];
                float[] a = random(m * kk + 3);
                float[] b = random(kk * n);
                float[] bt = new float[n * kk];
                for (int p = 0; p < kk; p++) {
                    for (int j = 0; j < n; j++) {
                        bt[j * kk + p] = b[p * n + j];
                    }
                }
                float[] c0 = random(m * n + 2);
                float[] ref = c0.clone();
                k.gemmAB(false, m, n, kk, 0.75f, a, 3, kk, b, 0, n, ref, 2, n);
                float[] packed = new float[kk * n];
                float[] packedT = new float[kk * n];
                int q = k.panels(n);
                // in two pieces, as threads would
                k.packB(false, kk, n, b, 0, n, packed, 0, q / 2);
                k.packB(false, kk, n, b, 0, n, packed, q / 2, q);
                k.packB(true, kk, n, bt, 0, kk, packedT, 0, q);
                assertArrayEquals(packed, packedT, "packing Bᵀ gives the packing of B");
                float[] sortedB = b.clone();
                float[] sortedP = packed.clone();
                Arrays.sort(sortedB);
                Arrays.sort(sortedP);
                assertArrayEquals(sortedB, sortedP, "packing only moves values");
                float[] c = c0.clone();
                k.gemmABPacked(m, n, kk, 0.75f, a, 3, kk, packed, c, 2, n);
                assertArrayEquals(ref, c, k + " " + Arrays.toString(sh));
            }
        }
    }

    @Test
    void panelsCoverTheColumns() {
        FloatKernels k = FloatKernels.vector();
        int pw = k.panelWidth();
        assertEquals(1, k.panels(1));
        assertEquals(1, k.panels(pw));
        assertEquals(2, k.panels(pw + 1));
        assertNotEquals(0, pw);
    }
}
