package org.plasticity.localca.model;

import org.plasticity.neuron.AdditiveCompartment;
import org.plasticity.neuron.ConductanceCompartment;
import org.plasticity.tensor.FloatKernels;

/**
 * The synapse-local factors shared by exact backprop and every local rule: given a per-sample
 * credit q_n(b) for compartment n (the exact ∂L/∂V_n of Theorem 1, or a broadcast error e_n times
 * modulators), accumulate the batch sums of the following factors (the compartment derivatives
 * themselves are {@link ConductanceCompartment}'s, and {@link AdditiveCompartment}'s for the additive
 * control):
 * <ul>
 *   <li>Prop. 1 / Eq. 15: ∂V_n/∂g_j = x_j R_n (E_j − V_n) for synapses (E = 1 excitatory, 0
 *       inhibitory; the additive control has ±x_j), chain-ruled onto θ by dg/dθ;</li>
 *   <li>Prop. 3 / Eq. 16: ∂V_n/∂g_c^den = R_n (r_c − V_n) (additive: r_c), chain-ruled onto
 *       log w by g^den;</li>
 *   <li>the reactivation factors ∂r_n/∂log m and ∂r_n/∂log b.</li>
 * </ul>
 * Credits already carry the 1/B batch average.
 */
public final class Eligibility {

    private static final ThreadLocal<float[][]> SCRATCH = new ThreadLocal<>();

    private Eligibility() {
    }

    /**
     * Adds q-weighted synaptic eligibilities of compartment {@code c} of layer {@code l ≥ 1} into
     * the θ gradients.
     *
     * @param pass the forward pass
     * @param grads target buffers
     * @param l layer (≥ 1)
     * @param c compartment
     * @param credit per-sample credit q(b)
     */
    public static void synapses(DendriticNetwork net, ForwardPass pass, TreeGradients grads, int l, int c,
            float[] credit) {
        int batch = pass.size;
        int d = net.config().inputSize();
        float[][] s = scratch(batch);
        float[] aE = s[0];
        float[] aI = s[1];
        float[] v = pass.voltage[l][c];
        if (pass.resistance[l] != null) {
            float[] rt = pass.resistance[l][c];
            ConductanceCompartment.conductanceCredit(ConductanceCompartment.EXCITATORY_REVERSAL, credit, rt, v, batch, aE);
            ConductanceCompartment.conductanceCredit(ConductanceCompartment.INHIBITORY_REVERSAL, credit, rt, v, batch, aI);
        } else {
            AdditiveCompartment.conductanceCredit(true, credit, batch, aE);
            AdditiveCompartment.conductanceCredit(false, credit, batch, aI);
        }
        accumulate(kernels(pass), pass.inputT, pass.activeE[l][c], pass.condSlopeE[l][c], aE, batch, grads.excitatory(l), c * d);
        if (grads.inhibitory(l) != null) {
            accumulate(kernels(pass), pass.inputT, pass.activeI[l][c], pass.condSlopeI[l][c], aI, batch, grads.inhibitory(l), c * d);
        }
    }

    private static void accumulate(FloatKernels kernels, float[][] xT, int[] idx, float[] dg, float[] a, int batch, float[] g, int off) {
        for (int k = 0; k < idx.length; k++) {
            int j = idx[k];
            g[off + j] += dot(kernels, xT[j], a, batch) * dg[k];
        }
    }

