package org.plasticity.latent.model;

import org.plasticity.data.Batch;

/**
 * A batch read as time steps for a GLE network: a batch with a time axis ({@link Batch#timeSteps()} steps of
 * {@link GleConfig#inputs()} values) is fed one step at a time; a batch without one whose samples have exactly
 * {@code inputs} values is a static input, presented for {@link GleConfig#staticSteps()} steps. Targets: class labels
 * (cross-entropy at every step) or float targets, per step ({@code T × outputs} per sample) or static ({@code outputs}).
 */
public final class StepInputs {

    private final Batch batch;
    private final GleConfig config;
    private final int steps;
    private final boolean sequence;
    private final boolean perStepTargets;

    private StepInputs(Batch batch, GleConfig config) {
        this.batch = batch;
        this.config = config;
        int in = config.inputs();
        if (batch.hasTimeAxis()) {
            if (batch.featuresPerStep() != in) {
                throw new IllegalArgumentException("the batch has " + batch.featuresPerStep() + " values per time step, the"
                        + " GLE network " + in + " input channels: build the network with inputs=" + batch.featuresPerStep());
            }
            steps = batch.timeSteps();
            sequence = true;
        } else if (batch.featureCount() == in) {
            steps = config.staticSteps();
            sequence = false;
        } else {
            throw new IllegalArgumentException("the batch has " + batch.featureCount() + " values per sample and no time"
                    + " axis, the GLE network " + in + " input channels: give the data a time axis"
                    + " (Dataset.withTimeSteps(" + (batch.featureCount() % in == 0 ? batch.featureCount() / in : "T")
                    + ")) or build the network with inputs=" + batch.featureCount());
        }
        int out = config.outputs();
        if (config.loss() == StepLoss.CROSS_ENTROPY) {
            if (!batch.hasLabels()) {
                throw new IllegalArgumentException("cross-entropy needs class labels; this batch has float targets only:"
                        + " use StepLoss.MSE");
            }
            perStepTargets = false;
        } else {
            if (!batch.hasTargets()) {
                throw new IllegalArgumentException("the MSE loss needs float targets; this batch has labels only: use"
                        + " StepLoss.CROSS_ENTROPY or give the data float targets");
            }
            if (batch.targetCount() == steps * out && sequence) {
                perStepTargets = true;
            } else if (batch.targetCount() == out) {
                perStepTargets = false;
            } else {
                throw new IllegalArgumentException("the batch has " + batch.targetCount() + " float targets per sample;"
                        + " the network needs " + out + " (static) or " + steps + " × " + out + " (one per step)");
            }
        }
    }

    /**
     * Reads a batch for a network.
     *
     * @param batch the samples
     * @param config the network's configuration
     * @return the view
     * @throws IllegalArgumentException when the batch's shape does not fit the network, naming the fix
     */
    public static StepInputs of(Batch batch, GleConfig config) {
        return new StepInputs(batch, config);
    }

    /** Time steps per sample. */
    public int steps() {
        return steps;
    }

    /** Parallel samples. */
    public int rows() {
        return batch.size();
    }

    /** The batch. */
    public Batch batch() {
        return batch;
    }

    /** Labels per row, or null for float targets. */
    public int[] labels() {
        return config.loss() == StepLoss.CROSS_ENTROPY ? batch.labels() : null;
    }

    /** Writes step {@code t}'s input of every row into {@code dst} ({@code [rows × inputs]}). */
    public void input(int t, float[] dst) {
        int in = config.inputs();
        float[] f = batch.features();
        for (int i = 0; i < batch.size(); i++) {
            int from = sequence ? batch.offset(i, t) : i * batch.featureCount();
            System.arraycopy(f, from, dst, i * in, in);
        }
    }

    /**
     * Writes step {@code t}'s float targets of every row into {@code dst} ({@code [rows × outputs]}).
     *
     * @return {@code dst}, or null for label targets
     */
    public float[] target(int t, float[] dst) {
        if (config.loss() == StepLoss.CROSS_ENTROPY) {
            return null;
        }
        int out = config.outputs();
        float[] y = batch.targets();
        int tc = batch.targetCount();
        for (int i = 0; i < batch.size(); i++) {
            System.arraycopy(y, i * tc + (perStepTargets ? t * out : 0), dst, i * out, out);
        }
        return dst;
    }
}
