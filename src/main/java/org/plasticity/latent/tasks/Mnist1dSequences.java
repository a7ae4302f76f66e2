package org.plasticity.latent.tasks;

import org.plasticity.data.Dataset;
import org.plasticity.data.Splits;
import org.plasticity.data.tasks.Mnist1d;
import org.plasticity.data.tasks.Mnist1dConfig;

/**
 * MNIST-1D as the GLE paper feeds it (spec §2.4): the package's generator settings, sequences interpolated to 360
 * points and presented one value per step of dt = 0.2 (72 time units), 4000 train / 1000 test. The paper has no
 * validation split (the reported number is the final test accuracy, and its plateau schedule steps on the test loss);
 * {@link #gleWithValidation()} adds a held-out validation set from an independent draw of the same generator, so that
 * the schedule can follow a held-out loss without the test set steering the run.
 */
public final class Mnist1dSequences {

    /** Time steps per sequence. */
    public static final int STEPS = 360;

    /**
     * Generator seed of the validation draw (the train and test sets come from the package default, 42): an independent
     * draw of the same distribution (same templates and transform settings, other noise, shifts, scales and shears).
     */
    public static final long VALIDATION_SEED = 43;

    private Mnist1dSequences() {
    }

    /** The GLE paper's MNIST-1D with a time axis of 360 steps (generator seed 42, the package default); no validation. */
    public static Splits gle() {
        return withTimeAxis(Mnist1d.generate(Mnist1dConfig.gle()));
    }

    /**
     * {@link #gle()} (the same 4000 train / 1000 test samples) plus a validation set of 1000 samples: the held-out part
     * of the generator run with seed {@link #VALIDATION_SEED} (standardised with that run's own statistics, as the
     * package standardises each generated set). It steers only the learning-rate schedule, in place of the test loss on
     * which the authors step theirs.
     */
    public static Splits gleWithValidation() {
        Splits s = gle();
        Dataset held = Mnist1d.generate(Mnist1dConfig.gle().withSeed(VALIDATION_SEED)).test();
        Dataset val = held.subset("mnist-1d/validation", range(held.size())).withTimeSteps(STEPS);
        return new Splits(s.name(), s.train(), val, s.test(), s.provenance().withNote("validation = the " + held.size()
                + " held-out samples of an independent generator draw (seed " + VALIDATION_SEED + ")"));
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

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }
}
