package org.plasticity.localca.model;

/**
 * Selection of the K largest entries of a parameter row: the TopK sparse connectivity of the
 * authors' code, recomputed at every forward pass so connectivity rewires as θ changes.
 * Ties at the threshold are broken towards lower indices; the result is in ascending index order.
 */
public final class TopK {

    private TopK() {
    }

    /**
     * Writes the indices of the {@code k} largest values of {@code row[off .. off+len)} (relative
     * to {@code off}) into {@code out[0..k)}, ascending.
     *
     * @param row the values
     * @param off start of the row
     * @param len row length
     * @param k number to select, 0 ≤ k ≤ len
     * @param out receives k indices
     * @param scratch work array of length ≥ len
     */
    public static void select(float[] row, int off, int len, int k, int[] out, float[] scratch) {
        if (k == 0) {
            return;
        }
        if (k == len) {
            for (int i = 0; i < len; i++) {
                out[i] = i;
            }
            return;
        }
        System.arraycopy(row, off, scratch, 0, len);
        float threshold = kthLargest(scratch, len, k);
        int above = 0;
        for (int i = 0; i < len; i++) {
            if (row[off + i] > threshold) {
                above++;
            }
        }
        int tiesAllowed = k - above;
        int n = 0;
        for (int i = 0; i < len; i++) {
            float v = row[off + i];
            if (v > threshold || (v == threshold && tiesAllowed-- > 0)) {
                out[n++] = i;
            }
        }
    }

    /** The k-th largest value (1-based) of a[0..len), reordering a (Hoare quickselect). */
    static float kthLargest(float[] a, int len, int k) {
        int target = k - 1;
        int lo = 0;
        int hi = len - 1;
        while (lo < hi) {
            float pivot = median3(a[lo], a[(lo + hi) >>> 1], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] > pivot) {
                    i++;
                }
                while (a[j] < pivot) {
                    j--;
                }
                if (i <= j) {
                    float t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (target <= j) {
                hi = j;
            } else if (target >= i) {
                lo = i;
            } else {
                return a[target];
            }
        }
        return a[target];
    }

    private static float median3(float a, float b, float c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
