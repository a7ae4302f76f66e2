package org.plasticity.localca.model;

/**
 * Speeds up the per-forward TopK selection without changing its result. θ moves little between
 * optimizer steps, so the previous K-th largest value of a row, lowered by a margin, bounds the
 * new one from below in almost every step: the new top K is then found among the few entries above
 * that bound. When fewer than K entries clear the bound the row is selected from scratch. Either
 * way the selected set and its order equal {@link TopK#select} on the full row.
 */
final class MaskCache {

    private static final float MARGIN = 0.02f;

    private final float[][] kth;
    private final boolean[][] known;
    private final int k;

    MaskCache(int layers, int[] rowsPerLayer, int k) {
        this.k = k;
        kth = new float[layers][];
        known = new boolean[layers][];
        for (int l = 0; l < layers; l++) {
            kth[l] = new float[rowsPerLayer[l]];
            known[l] = new boolean[rowsPerLayer[l]];
        }
    }

    /**
     * Writes the top-k indices of row {@code c} of {@code theta} ({@code d} columns) into
     * {@code out}, ascending.
     */
    void select(int l, float[] theta, int c, int d, int[] out, float[] scratchValues, int[] scratchIdx) {
        if (k == 0) {
            return;
        }
        int off = c * d;
        if (known[l][c] && k < d) {
            float bound = kth[l][c] - MARGIN;
            int n = 0;
            for (int j = 0; j < d; j++) {
                float v = theta[off + j];
                if (v >= bound) {
                    scratchIdx[n] = j;
                    scratchValues[n++] = v;
                }
            }
            if (n >= k) {
                // select among the candidates, kept in ascending index order
                float threshold = TopK.kthLargest(copy(scratchValues, n), n, k);
                int above = 0;
                for (int i = 0; i < n; i++) {
                    if (scratchValues[i] > threshold) {
                        above++;
                    }
                }
                int ties = k - above;
                int m = 0;
                for (int i = 0; i < n; i++) {
                    float v = scratchValues[i];
                    if (v > threshold || (v == threshold && ties-- > 0)) {
                        out[m++] = scratchIdx[i];
                    }
                }
                kth[l][c] = threshold;
                return;
            }
        }
        TopK.select(theta, off, d, k, out, scratchValues);
        float min = Float.POSITIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            min = Math.min(min, theta[off + out[i]]);
        }
        kth[l][c] = min;
        known[l][c] = true;
    }

    private static final ThreadLocal<float[]> COPY = new ThreadLocal<>();

    private static float[] copy(float[] src, int n) {
        float[] c = COPY.get();
        if (c == null || c.length < src.length) {
            c = new float[src.length];
            COPY.set(c);
        }
        System.arraycopy(src, 0, c, 0, n);
        return c;
    }
}
