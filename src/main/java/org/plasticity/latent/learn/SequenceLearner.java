package org.plasticity.latent.learn;

import java.util.List;
import org.plasticity.data.Batch;
import org.plasticity.latent.model.GleDynamics;
import org.plasticity.latent.model.GleNetwork;
import org.plasticity.latent.model.GleState;
import org.plasticity.latent.model.StateMode;
import org.plasticity.latent.model.StepInputs;
import org.plasticity.train.BatchStats;
import org.plasticity.train.Learner;
import org.plasticity.train.LearnerState;
import org.plasticity.train.Parameter;

/**
 * What every learner of a GLE network shares: the network, its training state (carried across batches or reset per
 * sample, {@link StateMode}), evaluation and the metrics. Evaluation runs the forward dynamics only (β = 0, no
 * update) from rest for every evaluation batch; the prediction is the argmax of the outputs summed over all steps
 * (spec §2.5); the loss of a sample is its per-step loss averaged over the steps.
 */
public abstract class SequenceLearner implements Learner {

    protected final GleNetwork net;
    protected final GleDynamics dyn;
    protected final GleState state;
    private GleState evalState;

    /** @param net the network */
    protected SequenceLearner(GleNetwork net) {
        this.net = net;
        this.dyn = new GleDynamics(net);
        this.state = new GleState(net.config(), 1);
    }

    /** The network. */
    public GleNetwork network() {
        return net;
    }

    /** The training state (live). */
    public GleState trainingState() {
        return state;
    }

    @Override
    public List<Parameter> parameters() {
        return net.parameters();
    }

    /** Sizes the training state to the batch and resets it when the state mode asks to. */
    protected void prepare(StepInputs in) {
        state.resize(in.rows());
        if (net.config().stateMode() == StateMode.RESET) {
            state.reset();
        }
        state.clearOutputSum();
    }

    /** Fills the state's input (and returns the float target buffer, or null) for step t. */
    protected static float[] feed(StepInputs in, GleState st, int t) {
        in.input(t, st.inputBuffer());
        return in.target(t, st.targetBuffer());
    }

    @Override
    public BatchStats evaluate(Batch batch) {
        StepInputs in = StepInputs.of(batch, net.config());
        if (evalState == null || evalState.rows() != in.rows()) {
            evalState = new GleState(net.config(), in.rows());
        } else {
            evalState.reset();
        }
        evalState.clearOutputSum();
        dyn.refreshTimeConstants();
        double loss = 0;
        for (int t = 0; t < in.steps(); t++) {
            float[] y = feed(in, evalState, t);
            dyn.step(evalState, false, false, null);
            loss += dyn.loss(evalState, in.labels(), y, false, null);
        }
        return stats(in, evalState, loss);
    }

    /** Loss per sample (mean over steps, summed over rows) and correct predictions (argmax of the summed output). */
    protected BatchStats stats(StepInputs in, GleState st, double lossSum) {
        int[] labels = in.labels();
        long correct = 0;
        if (labels != null) {
            int k = net.config().outputs();
            float[] sum = st.outputSum();
            for (int b = 0; b < in.rows(); b++) {
                int best = 0;
                for (int j = 1; j < k; j++) {
                    if (sum[b * k + j] > sum[b * k + best]) {
                        best = j;
                    }
                }
                if (best == labels[b]) {
                    correct++;
                }
            }
        }
        return new BatchStats(lossSum / in.steps(), correct, in.rows());
    }

    /**
     * {@link #stats} plus the trajectory of learned constants as epoch metrics (per-sample sums, so the epoch mean is
     * the value): {@code tau_m_<l>}, the mean learned τ_m of layer l, and {@code w_<l>} for a layer with a single
     * weight (LagLine).
     */
    protected BatchStats trainingStats(StepInputs in, GleState st, double lossSum) {
        BatchStats b = stats(in, st, lossSum);
        for (int l = 0; l < net.config().depth(); l++) {
            if (net.config().learnTau()) {
                double mean = 0;
                for (int j = 0; j < net.config().size(l); j++) {
                    mean += net.effectiveTauM(l, j);
                }
                b = b.with("tau_m_" + l, mean / net.config().size(l) * in.rows());
            }
            if (net.weights(l).length == 1) {
                b = b.with("w_" + l, (double) net.weights(l)[0] * in.rows());
            }
        }
        return b;
    }

    @Override
    public LearnerState state() {
        return state.toLearnerState();
    }

    @Override
    public void restoreState(LearnerState s) {
        state.restore(s);
    }
}
