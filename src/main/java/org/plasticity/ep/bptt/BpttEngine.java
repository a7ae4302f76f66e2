package org.plasticity.ep.bptt;

import java.util.Arrays;
import org.plasticity.ep.model.Activation;
import org.plasticity.ep.model.ConvSpec;
import org.plasticity.ep.model.Dynamics;
import org.plasticity.ep.model.LayeredNetwork;
import org.plasticity.ep.model.NeuronState;
import org.plasticity.ep.model.Pooling;
import org.plasticity.tensor.Parallel;

/**
 * Records a window of the prototypical dynamics {@code s^{t+1} = ρ(a^t)}, {@code a^t = ∂Φ/∂s(s^t)} and
 * backpropagates the batch-mean loss at its end. With {@code δ_l = g_l ⊙ ρ'(a_l)} per step:
 * {@code ∂L/∂W_c += δ_c s_{c−1}ᵀ + s_c δ_{c−1}ᵀ}, {@code ∂L/∂b_c += δ_c}, and the state sensitivity
 * {@code g_m = W_{m+1}ᵀ δ_{m+1} + W_m δ_{m−1}}: the same two-way coupling as a relaxation step, applied
 * to the δ's without biases.
 */
public final class BpttEngine {

    /** Receives the sensitivities as the backward pass goes (for the GDU check). */
    public interface Observer {
        /**
         * Called with the sensitivities {@code δ = ρ'(a) ⊙ ∂L/∂s_{T−j} = ∂L/∂a_{T−j−1}} of backward step
         * {@code j} (the transition {@code T−j−1 → T−j}; j = 0 is the last step).
         *
         * @param j steps back from the end
         * @param deltas per dynamical layer, row-major
         */
        void sensitivity(int j, float[][] deltas);

        /**
         * Called after the parameter gradients of backward step {@code j} (the transition
         * {@code T−j−1 → T−j}) were added to the gradient slots.
         */
        void parameterStep(int j);
    }

    private final LayeredNetwork net;
    private float[][][] snapshots = new float[0][][];
    private float[][] g;
    private float[][] gNext;
    private float[][] delta;
    private float[] inputDeltaSum;
    private int steps;
    private int rows;

    /**
     * @param net a network with prototypical dynamics and no max-pooled conv layer
     * @throws UnsupportedOperationException for other dynamics or max pooling
     */
    public BpttEngine(LayeredNetwork net) {
        if (!(net.config().dynamics() instanceof Dynamics.Prototypical)) {
            throw new UnsupportedOperationException("backprop-through-time is implemented for the prototypical dynamics; "
                    + "use Dynamics.prototypical() (got " + net.config().dynamics() + ")");
        }
        for (ConvSpec c : net.config().architecture().conv()) {
            if (c.pooling() == Pooling.MAX) {
                throw new UnsupportedOperationException("backprop-through-time through max-pooled conv layers is not "
                        + "implemented (the pooling route depends on the state at each step); use Pooling.AVG or NONE");
            }
        }
        this.net = net;
    }

    /** Runs {@code k} free steps from {@code s} (modified), keeping every state. */
    public void record(NeuronState s, int k) {
        rows = s.rows();
        steps = k;
        int d = net.dynamicLayers();
        if (snapshots.length < k + 1 || snapshots[0][0].length < rows * net.layerSize(0)) {
            snapshots = new float[k + 1][d][];
            for (int t = 0; t <= k; t++) {
                for (int l = 0; l < d; l++) {
                    snapshots[t][l] = new float[rows * net.layerSize(l)];
                }
            }
            inputDeltaSum = new float[rows * net.layerSize(0)];
            g = new float[d][];
            gNext = new float[d][];
            delta = new float[d][];
            for (int l = 0; l < d; l++) {
                g[l] = new float[rows * net.layerSize(l)];
                gNext[l] = new float[rows * net.layerSize(l)];
                delta[l] = new float[rows * net.layerSize(l)];
            }
        }
        save(s, 0);
        for (int t = 0; t < k; t++) {
            net.relax(s, 0, 1);
            save(s, t + 1);
        }
    }

    private void save(NeuronState s, int t) {
        for (int l = 0; l < net.dynamicLayers(); l++) {
            System.arraycopy(s.rates(l), 0, snapshots[t][l], 0, rows * net.layerSize(l));
        }
    }

    /** Adds the gradient of the batch-mean loss at the recorded window's end to the parameters' slots. */
    public void backward(Observer observer) {
        int d = net.dynamicLayers();
        for (int l = 0; l < d; l++) {
            Arrays.fill(g[l], 0, rows * net.layerSize(l), 0f);
        }
        net.head().lossGradient(rows, snapshots[steps][d - 1], net.labels(), 1f / rows, g[d - 1]);
        // the input is clamped, so Σ_t δ_1^t xᵀ = (Σ_t δ_1^t) xᵀ: one product instead of one per step,
        // unless the observer needs the per-step contributions
        boolean sumInput = observer == null;
        if (sumInput) {
            Arrays.fill(inputDeltaSum, 0, rows * net.layerSize(0), 0f);
        }
        for (int j = 0; j < steps; j++) {
            int t = steps - 1 - j;
            float[][] before = snapshots[t];
            float[][] after = snapshots[t + 1];
            for (int l = 0; l < d; l++) {
                Activation act = net.activation(l);
                float[] gl = g[l];
                float[] dl = delta[l];
                float[] sl = after[l];
                for (int i = 0; i < rows * net.layerSize(l); i++) {
                    dl[i] = gl[i] * act.derivativeFromOutput(sl[i]);
                }
            }
            if (observer != null) {
                observer.sensitivity(j, delta);
            }
            if (sumInput) {
                net.kernels().axpy(rows * net.layerSize(0), 1f, delta[0], 0, inputDeltaSum, 0);
            } else {
                net.connection(0).accumulateGradient(rows, 1f, net.input(), 0, delta[0], 0, true);
            }
            for (int c = 1; c < d; c++) {
                net.connection(c).accumulateGradient(rows, 1f, before[c - 1], 0, delta[c], 0, true);
                net.connection(c).accumulateGradient(rows, 1f, delta[c - 1], 0, before[c], 0, false);
            }
            if (observer != null) {
                observer.parameterStep(j);
            }
            for (int l = 0; l < d; l++) {
                Arrays.fill(gNext[l], 0, rows * net.layerSize(l), 0f);
            }
            Parallel.forRange(rows, 8, (r0, r1) -> {
                for (int c = 1; c < d; c++) {
                    int nIn = net.layerSize(c - 1);
                    int nOut = net.layerSize(c);
                    net.connection(c).couple(r1 - r0, delta[c - 1], r0 * nIn, delta[c], r0 * nOut,
                            gNext[c], r0 * nOut, gNext[c - 1], r0 * nIn, false);
                }
            });
            float[][] tmp = g;
            g = gNext;
            gNext = tmp;
        }
        if (sumInput) {
            net.connection(0).accumulateGradient(rows, 1f, net.input(), 0, inputDeltaSum, 0, true);
        }
    }

    /** Recorded rates at window step {@code t} of layer {@code l}. */
    public float[] snapshot(int t, int l) {
        return snapshots[t][l];
    }
}
