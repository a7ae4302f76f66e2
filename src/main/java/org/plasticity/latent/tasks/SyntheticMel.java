package org.plasticity.latent.tasks;

import java.util.SplittableRandom;
import org.plasticity.data.Dataset;
import org.plasticity.data.Splits;
import org.plasticity.random.Seeds;

/**
 * A synthetic stand-in of the Google Speech Commands input shape (spec §2.4: 32 mel bands per frame, 12 classes),
 * for code-path tests only — never a reproduction: each class is a smooth ridge of energy moving through the mel
 * bands along a class-specific path, plus noise. Google Speech Commands itself is not obtainable here.
 */
public final class SyntheticMel {

    /** Mel bands per frame. */
    public static final int BANDS = 32;
    /** Classes of the 12-class setup. */
    public static final int CLASSES = 12;

    private SyntheticMel() {
    }

    /**
     * @param train training samples
     * @param test test samples
     * @param frames frames (time steps) per sample
     * @param seed generator seed
     * @return splits with a time axis of {@code frames} steps of {@value #BANDS} values
     */
    public static Splits generate(int train, int test, int frames, long seed) {
        SplittableRandom rng = Seeds.stream(seed, Seeds.DATA, 0x3E1);
        return new Splits("synthetic-mel", make("synthetic-mel/train", train, frames, rng),
                make("synthetic-mel/validation", 0, frames, rng), make("synthetic-mel/test", test, frames, rng));
    }

    private static Dataset make(String name, int n, int frames, SplittableRandom rng) {
        float[] x = new float[n * frames * BANDS];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % CLASSES;
            y[i] = c;
            double start = (c % 4) * BANDS / 4.0 + 2;
            double slope = ((c / 4) - 1) * 0.4 * BANDS / frames;
            for (int t = 0; t < frames; t++) {
                double centre = start + slope * t;
                for (int k = 0; k < BANDS; k++) {
                    double d = (k - centre) / 2.5;
                    x[(i * frames + t) * BANDS + k] = (float) (Math.exp(-0.5 * d * d) + 0.1 * (rng.nextDouble() - 0.5));
                }
            }
        }
        return new Dataset(name, x, y, new int[] {frames, BANDS}, CLASSES).withTimeSteps(frames);
    }
}
