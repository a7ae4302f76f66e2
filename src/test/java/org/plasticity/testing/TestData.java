package org.plasticity.testing;

import java.util.SplittableRandom;
import org.plasticity.data.Batch;
import org.plasticity.data.Dataset;
import org.plasticity.data.Splits;

/** Tiny synthetic data sets shared by tests (never used for reproduction claims). */
public final class TestData {

    private TestData() {
    }

    /**
     * Gaussian blobs: {@code classes} centres in {@code dim} dimensions, unit-variance noise scaled
     * by {@code noise}.
     */
    public static Dataset blobs(String name, int n, int dim, int classes, double noise, long seed) {
        SplittableRandom centresRng = new SplittableRandom(12345);
        double[][] centres = new double[classes][dim];
        for (double[] c : centres) {
            for (int j = 0; j < dim; j++) {
                c[j] = centresRng.nextDouble() * 2 - 1;
            }
        }
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * dim];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % classes;
            y[i] = c;
            for (int j = 0; j < dim; j++) {
                x[i * dim + j] = (float) (centres[c][j] + noise * gaussian(rng));
            }
        }
        return new Dataset(name, x, y, new int[] {dim}, classes);
    }

    /** Train (400) / validation (100) / test (100) splits of {@link #blobs}. */
    public static Splits blobSplits(int dim, int classes, double noise) {
        return new Splits("blobs", blobs("blobs/train", 400, dim, classes, noise, 1),
                blobs("blobs/val", 100, dim, classes, noise, 2), blobs("blobs/test", 100, dim, classes, noise, 3));
    }

    /** A batch of {@code rows} inputs uniform in [0, 1) with uniformly random labels. */
    public static Batch uniformBatch(int rows, int features, int classes, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[rows * features];
        int[] y = new int[rows];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble();
        }
        for (int r = 0; r < rows; r++) {
            y[r] = rng.nextInt(classes);
        }
        return new Batch(x, y, rows, features);
    }

    private static double gaussian(SplittableRandom rng) {
        double u = Math.max(rng.nextDouble(), 1e-300);
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