    /**
     * Adds q-weighted dendritic eligibilities of the edges into compartment {@code c} of layer
     * {@code l < leaf} (one per child), times {@code factor}, into the log g^den gradients.
     *
     * @param pass the forward pass
     * @param grads target buffers
     * @param l parent layer
     * @param c parent compartment
     * @param credit the parent's per-sample credit
     * @param factor extra multiplier (e.g. dendritic normalisation)
     */
    public static void dendrites(TreeTopology topo, ForwardPass pass, TreeGradients grads, int l, int c, float[] credit,
            float factor) {
        int batch = pass.size;
        int first = topo.firstChild(l, c);
        int nb = topo.branch(l + 1);
        float[] gd = pass.dendritic[l + 1];
        float[] out = grads.dendritic(l + 1);
        float[] v = pass.voltage[l][c];
        if (pass.resistance[l] != null) {
            float[][] s2 = scratch(batch);
            float[] a = s2[0];
            float[] e = s2[1];
            float[] rt = pass.resistance[l][c];
            for (int b = 0; b < batch; b++) {
                a[b] = credit[b] * rt[b];
            }
            for (int k = 0; k < nb; k++) {
                ConductanceCompartment.couplingCredit(a, pass.output[l + 1][first + k], v, batch, e);
                double s = 0;
                for (int b = 0; b < batch; b++) {
                    s += e[b];
                }
                out[first + k] += (float) (s * gd[first + k] * factor);
            }
        } else {
            for (int k = 0; k < nb; k++) {
                out[first + k] += dot(kernels(pass), credit, pass.output[l + 1][first + k], batch) * gd[first + k] * factor;
            }
        }
    }

    /**
     * Adds the reactivation eligibilities of compartment {@code c} of layer {@code l} weighted by a
     * per-sample credit on its output r (∂L/∂r or its local estimate). No-op without reactivation.
     */
    public static void reactivation(ForwardPass pass, TreeGradients grads, int l, int c, float[] outputCredit) {
        if (pass.slope[l] == null) {
            return;
        }
        int batch = pass.size;
        float m = pass.slope[l][c];
        float off = pass.offset[l][c];
        float[] r = pass.output[l][c];
        float[] v = pass.voltage[l][c];
        double sm = 0;
        double sb = 0;
        for (int b = 0; b < batch; b++) {
            float s = 2f * r[b] * (1f - r[b]) * outputCredit[b];
            sm += s * (v[b] - off);
            sb += s;
        }
        grads.logSlope(l)[c] += (float) (sm * m);
        grads.logOffset(l)[c] += (float) (-sb * m * off);
    }

    /**
     * Adds the decoder gradient Σ_b q(b, k) r_0(b)ᵀ and Σ_b q(b, k) for output credits
     * {@code outCredit[b][k]} (already batch-scaled by {@code scale}).
     */
    public static void decoder(DendriticNetwork net, ForwardPass pass, TreeGradients grads, float[][] outCredit,
            float scale) {
        int batch = pass.size;
        int classes = net.config().classes();
        int neurons = net.config().neurons();
        float[] col = new float[batch];
        for (int k = 0; k < classes; k++) {
            double sb = 0;
            for (int b = 0; b < batch; b++) {
                col[b] = outCredit[b][k] * scale;
                sb += col[b];
            }
            grads.decoderBias()[k] += (float) sb;
            for (int n = 0; n < neurons; n++) {
                grads.decoderWeights()[k * neurons + n] += dot(kernels(pass), col, pass.output[0][n], batch);
            }
        }
    }

    /**
     * Σ_b a[b]·x[b]: by {@code kernels.dot} for Vector-API kernels (lane-wise fused multiply-adds, several
     * times faster on the long batch loops of the eligibilities), else by four partial sums (which break the
     * add dependency chain that the plain scalar kernel keeps). The two sum in different orders, so their
     * results agree to float rounding, not bit for bit ({@link TreeConfig#kernels()}).
     *
     * @param kernels the configured kernels
     * @param x first vector
     * @param a second vector
     * @param n length
     * @return the dot product
     */
    public static float dot(FloatKernels kernels, float[] x, float[] a, int n) {
        if (kernels != FloatKernels.scalar()) {
            return kernels.dot(n, x, 0, a, 0);
        }
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int b = 0;
        for (; b + 3 < n; b += 4) {
            s0 += x[b] * a[b];
            s1 += x[b + 1] * a[b + 1];
            s2 += x[b + 2] * a[b + 2];
            s3 += x[b + 3] * a[b + 3];
        }
        for (; b < n; b++) {
            s0 += x[b] * a[b];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static FloatKernels kernels(ForwardPass pass) {
        return pass.vector == null ? FloatKernels.scalar() : pass.vector;
    }

    private static float[][] scratch(int batch) {
        float[][] s = SCRATCH.get();
        if (s == null || s[0].length < batch) {
            s = new float[2][batch];
            SCRATCH.set(s);
        }
        return s;
    }
}
