package org.plasticity.data;

import java.util.Locale;

/**
 * How to standardise features: {@link #NONE}, {@link #GLOBAL} (one mean and standard deviation
 * over all values, the usual MNIST-style {@code (x − 0.1307) / 0.3081}), or {@link #PER_FEATURE}
 * (mean and standard deviation per feature). Statistics are fitted on training data only.
 */
public enum Normalization {
    /** Leave values unchanged. */
    NONE,
    /** One mean and standard deviation over all feature values. */
    GLOBAL,
    /** Mean and standard deviation per feature; features with zero variance are only centred. */
    PER_FEATURE;

    /** Fits the statistics on {@code train}. */
    public Fitted fit(Dataset train) {
        int d = train.featureCount();
        float[] x = train.features();
        int n = train.size();
        float[] mean = new float[this == PER_FEATURE ? d : 1];
        float[] std = new float[mean.length];
        java.util.Arrays.fill(std, 1f);
        if (this == NONE || n == 0) {
            return new Fitted(this, mean, std);
        }
        double[] s = new double[mean.length];
        double[] s2 = new double[mean.length];
        for (int i = 0; i < n; i++) {
            int off = i * d;
            for (int j = 0; j < d; j++) {
                int k = this == PER_FEATURE ? j : 0;
                double v = x[off + j];
                s[k] += v;
                s2[k] += v * v;
            }
        }
        double count = this == PER_FEATURE ? n : (double) n * d;
        for (int k = 0; k < mean.length; k++) {
            double m = s[k] / count;
            double var = Math.max(0, s2[k] / count - m * m);
            mean[k] = (float) m;
            std[k] = var > 1e-12 ? (float) Math.sqrt(var) : 1f;
        }
        return new Fitted(this, mean, std);
    }

    /**
     * Fitted statistics: {@code x' = (x − mean) / std}.
     *
     * @param kind the normalisation kind
     * @param mean one value (global) or one per feature
     * @param std one value (global) or one per feature
     */
    public record Fitted(Normalization kind, float[] mean, float[] std) {

        /** A new data set with the transformation applied (one new float copy). */
        public Dataset apply(Dataset data) {
            if (kind == NONE) {
                return data;
            }
            int d = data.featureCount();
            float[] x = data.features();
            float[] y = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                int k = mean.length == 1 ? 0 : i % d;
                y[i] = (x[i] - mean[k]) / std[k];
            }
            return new Dataset(data.name(), y, data.labels(), data.sampleShape(), data.classCount());
        }

        @Override
        public String toString() {
            if (kind == GLOBAL) {
                return String.format(Locale.ROOT, "global (x - %.4f) / %.4f", mean[0], std[0]);
            }
            return kind == NONE ? "none" : "per-feature standardisation over " + mean.length + " features";
        }
    }
}
