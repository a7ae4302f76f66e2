package org.plasticity.data.text;

import java.util.List;
import java.util.Locale;
import org.plasticity.random.Seeds;

/**
 * Word vectors trained on a corpus (the IMDB <em>training</em> texts, since GloVe is not
 * obtainable here) by the count-based method of Levy, Goldberg &amp; Dagan (2015, TACL 3:211):
 * <ol>
 *   <li>Co-occurrence counts {@code n(w, c)} of vocabulary words within a symmetric window of
 *       {@code window} tokens (each pair counted once per occurrence, unit weight; pad and unk
 *       excluded).</li>
 *   <li>Positive PMI with context-distribution smoothing α = 0.75:
 *       {@code PPMI(w,c) = max(0, log(n(w,c) · Σ_c' n(c')^α / (n(w) · n(c)^α)))}.</li>
 *   <li>Truncated SVD {@code PPMI ≈ U Σ Vᵀ} (randomized, {@link RandomizedSvd}); word vectors
 *       {@code U Σ^0.5} (eigenvalue weighting p = 0.5), each row scaled to unit length.</li>
 * </ol>
 * Memory: a dense {@code V × V} float matrix (10,000 words: 400 MB).
 */
public final class PpmiSvdEmbeddings {

    /** Context-distribution smoothing exponent (Levy et al. 2015). */
    public static final double CONTEXT_ALPHA = 0.75;
    /** Eigenvalue weighting exponent p: vectors are {@code U Σ^p}. */
    public static final double EIGEN_WEIGHT = 0.5;
    private static final int OVERSAMPLE = 10;
    private static final int POWER_ITERATIONS = 2;

    private PpmiSvdEmbeddings() {
    }

    /**
     * Trains the vectors.
     *
     * @param docs token-id sequences of the training texts (no truncation, from {@link Vocabulary#encodeAll})
     * @param vocabulary the vocabulary the ids belong to
     * @param dim vector length (≤ vocabulary size − 2)
     * @param window context window on each side (e.g. 5)
     * @param seed seed of the random projection
     * @return the embeddings ({@code <pad>}, {@code <unk>} and unseen words are zero vectors)
     */
    public static WordEmbeddings train(List<int[]> docs, Vocabulary vocabulary, int dim, int window, long seed) {
        int v = vocabulary.size() - 2;
        if (dim < 1 || dim > v) {
            throw new IllegalArgumentException("dim must lie in [1, " + v + "], got " + dim);
        }
        if (window < 1) {
            throw new IllegalArgumentException("window must be ≥ 1, got " + window);
        }
        float[][] m = new float[v][v];
        for (int[] d : docs) {
            for (int i = 0; i < d.length; i++) {
                int w = d[i] - 2;
                if (w < 0) {
                    continue;
                }
                int hi = Math.min(d.length - 1, i + window);
                for (int j = Math.max(0, i - window); j <= hi; j++) {
                    int c = d[j] - 2;
                    if (j != i && c >= 0) {
                        m[w][c]++;
                    }
                }
            }
        }
        ppmiInPlace(m);
        RandomizedSvd.Result svd = RandomizedSvd.topK(m, dim, OVERSAMPLE, POWER_ITERATIONS,
                Seeds.stream(seed, Seeds.INIT, 0x5D));
        float[] vectors = new float[vocabulary.size() * dim];
        for (int w = 0; w < v; w++) {
            double norm = 0;
            for (int k = 0; k < dim; k++) {
                double x = svd.u()[k][w] * Math.pow(svd.sigma()[k], EIGEN_WEIGHT);
                norm += x * x;
            }
            if (norm == 0) {
                continue;
            }
            double inv = 1 / Math.sqrt(norm);
            for (int k = 0; k < dim; k++) {
                vectors[(w + 2) * dim + k] = (float) (svd.u()[k][w] * Math.pow(svd.sigma()[k], EIGEN_WEIGHT) * inv);
            }
        }
        String method = String.format(Locale.ROOT, "PPMI(alpha %.2f, window %d) + randomized SVD (p %.1f), seed %d",
                CONTEXT_ALPHA, window, EIGEN_WEIGHT, seed);
        return new WordEmbeddings(vocabulary, dim, vectors, method);
    }

    /** Replaces counts by their positive PMI with context smoothing (step 2 above). */
    static void ppmiInPlace(float[][] m) {
        int v = m.length;
        double[] rows = new double[v];
        double[] cols = new double[v];
        for (int i = 0; i < v; i++) {
            for (int j = 0; j < v; j++) {
                rows[i] += m[i][j];
                cols[j] += m[i][j];
            }
        }
        double smoothedTotal = 0;
        double[] colAlpha = new double[v];
        for (int j = 0; j < v; j++) {
            colAlpha[j] = Math.pow(cols[j], CONTEXT_ALPHA);
            smoothedTotal += colAlpha[j];
        }
        for (int i = 0; i < v; i++) {
            for (int j = 0; j < v; j++) {
                float n = m[i][j];
                if (n > 0) {
                    double pmi = Math.log(n * smoothedTotal / (rows[i] * colAlpha[j]));
                    m[i][j] = pmi > 0 ? (float) pmi : 0f;
                }
            }
        }
    }
}
