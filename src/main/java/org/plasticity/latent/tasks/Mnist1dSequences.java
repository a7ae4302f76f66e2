package org.plasticity.latent.tasks;

import org.plasticity.data.Dataset;
import org.plasticity.data.Splits;
import org.plasticity.data.tasks.Mnist1d;
import org.plasticity.data.tasks.Mnist1dConfig;

/**
 * MNIST-1D as the GLE paper feeds it (spec §2.4): the package's generator settings, sequences interpolated to 360
 * points and presented one value per step of dt = 0.2 (72 time units), 4000 train / 1000 test, no validation split
 * (the reported number is the final test accuracy, as in the paper).
 */
public final class Mnist1dSequences {

    /** Time steps per sequence. */
    public static final int STEPS = 360;

    private Mnist1dSequences() {
    }

    /** The GLE paper's MNIST-1D with a time axis of 360 steps (generator seed 42, the package default). */
    public static Splits gle() {
        return withTimeAxis(Mnist1d.generate(Mnist1dConfig.gle()));
    }

    /**
     * The same samples at their natural length of 72 points (no supersampling), one value per step: the input of our
     * BPTT/BP baselines (the paper does not say how its baselines were fed; our decision).
     */
    public static Splits natural() {
        return withTimeAxis(Mnist1d.generate(Mnist1dConfig.gle().withFinalSeqLength(72)));
    }

    /**
     * Splits whose samples are sequences of one value per step, given a time axis of their full length.
     *
     * @param s splits with samples of shape {1, T}
     * @return the same samples with {@code timeSteps = T}
     */
    public static Splits withTimeAxis(Splits s) {
        Dataset tr = s.trainSet();
        int t = tr.featureCount();
        return new Splits(s.name(), tr.withTimeSteps(t), s.validation().withTimeSteps(t), s.test().withTimeSteps(t),
                s.provenance().withNote("one value per time step (" + t + " steps)"));
    }
}
