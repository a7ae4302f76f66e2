package org.plasticity.latent.learn;

import org.plasticity.data.Batch;
import org.plasticity.latent.adjoint.DiscreteAdjoint;
import org.plasticity.latent.adjoint.Trajectory;
import org.plasticity.latent.model.GleNetwork;
import org.plasticity.latent.model.StepInputs;
import org.plasticity.train.BatchStats;
import org.plasticity.train.StepContext;

/**
 * The exact reference on the same network: backpropagation through time of the forward-Euler dynamics
 * ({@link DiscreteAdjoint}), the forward pass without errors (e = 0, so γ plays no role). Truncated windows (our
 * reading of the authors' truncated BPTT): the sequence is cut into windows of {@code window} steps; after each
 * window the gradient of that window's summed per-step losses, back-propagated within the window only, is applied
 * ({@link StepContext#applyUpdate()}), and the state carries on into the next window. {@code window = 0} is one
 * window per batch: full BPTT over each sequence. Windows never span batches.
 */
public final class BpttLearner extends SequenceLearner {

    private final int window;
    private final DiscreteAdjoint adjoint;
    private Trajectory traj;

    /**
     * @param net the network
     * @param window steps per truncation window (0 = the whole sequence)
     */
    public BpttLearner(GleNetwork net, int window) {
        super(net);
        if (window < 0) {
            throw new IllegalArgumentException("window must be ≥ 0 steps (0 = the whole sequence), got " + window);
        }
        this.window = window;
        this.adjoint = new DiscreteAdjoint(net);
    }

    /** Steps per window (0 = whole sequence). */
    public int window() {
        return window;
    }

    @Override
    public BatchStats computeGradients(Batch batch, StepContext ctx) {
        StepInputs in = StepInputs.of(batch, net.config());
        prepare(in);
        int k = window == 0 ? in.steps() : Math.min(window, in.steps());
        if (traj == null || traj.capacity() != k) {
            traj = new Trajectory(net.config(), k, in.rows());
        }
        traj.clear(in.rows());
        double loss = 0;
        for (int t = 0; t < in.steps(); t++) {
            float[] y = feed(in, state, t);
            dyn.step(state, false, false, traj);
            loss += dyn.loss(state, in.labels(), y, false, traj);
            if (traj.full() || t == in.steps() - 1) {
                adjoint.backward(traj, null);
                ctx.applyUpdate();
                traj.clear(in.rows());
                dyn.refreshTimeConstants();
            }
        }
        return trainingStats(in, state, loss);
    }

    @Override
    public String describe() {
        return "bptt " + (window == 0 ? "full" : "window=" + window) + " | " + net.describe();
    }
}
