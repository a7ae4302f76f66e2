package org.plasticity.localca.model;

import org.plasticity.neuron.AdditiveCompartment;
import org.plasticity.neuron.ConductanceCompartment;
import org.plasticity.tensor.Parallel;
import org.plasticity.train.loss.SoftmaxCrossEntropy;

/**
 * Exact loss gradients on the compartment trees (paper Theorem 1) by one reverse sweep, soma to
 * leaves:
 * <pre>
 *   ∂L/∂r_0 = W_decᵀ δ^y                                   (Eq. 8)
 *   ∂L/∂V_n = ∂L/∂r_n · dr_n/dV_n                            (reactivation slope; 1 when off)
 *   ∂L/∂r_c = ∂L/∂V_p · R_p · g^den_{c→p}                    (Eq. 9 with Prop. 2; additive: g^den)
 * </pre>
 * and, at every compartment, the parameter gradients of {@link Eligibility} with credit ∂L/∂V_n
 * (Props. 1, 3). Inactive (non-TopK) synapses get zero gradient, as the TopK mask is piecewise
 * constant in θ. Holds reusable buffers for batches of up to {@code capacity} samples.
 */
public final class TreeBackprop {

    private final DendriticNetwork net;
    private final float[][][] outputCredit;
    private final float[][][] voltageCredit;
    private final float[][] error;

    /**
     * @param net the network
     * @param capacity largest batch
     */
    public TreeBackprop(DendriticNetwork net, int capacity) {
        this.net = net;
        TreeTopology topo = net.topology();
        outputCredit = new float[topo.layers()][][];
        voltageCredit = new float[topo.layers()][][];
        for (int l = 0; l < topo.layers(); l++) {
            outputCredit[l] = new float[topo.size(l)][capacity];
            voltageCredit[l] = new float[topo.size(l)][capacity];
        }
        error = new float[capacity][net.config().classes()];
    }

    /**
     * Mean cross-entropy over the batch and its exact gradient, accumulated into {@code grads}.
     *
     * @param pass a forward pass of {@code net} with the batch's samples
     * @param labels the batch's labels
     * @param grads receives the gradients (added)
     * @param includeDecoder whether to add the decoder's gradient
     * @return the batch's summed loss and accuracy
     */
    public org.plasticity.train.BatchStats run(ForwardPass pass, int[] labels, TreeGradients grads,
            boolean includeDecoder) {
        int batch = pass.size();
        org.plasticity.train.BatchStats stats = stats(SoftmaxCrossEntropy.evaluate(pass.logits(), batch, labels, error));
        backward(pass, error, 1f / batch, grads, includeDecoder);
        return stats;
    }

    /**
     * The reverse sweep for given output errors.
     *
     * @param pass forward pass
     * @param outError ∂L/∂ŷ per sample (unscaled)
     * @param scale factor on every sample's error (1/B for a batch mean)
     * @param grads receives the gradients (added)
     * @param includeDecoder whether to add the decoder's gradient
     */
    public void backward(ForwardPass pass, float[][] outError, float scale, TreeGradients grads,
            boolean includeDecoder) {
        TreeConfig cfg = net.config();
        TreeTopology topo = net.topology();
        int batch = pass.size();
        int classes = cfg.classes();
        int neurons = cfg.neurons();
        float[] w = net.decoderWeights();
        for (int n = 0; n < neurons; n++) {
            float[] u = outputCredit[0][n];
            java.util.Arrays.fill(u, 0, batch, 0f);
            for (int k = 0; k < classes; k++) {
                float wk = w[k * neurons + n] * scale;
                for (int b = 0; b < batch; b++) {
                    u[b] += wk * outError[b][k];
                }
            }
        }
        if (includeDecoder) {
            Eligibility.decoder(net, pass, grads, outError, scale);
        }
        for (int l = 0; l < topo.layers(); l++) {
            int layer = l;
            Parallel.forEach(topo.size(l), cfg.threads(), c -> sweep(pass, grads, layer, c, batch));
        }
    }

    private void sweep(ForwardPass pass, TreeGradients grads, int l, int c, int batch) {
        TreeTopology topo = net.topology();
        float[] u = outputCredit[l][c];
        float[] q = voltageCredit[l][c];
        Eligibility.reactivation(pass, grads, l, c, u);
        for (int b = 0; b < batch; b++) {
            q[b] = u[b] * pass.reactivationSlope(l, c, b);
        }
        if (l >= 1) {
            Eligibility.synapses(net, pass, grads, l, c, q);
        }
        if (l < topo.leafLayer()) {
            Eligibility.dendrites(topo, pass, grads, l, c, q, 1f);
            int first = topo.firstChild(l, c);
            float[] gd = pass.dendritic(l + 1);
            float[] rt = pass.resistance(l) == null ? null : pass.resistance(l)[c];
            for (int k = 0; k < topo.branch(l + 1); k++) {
                float g = gd[first + k];
                float[] child = outputCredit[l + 1][first + k];
                if (rt == null) {
                    AdditiveCompartment.childCredit(g, q, batch, child);
                } else {
                    ConductanceCompartment.childCredit(g, q, rt, batch, child);
                }
            }
        }
    }

    /** ∂L/∂V of layer {@code l} from the last sweep: {@code [compartment][sample]} (includes 1/B). */
    public float[][] voltageCredit(int l) {
        return voltageCredit[l];
    }

    /** ∂L/∂r of layer {@code l} from the last sweep. */
    public float[][] outputCredit(int l) {
        return outputCredit[l];
    }

    @Override
    public String toString() {
        return "TreeBackprop[" + net.config().describe() + "]";
    }

    private static org.plasticity.train.BatchStats stats(SoftmaxCrossEntropy.Totals t) {
        return new org.plasticity.train.BatchStats(t.lossSum(), t.correct(), t.rows());
    }
}
