package org.plasticity.localca.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** TopK selection and its incremental cache agree with a sort-based reference, ties included. */
class TopKTest {

    private static int[] reference(float[] row, int off, int len, int k) {
        Integer[] idx = IntStream.range(0, len).boxed().toArray(Integer[]::new);
        Arrays.sort(idx, Comparator.<Integer>comparingDouble(i -> -row[off + i]).thenComparingInt(i -> i));
        int[] top = new int[k];
        for (int i = 0; i < k; i++) {
            top[i] = idx[i];
        }
        Arrays.sort(top);
        return top;
    }

    @Test
    void selectsTheKLargestWithLowIndexTieBreak() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int trial = 0; trial < 200; trial++) {
            int len = 1 + rng.nextInt(60);
            int k = rng.nextInt(len + 1);
            float[] row = new float[len + 3];
            for (int i = 0; i < row.length; i++) {
                row[i] = rng.nextInt(4) == 0 ? 0.5f : (float) rng.nextGaussian(); // many ties
            }
            int[] out = new int[k];
            TopK.select(row, 3, len, k, out, new float[len]);
            assertArrayEquals(reference(row, 3, len, k), out, "len=" + len + " k=" + k);
        }
    }

    @Test
    void cachedSelectionEqualsFreshSelectionWhileRowsDrift() {
        SplittableRandom rng = new SplittableRandom(2);
        int d = 100;
        int rows = 5;
        int k = 7;
        float[] theta = new float[rows * d];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = (float) (rng.nextGaussian() * 0.05);
        }
        MaskCache cache = new MaskCache(2, new int[] {0, rows}, k);
        int[] out = new int[k];
        for (int step = 0; step < 300; step++) {
            for (int c = 0; c < rows; c++) {
                cache.select(1, theta, c, d, out, new float[d], new int[d]);
                assertArrayEquals(reference(theta, c * d, d, k), out, "step " + step + " row " + c);
            }
            double size = step % 50 == 49 ? 0.5 : 0.003; // occasional big jumps force a full reselect
            for (int i = 0; i < theta.length; i++) {
                theta[i] += (float) (rng.nextGaussian() * size);
            }
        }
    }
}
