package org.plasticity.localca;

import java.util.SplittableRandom;
import org.plasticity.data.Dataset;
import org.plasticity.data.Splits;

/** A small seeded classification task for tests: noisy sparse class prototypes in [0, 1]^d. */
final class SyntheticTask {

    private SyntheticTask() {
    }

    static Splits splits(int inputs, int classes, int train, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] proto = new float[classes][inputs];
        for (float[] p : proto) {
            for (int j = 0; j < inputs; j++) {
                p[j] = rng.nextDouble() < 0.3 ? 1f : 0f;
            }
        }
        return new Splits("synthetic", make("train", proto, train, rng), make("validation", proto, train / 4, rng),
                make("test", proto, train / 4, rng));
    }

    private static Dataset make(String name, float[][] proto, int n, SplittableRandom rng) {
        int d = proto[0].length;
        float[] x = new float[n * d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(proto.length);
            for (int j = 0; j < d; j++) {
                double v = proto[y[i]][j] * (rng.nextDouble() < 0.8 ? 0.9 : 0.0) + rng.nextDouble() * 0.3;
                x[i * d + j] = (float) Math.min(1.0, v);
            }
        }
        return new Dataset(name, x, y, new int[] {d}, proto.length);
    }
}
