package org.plasticity.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Vector-API kernels against the plain loops, on shapes that exercise every block and tail. */
class FloatKernelsTest {

    private final FloatKernels v = FloatKernels.vector();
    private final FloatKernels s = FloatKernels.scalar();
    private final SplittableRandom rng = new SplittableRandom(7);

    private float[] random(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (2 * rng.nextDouble() - 1);
        }
        return a;
    }

    private static void assertClose(float[] expected, float[] actual, double tol) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            double scale = Math.max(1, Math.abs(expected[i]));
            assertTrue(Math.abs(expected[i] - actual[i]) <= tol * scale,
                    "element " + i + ": expected " + expected[i] + " got " + actual[i]);
        }
    }

    @Test
    void vectorKernelsAreSelectedWhenTheModuleIsLoaded() {
        assertTrue(FloatKernels.get().name().startsWith("vector"), FloatKernels.get().name());
    }

    @Test
    void gemmNtMatchesScalarOnAllTails() {
        int[][] shapes = {{1, 1, 1}, {5, 7, 33}, {9, 70, 100}, {4, 4, 16}, {13, 3, 784}};
        for (int[] sh : shapes) {
            int m = sh[0];
            int n = sh[1];
            int k = sh[2];
            float[] a = random(2 + m * (k + 3));
            float[] b = random(1 + n * (k + 1));
            float[] c0 = random(3 + m * (n + 2));
            for (boolean acc : new boolean[] {false, true}) {
                float[] cs = c0.clone();
                float[] cv = c0.clone();
                s.gemmNT(m, n, k, a, 2, k + 3, b, 1, k + 1, cs, 3, n + 2, acc);
                v.gemmNT(m, n, k, a, 2, k + 3, b, 1, k + 1, cv, 3, n + 2, acc);
                assertClose(cs, cv, 1e-5 * Math.sqrt(k));
            }
        }
    }

    @Test
    void gemmAbMatchesScalarPlainAndTransposed() {
        int[][] shapes = {{1, 1, 1}, {5, 50, 7}, {9, 100, 33}, {4, 48, 16}, {10, 784, 50}};
        for (int[] sh : shapes) {
            int m = sh[0];
            int n = sh[1];
            int k = sh[2];
            for (boolean trans : new boolean[] {false, true}) {
                int lda = trans ? m + 1 : k + 2;
                float[] a = random(1 + (trans ? k : m) * lda);
                float[] b = random(n * k + 5 + k);
                float[] c0 = random(m * (n + 1));
                float[] cs = c0.clone();
                float[] cv = c0.clone();
                s.gemmAB(trans, m, n, k, 0.7f, a, 1, lda, b, 3, n + 1, cs, 0, n + 1);
                v.gemmAB(trans, m, n, k, 0.7f, a, 1, lda, b, 3, n + 1, cv, 0, n + 1);
                assertClose(cs, cv, 1e-5 * Math.sqrt(k));
            }
        }
    }

    /**
     * Every element of the vector {@code gemmAB} is computed in one order — a sum of FMAs over k from 0, then
     * {@code c = fma(sum, alpha, c)} — whichever block (full vectors, the overlapping vector over the leftover columns,
     * scalar) computes it; here bit for bit against that order, on column counts with every tail (the GLE nets' 53 and
     * 10, fewer columns than one vector, panels with 1..L−1 leftovers).
     */
    @Test
    void gemmAbIsBitIdenticalToTheOneOrderPerElement() {
        int[][] shapes = {{100, 53, 53}, {53, 53, 100}, {100, 10, 53}, {7, 5, 9}, {9, 29, 4}, {5, 61, 3}, {6, 47, 11},
            {1, 53, 2}, {3, 8, 5}, {4, 25, 6}, {2, 1, 7}, {17, 29, 6}, {8, 53, 3}};
        for (int[] sh : shapes) {
            int m = sh[0];
            int n = sh[1];
            int k = sh[2];
            for (boolean trans : new boolean[] {false, true}) {
                int lda = trans ? m + 1 : k + 2;
                int ldb = n + 1;
                float[] a = random(1 + (trans ? k : m) * lda);
                float[] b = random(3 + k * ldb);
                float[] c0 = random(m * ldb);
                float[] expected = c0.clone();
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        float sum = 0f;
                        for (int p = 0; p < k; p++) {
                            float av = trans ? a[1 + p * lda + i] : a[1 + i * lda + p];
                            sum = Math.fma(b[3 + p * ldb + j], av, sum);
                        }
                        expected[i * ldb + j] = Math.fma(sum, 0.7f, expected[i * ldb + j]);
                    }
                }
                float[] cv = c0.clone();
                v.gemmAB(trans, m, n, k, 0.7f, a, 1, lda, b, 3, ldb, cv, 0, ldb);
                for (int i = 0; i < cv.length; i++) {
                    assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(cv[i]),
                            "m=" + m + " n=" + n + " k=" + k + " trans=" + trans + " element " + i);
                }
            }
        }
    }

    @Test
    void denseBothMatchesScalarForOddRowsAndOutputs() {
        for (int[] sh : new int[][] {{1, 1, 5}, {3, 10, 500}, {4, 7, 37}, {5, 3, 16}}) {
            int rows = sh[0];
            int nOut = sh[1];
            int nIn = sh[2];
            float[] w = random(nOut * nIn);
            float[] x = random(rows * nIn);
            float[] y = random(rows * nOut);
            float[] fwd = random(rows * nOut);
            float[] bwd = random(rows * nIn);
            float[] fs = fwd.clone();
            float[] bs = bwd.clone();
            s.denseBoth(rows, nOut, nIn, w, x, 0, y, 0, fs, 0, bs, 0);
            v.denseBoth(rows, nOut, nIn, w, x, 0, y, 0, fwd, 0, bwd, 0);
            assertClose(fs, fwd, 1e-5 * Math.sqrt(nIn));
            assertClose(bs, bwd, 1e-5 * Math.sqrt(nOut));
        }
    }

    @Test
    void rowBlockingDoesNotChangeResults() {
        int rows = 7;
        int nOut = 10;
        int nIn = 123;
        float[] w = random(nOut * nIn);
        float[] x = random(rows * nIn);
        float[] y = random(rows * nOut);
        float[] fAll = new float[rows * nOut];
        float[] bAll = new float[rows * nIn];
        v.denseBoth(rows, nOut, nIn, w, x, 0, y, 0, fAll, 0, bAll, 0);
        float[] fOne = new float[rows * nOut];
        float[] bOne = new float[rows * nIn];
        for (int r = 0; r < rows; r++) {
            v.denseBoth(1, nOut, nIn, w, x, r * nIn, y, r * nOut, fOne, r * nOut, bOne, r * nIn);
        }
        assertEquals(java.util.Arrays.toString(fAll), java.util.Arrays.toString(fOne));
        assertEquals(java.util.Arrays.toString(bAll), java.util.Arrays.toString(bOne));
        float[] cAll = new float[rows * nOut];
        float[] cOne = new float[rows * nOut];
        v.gemmNT(rows, nOut, nIn, x, 0, nIn, w, 0, nIn, cAll, 0, nOut, false);
        for (int r = 0; r < rows; r++) {
            v.gemmNT(1, nOut, nIn, x, r * nIn, nIn, w, 0, nIn, cOne, r * nOut, nOut, false);
        }
        assertEquals(java.util.Arrays.toString(cAll), java.util.Arrays.toString(cOne));
    }

    @Test
    void elementwiseMatchesScalar() {
        float[] src = random(37);
        for (int i = 0; i < src.length; i++) {
            src[i] *= 3;
        }
        float[] a = new float[37];
        float[] b = new float[37];
        s.clampScaled(src, 0, a, 0, 37, 0.5f, 0f, 1f);
        v.clampScaled(src, 0, b, 0, 37, 0.5f, 0f, 1f);
        assertClose(a, b, 0);
        s.logistic(src, 0, a, 0, 37, 4f, 0.5f);
        v.logistic(src, 0, b, 0, 37, 4f, 0.5f);
        assertClose(a, b, 1e-6);
        s.tanh(src, 0, a, 0, 37);
        v.tanh(src, 0, b, 0, 37);
        assertClose(a, b, 1e-6);
        float[] y1 = random(37);
        float[] y2 = y1.clone();
        s.axpy(37, 0.3f, src, 0, y1, 0);
        v.axpy(37, 0.3f, src, 0, y2, 0);
        assertClose(y1, y2, 1e-6);
        assertEquals(s.dot(37, src, 0, y1, 0), v.dot(37, src, 0, y1, 0), 1e-4);
    }

    @Test
    void outOfRangeCallsFailCleanlyAlthoughPerLoadChecksAreOff() {
        float[] small = new float[100];
        float[] big = new float[10_000];
        org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class,
                () -> v.gemmNT(4, 4, 30, small, 0, 30, big, 0, 30, big, 0, 4, false));
        org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class,
                () -> v.denseBoth(2, 10, 50, big, small, 10, big, 0, big, 0, big, 0));
        org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class,
                () -> v.logistic(small, 90, big, 0, 20, 1f, 0f));
        org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class,
                () -> v.gemmAB(true, 5, 5, 30, 1f, small, 0, 5, big, 0, 5, big, 0, 5));
    }

    @Test
    void nestedParallelRangesRunInlineInsteadOfDeadlocking() {
        int[] hits = new int[400];
        Parallel.forRange(4, 1, (a, b) -> {
            for (int q = a; q < b; q++) {
                int base = q * 100;
                Parallel.forRange(100, 1, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        hits[base + i]++;
                    }
                });
            }
        });
        for (int h : hits) {
            assertEquals(1, h);
        }
    }

    @Test
    void parallelRangeCoversEveryIndexOnce() {
        int[] hits = new int[1000];
        Parallel.forRange(1000, 10, (from, to) -> {
            for (int i = from; i < to; i++) {
                hits[i]++;
            }
        });
        for (int h : hits) {
            assertEquals(1, h);
        }
    }
}
