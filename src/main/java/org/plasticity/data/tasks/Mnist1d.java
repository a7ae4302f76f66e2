package org.plasticity.data.tasks;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.plasticity.data.DataProvenance;
import org.plasticity.data.Dataset;
import org.plasticity.data.Splits;
import org.plasticity.random.Seeds;

/**
 * Generator of MNIST-1D (Greydanus &amp; Kobak, "Scaling down deep learning with MNIST-1D", ICML
 * 2024; the {@code mnist1d} package), written from its published description:
 * <ol>
 *   <li>Ten hand-made 12-point templates ({@link #TEMPLATES}), each standardised (mean 0, std 1),
 *       shifted so that it starts at 0, and divided by 6.</li>
 *   <li>Per sample: add ε = 1e−8; append p zeros, p uniform in [paddingMin, paddingMax];
 *       linearly interpolate to templateLength + paddingMax points (72).</li>
 *   <li>Scale the amplitude by 1 + scaleCoeff · (u − 0.5); shift circularly (to the right) by k
 *       uniform in {0, …, maxTranslation − 1}.</li>
 *   <li>Points that are exactly 0 (padding) get correlated noise: corrNoiseScale · N(0,1) smoothed
 *       with a Gaussian filter, σ = 2, radius 8, mirror ("reflect") boundaries. Then add
 *       iidNoiseScale · N(0,1) everywhere.</li>
 *   <li>Shear: subtract shearScale · (u − 0.5) · linspace(−0.5, 0.5); interpolate linearly to
 *       finalSeqLength points.</li>
 *   <li>numSamples / 10 samples per class, in class order; shuffle; standardise the whole set
 *       (one mean and std over all values); the first trainSplit share is the training set.</li>
 * </ol>
 * Random numbers come from {@link Seeds} (not numpy's Mersenne Twister), so the samples follow the
 * same distribution as the published {@code mnist1d_data.pkl} but are not identical to it.
 */
public final class Mnist1d {

    /** The ten 12-point digit templates, before standardisation (from the published description). */
    public static final double[][] TEMPLATES = {
        {5, 6, 6.5, 6.75, 7, 7, 7, 7, 6.75, 6.5, 6, 5},
        {5, 3, 3, 3.4, 3.8, 4.2, 4.6, 5, 5.4, 5.8, 5, 5},
        {5, 6, 6.5, 6.5, 6, 5.25, 4.75, 4, 3.5, 3.5, 4, 5},
        {5, 6, 6.5, 6.5, 6, 5, 5, 6, 6.5, 6.5, 6, 5},
        {5, 4.4, 3.8, 3.2, 2.6, 2.6, 5, 5, 5, 5, 5, 5},
        {5, 3, 3, 3, 3, 5, 6, 6.5, 6.5, 6, 4.5, 5},
        {5, 4, 3.5, 3.25, 3, 3, 3, 3, 3.25, 3.5, 4, 5},
        {5, 7, 7, 6.6, 6.2, 5.8, 5.4, 5, 4.6, 4.2, 5, 5},
        {5, 4, 3.5, 3.5, 4, 5, 5, 4, 3.5, 3.5, 4, 5},
        {5, 4, 3.5, 3.5, 4, 5, 5, 5, 5, 4.7, 4.3, 5},
    };
    /** Divisor applied to the standardised templates. */
    public static final double TEMPLATE_DIVISOR = 6.0;

    private Mnist1d() {
    }

    /**
     * Generates the data set.
     *
     * @param config generator constants (see {@link Mnist1dConfig})
     * @return splits {@code mnist-1d}: train (default 4000), empty validation, test (default 1000);
     *     sample shape {@code {1, finalSeqLength}}
     */
    public static Splits generate(Mnist1dConfig config) {
        int perClass = config.numSamples() / 10;
        int n = perClass * 10;
        int len = config.finalSeqLength();
        double[] xs = new double[n * len];
        int[] ys = new int[n];
        double[][] templates = standardizedTemplates();
        SplittableRandom rng = Seeds.stream(config.seed(), Seeds.DATA, 0x1D);
        for (int c = 0, i = 0; c < 10; c++) {
            for (int k = 0; k < perClass; k++, i++) {
                double[] x = transform(templates[c], config, rng);
                System.arraycopy(x, 0, xs, i * len, len);
                ys[i] = c;
            }
        }
        int[] perm = Dataset.permutation(n, rng);
        double mean = 0;
        for (double v : xs) {
            mean += v;
        }
        mean /= xs.length;
        double var = 0;
        for (double v : xs) {
            var += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(var / xs.length);
        float[] x = new float[n * len];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int src = perm[i];
            y[i] = ys[src];
            for (int t = 0; t < len; t++) {
                x[i * len + t] = (float) ((xs[src * len + t] - mean) / std);
            }
        }
        int split = (int) (n * config.trainSplit());
        Dataset all = new Dataset("mnist-1d/all", x, y, new int[] {1, len}, 10);
        Dataset train = all.subset("mnist-1d/train", range(0, split));
        Dataset test = all.subset("mnist-1d/test", range(split, n));
        DataProvenance p = DataProvenance.generated("mnist-1d", config.toString(), true,
                "generated " + split + " train / " + (n - split) + " test, " + config
                        + "; same distribution as the published set, not the same samples");
        return new Splits("mnist-1d", train, test.subset("mnist-1d/validation", new int[0]), test, p);
    }

