package org.plasticity.data.tasks;

import java.util.Locale;

/**
 * Constants of the MNIST-1D generator (Greydanus &amp; Kobak 2020/2024, "Scaling down deep
 * learning with MNIST-1D", package {@code mnist1d}, {@code get_dataset_args()}); defaults are the
 * package defaults, {@link #gle()} the GLE paper's variant (spec localca-gle.md §2.4: sequences
 * supersampled to 360 steps = 72 / dt with dt = 0.2).
 *
 * @param numSamples samples generated in total (default 5000: 500 per class)
 * @param trainSplit share of the shuffled samples used for training (0.8 → 4000 / 1000)
 * @param templateLength points per digit template (12)
 * @param paddingMin minimum zeros appended before dilation (36)
 * @param paddingMax maximum zeros appended; the dilated length is templateLength + paddingMax (60 → 72)
 * @param scaleCoeff amplitude scale factor drawn from 1 + scaleCoeff · U(−0.5, 0.5) (0.4)
 * @param maxTranslation circular shift drawn uniformly from {0, …, maxTranslation − 1} (48)
 * @param corrNoiseScale std of the Gaussian noise smoothed with a σ = 2 Gaussian filter, put on the
 *     zero (padding) points (0.25)
 * @param iidNoiseScale std of the i.i.d. Gaussian noise added everywhere (0.02)
 * @param shearScale slope drawn from shearScale · U(−0.5, 0.5), subtracted as a linear ramp over
 *     [−0.5, 0.5] (0.75)
 * @param finalSeqLength length after the final linear interpolation (40; GLE: 360)
 * @param seed generator seed (package default 42)
 */
public record Mnist1dConfig(int numSamples, double trainSplit, int templateLength, int paddingMin, int paddingMax,
        double scaleCoeff, int maxTranslation, double corrNoiseScale, double iidNoiseScale, double shearScale,
        int finalSeqLength, long seed) {

    /** Standard deviation of the Gaussian filter of the correlated noise (scipy {@code gaussian_filter(noise, 2)}). */
    public static final double CORR_NOISE_SIGMA = 2.0;
    /** Filter radius in multiples of sigma (scipy's default {@code truncate=4.0}). */
    public static final double FILTER_TRUNCATE = 4.0;
    /** Offset added to the template before padding so that only padding points are exactly zero. */
    public static final double EPS = 1e-8;

    /** Validates ranges. */
    public Mnist1dConfig {
        if (numSamples < 10 || trainSplit <= 0 || trainSplit >= 1) {
            throw new IllegalArgumentException("need ≥ 10 samples and 0 < trainSplit < 1, got " + numSamples + ", " + trainSplit);
        }
        if (templateLength != 12) {
            throw new IllegalArgumentException("the digit templates have 12 points, got templateLength " + templateLength);
        }
        if (paddingMin < 0 || paddingMax < paddingMin) {
            throw new IllegalArgumentException("padding must satisfy 0 ≤ min ≤ max, got [" + paddingMin + ", " + paddingMax + "]");
        }
        if (maxTranslation < 1) {
            throw new IllegalArgumentException("maxTranslation must be ≥ 1, got " + maxTranslation);
        }
        if (finalSeqLength < 2 || scaleCoeff < 0 || corrNoiseScale < 0 || iidNoiseScale < 0 || shearScale < 0) {
            throw new IllegalArgumentException("finalSeqLength must be ≥ 2 and scales ≥ 0");
        }
    }

    /** The {@code mnist1d} package defaults: 5000 samples, length 40, seed 42. */
    public static Mnist1dConfig defaults() {
        return new Mnist1dConfig(5000, 0.8, 12, 36, 60, 0.4, 48, 0.25, 0.02, 0.75, 40, 42L);
    }

    /** The GLE paper's MNIST-1D: the defaults with sequences interpolated to 360 steps. */
    public static Mnist1dConfig gle() {
        return defaults().withFinalSeqLength(360);
    }

    /** A copy with another final length. */
    public Mnist1dConfig withFinalSeqLength(int v) {
        return new Mnist1dConfig(numSamples, trainSplit, templateLength, paddingMin, paddingMax, scaleCoeff, maxTranslation,
                corrNoiseScale, iidNoiseScale, shearScale, v, seed);
    }

    /** A copy with another seed. */
    public Mnist1dConfig withSeed(long v) {
        return new Mnist1dConfig(numSamples, trainSplit, templateLength, paddingMin, paddingMax, scaleCoeff, maxTranslation,
                corrNoiseScale, iidNoiseScale, shearScale, finalSeqLength, v);
    }

    /** A copy with another sample count. */
    public Mnist1dConfig withNumSamples(int v) {
        return new Mnist1dConfig(v, trainSplit, templateLength, paddingMin, paddingMax, scaleCoeff, maxTranslation,
                corrNoiseScale, iidNoiseScale, shearScale, finalSeqLength, seed);
    }

    /** A copy with other padding bounds. */
    public Mnist1dConfig withPadding(int min, int max) {
        return new Mnist1dConfig(numSamples, trainSplit, templateLength, min, max, scaleCoeff, maxTranslation,
                corrNoiseScale, iidNoiseScale, shearScale, finalSeqLength, seed);
    }

    /** A copy with all random transformations and noise switched off (scale, shift, noise, shear), for tests. */
    public Mnist1dConfig withoutTransforms() {
        return new Mnist1dConfig(numSamples, trainSplit, templateLength, paddingMin, paddingMax, 0, 1, 0, 0, 0, finalSeqLength, seed);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Mnist1dConfig[n=%d, split=%.2f, padding=[%d,%d], scale=%.2f, shift<%d, corrNoise=%.2f, "
                + "iidNoise=%.3f, shear=%.2f, length=%d, seed=%d]", numSamples, trainSplit, paddingMin, paddingMax, scaleCoeff,
                maxTranslation, corrNoiseScale, iidNoiseScale, shearScale, finalSeqLength, seed);
    }
}
