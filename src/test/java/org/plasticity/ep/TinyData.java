package org.plasticity.ep;

import java.util.SplittableRandom;
import org.plasticity.data.Dataset;
import org.plasticity.data.Splits;

/** Small synthetic inputs for the EP tests (never used for reproduction claims). */
public final class TinyData {

    private TinyData() {
    }

    /**
     * A linearly separable-ish task: class c has its mean at a random prototype in [0,1]^features plus
     * uniform noise of half-width {@code noise}.
     */
    public static Dataset prototypes(String name, int n, int features, int classes, double noise, long seed) {
        SplittableRandom proto = new SplittableRandom(1234);
        float[][] centers = new float[classes][features];
        for (float[] c : centers) {
            for (int j = 0; j < features; j++) {
                c[j] = proto.nextDouble() < 0.5 ? 0.1f : 0.9f;
            }
        }
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * features];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(classes);
            for (int j = 0; j < features; j++) {
                double v = centers[y[i]][j] + noise * (2 * rng.nextDouble() - 1);
                x[i * features + j] = (float) Math.min(1, Math.max(0, v));
            }
        }
        return new Dataset(name, x, y, new int[] {features}, classes);
    }

    /** Train / validation / test splits of the prototype task. */
    public static Splits prototypeSplits(int features, int classes) {
        return new Splits("prototypes", prototypes("train", 600, features, classes, 0.5, 1),
                prototypes("val", 100, features, classes, 0.5, 2), prototypes("test", 200, features, classes, 0.5, 3));
    }
}
