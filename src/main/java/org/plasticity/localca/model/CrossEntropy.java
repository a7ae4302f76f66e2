package org.plasticity.localca.model;

import org.plasticity.train.BatchStats;

/**
 * Softmax cross-entropy (the configs' {@code cat_nll}) and its output error
 * δ^y = ∂L/∂ŷ = softmax(ŷ) − onehot(y) per sample (paper Eq. 8, spec §1.3 step 2).
 */
public final class CrossEntropy {

    private CrossEntropy() {
    }

    /**
     * Per-sample loss, accuracy and (optionally) output error.
     *
     * @param logits {@code [sample][class]}
     * @param labels class per sample
     * @param batch number of samples
     * @param errorOut receives softmax − onehot per sample (unscaled, not divided by the batch);
     *     may be null
     * @return summed loss and correct count
     */
    public static BatchStats evaluate(float[][] logits, int[] labels, int batch, float[][] errorOut) {
        double loss = 0;
        long correct = 0;
        for (int b = 0; b < batch; b++) {
            float[] z = logits[b];
            int y = labels[b];
            if (y < 0 || y >= z.length) {
                throw new IllegalArgumentException("label " + y + " of sample " + b + " is outside [0, " + z.length + ")");
            }
            float max = Float.NEGATIVE_INFINITY;
            int arg = 0;
            for (int k = 0; k < z.length; k++) {
                if (z[k] > max) {
                    max = z[k];
                    arg = k;
                }
            }
            double sum = 0;
            for (float v : z) {
                sum += Math.exp(v - max);
            }
            double logSum = Math.log(sum) + max;
            loss += logSum - z[y];
            if (arg == y) {
                correct++;
            }
            if (errorOut != null) {
                float[] e = errorOut[b];
                for (int k = 0; k < z.length; k++) {
                    e[k] = (float) Math.exp(z[k] - logSum);
                }
                e[y] -= 1f;
            }
        }
        return new BatchStats(loss, correct, batch);
    }
}
