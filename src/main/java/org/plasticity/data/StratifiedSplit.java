package org.plasticity.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A seeded, stratified two-way split of sample indices: each class contributes the same fraction
 * of its samples to the held-out part (largest-remainder rounding so the total is exactly
 * {@code round(fraction · n)}). Indices in each part are returned in ascending (storage) order.
 *
 * @param kept indices of the larger part (e.g. train)
 * @param heldOut indices of the held-out part (e.g. validation)
 */
public record StratifiedSplit(int[] kept, int[] heldOut) {

    /**
     * Splits the indices of {@code labels}.
     *
     * @param labels class of each sample, in {@code [0, classCount)}
     * @param classCount number of classes
     * @param heldOutCount exact size of the held-out part, in {@code [0, labels.length]}
     * @param rng the seeded random stream that picks the samples
     * @return the split
     */
    public static StratifiedSplit of(int[] labels, int classCount, int heldOutCount, SplittableRandom rng) {
        int n = labels.length;
        if (heldOutCount < 0 || heldOutCount > n) {
            throw new IllegalArgumentException("held-out size " + heldOutCount + " must lie in [0, " + n + "]");
        }
        int[][] byClass = indicesByClass(labels, classCount);
        int[] quota = quotas(byClass, heldOutCount, n);
        boolean[] held = new boolean[n];
        for (int c = 0; c < classCount; c++) {
            int[] idx = byClass[c];
            int[] perm = Dataset.permutation(idx.length, rng);
            for (int k = 0; k < quota[c]; k++) {
                held[idx[perm[k]]] = true;
            }
        }
        int[] kept = new int[n - heldOutCount];
        int[] out = new int[heldOutCount];
        int a = 0;
        int b = 0;
        for (int i = 0; i < n; i++) {
            if (held[i]) {
                out[b++] = i;
            } else {
                kept[a++] = i;
            }
        }
        return new StratifiedSplit(kept, out);
    }

    /** The held-out size for a fraction: {@code round(fraction · n)}. */
    public static int countFor(double fraction, int n) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("fraction must lie in [0, 1), got " + fraction);
        }
        return (int) Math.round(fraction * n);
    }

    private static int[][] indicesByClass(int[] labels, int classCount) {
        int[] counts = new int[classCount];
        for (int l : labels) {
            counts[l]++;
        }
        int[][] byClass = new int[classCount][];
        for (int c = 0; c < classCount; c++) {
            byClass[c] = new int[counts[c]];
        }
        int[] fill = new int[classCount];
        for (int i = 0; i < labels.length; i++) {
            byClass[labels[i]][fill[labels[i]]++] = i;
        }
        return byClass;
    }

    private static int[] quotas(int[][] byClass, int total, int n) {
        int k = byClass.length;
        int[] quota = new int[k];
        double[] remainder = new double[k];
        int assigned = 0;
        for (int c = 0; c < k; c++) {
            double exact = n == 0 ? 0 : (double) total * byClass[c].length / n;
            quota[c] = (int) Math.floor(exact);
            remainder[c] = exact - quota[c];
            assigned += quota[c];
        }
        Integer[] order = new Integer[k];
        for (int c = 0; c < k; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (x, y) -> remainder[y] != remainder[x] ? Double.compare(remainder[y], remainder[x]) : Integer.compare(x, y));
        for (int i = 0; assigned < total; i = (i + 1) % k) {
            int c = order[i];
            if (quota[c] < byClass[c].length) {
                quota[c]++;
                assigned++;
            }
        }
        return quota;
    }

    @Override
    public String toString() {
        return "StratifiedSplit[kept=" + kept.length + ", heldOut=" + heldOut.length + "]";
    }
}