    /** The templates after step 1 (standardise, start at 0, divide by 6). */
    public static double[][] standardizedTemplates() {
        double[][] out = new double[10][];
        for (int c = 0; c < 10; c++) {
            double[] t = TEMPLATES[c].clone();
            double m = Arrays.stream(t).average().orElse(0);
            double v = 0;
            for (double a : t) {
                v += (a - m) * (a - m);
            }
            double s = Math.sqrt(v / t.length);
            for (int i = 0; i < t.length; i++) {
                t[i] = (t[i] - m) / s;
            }
            double first = t[0];
            for (int i = 0; i < t.length; i++) {
                t[i] = (t[i] - first) / TEMPLATE_DIVISOR;
            }
            out[c] = t;
        }
        return out;
    }

    /** Steps 2–5 for one sample. */
    static double[] transform(double[] template, Mnist1dConfig c, SplittableRandom rng) {
        int pad = c.paddingMin() + (int) (rng.nextDouble() * (c.paddingMax() - c.paddingMin() + 1));
        double[] x = new double[template.length + pad];
        for (int i = 0; i < template.length; i++) {
            x[i] = template[i] + Mnist1dConfig.EPS;
        }
        x = interpolate(x, c.templateLength() + c.paddingMax());
        double scale = 1 + c.scaleCoeff() * (rng.nextDouble() - 0.5);
        for (int i = 0; i < x.length; i++) {
            x[i] *= scale;
        }
        x = roll(x, rng.nextInt(c.maxTranslation()));
        double[] noise = new double[x.length];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = c.corrNoiseScale() * gaussian(rng);
        }
        double[] corr = gaussianFilter(noise, Mnist1dConfig.CORR_NOISE_SIGMA);
        for (int i = 0; i < x.length; i++) {
            if (x[i] == 0) {
                x[i] = corr[i];
            }
        }
        for (int i = 0; i < x.length; i++) {
            x[i] += c.iidNoiseScale() * gaussian(rng);
        }
        double coeff = c.shearScale() * (rng.nextDouble() - 0.5);
        for (int i = 0; i < x.length; i++) {
            x[i] -= coeff * (-0.5 + (x.length == 1 ? 0 : (double) i / (x.length - 1)));
        }
        return interpolate(x, c.finalSeqLength());
    }

    /** Linear interpolation of {@code x} (on an even grid over [0,1]) to {@code n} evenly spaced points. */
    static double[] interpolate(double[] x, int n) {
        double[] out = new double[n];
        int m = x.length;
        for (int i = 0; i < n; i++) {
            double pos = n == 1 ? 0 : (double) i * (m - 1) / (n - 1);
            int lo = Math.min((int) Math.floor(pos), m - 1);
            int hi = Math.min(lo + 1, m - 1);
            double f = pos - lo;
            out[i] = f == 0 ? x[lo] : x[lo] * (1 - f) + x[hi] * f;
        }
        return out;
    }

    /**
     * Circular shift to the right by {@code k}: {@code out[(i + k) mod n] = x[i]}; as in the
     * published code ({@code concat(x[-k:], x[:-k])}), {@code k ≥ n} leaves {@code x} unchanged.
     */
    static double[] roll(double[] x, int k) {
        int n = x.length;
        if (k >= n) {
            return x.clone();
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[(i + k) % n] = x[i];
        }
        return out;
    }

    /**
     * 1-D Gaussian filter with radius {@code round(truncate · sigma)} and mirror boundaries
     * ({@code … x1 x0 | x0 x1 … xn-1 | xn-1 xn-2 …}), as scipy's default {@code mode="reflect"}.
     */
    static double[] gaussianFilter(double[] x, double sigma) {
        int radius = (int) (Mnist1dConfig.FILTER_TRUNCATE * sigma + 0.5);
        double[] w = new double[2 * radius + 1];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            w[k + radius] = Math.exp(-0.5 * k * k / (sigma * sigma));
            sum += w[k + radius];
        }
        for (int k = 0; k < w.length; k++) {
            w[k] /= sum;
        }
        int n = x.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = -radius; k <= radius; k++) {
                s += w[k + radius] * x[reflect(i + k, n)];
            }
            out[i] = s;
        }
        return out;
    }

    private static int reflect(int i, int n) {
        int period = 2 * n;
        int j = Math.floorMod(i, period);
        return j < n ? j : period - 1 - j;
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }
}
