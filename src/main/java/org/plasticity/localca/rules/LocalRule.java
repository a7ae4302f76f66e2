package org.plasticity.localca.rules;

import java.util.Map;
import org.plasticity.train.LearnerState;
import org.plasticity.localca.model.DendriticNetwork;
import org.plasticity.localca.model.Eligibility;
import org.plasticity.localca.model.ForwardPass;
import org.plasticity.localca.model.TreeGradients;
import org.plasticity.localca.model.TreeTopology;
import org.plasticity.tensor.Parallel;
import org.plasticity.train.BatchStats;
import org.plasticity.train.loss.SoftmaxCrossEntropy;

/**
 * The local pseudo-gradient of one batch (Algorithm 1 of the paper), written in the gradient sign
 * convention (e_n stands for ∂L/∂V_n, Definition 1; the optimizer subtracts it):
 * <pre>
 *   synapse j of n:   ρ_n φ_n ⟨x_j R_n (E_j − V_n) e_n⟩_B · dg/dθ       (Eqs. 15, 18, 24)
 *   edge c → n:       ρ_n φ_n ⟨R_n (r_c − V_n) e_n⟩_B · g^den            (Eqs. 16, 19, 25)
 *   reactivation n:   ρ_n φ_n ⟨e_n ∂r_n/∂(log m, log b)⟩_B               (our decision)
 *   decoder:          ⟨δ^y r_0ᵀ⟩_B (local, = backprop) or nothing (frozen)
 * </pre>
 * with the optional path factor in e_n, depth modulation ρ_n/(d_n + α), apical/basal scales,
 * dendritic normalisation and HSIC error terms. Chain-ruling onto θ uses sigmoid(θ) for softplus
 * synapses and g for exp-parameterised dendrites (paper Appendix B).
 */
public final class LocalRule {

    private static final ThreadLocal<float[][]> SCRATCH = new ThreadLocal<>();

    private final DendriticNetwork net;
    private final LocalRuleConfig cfg;
    private final long seed;
    private final LayerModulators modulators;
    private BroadcastErrors errors;
    private float[][] outError = new float[0][];
    private float[][][] hsicGrad;

    /**
     * @param net the network
     * @param cfg the rule
     * @param seed seed of the fixed random feedback (DFA)
     */
    public LocalRule(DendriticNetwork net, LocalRuleConfig cfg, long seed) {
        this.net = net;
        this.cfg = cfg;
        this.seed = seed;
        this.modulators = new LayerModulators(cfg.modulators(), net.topology());
    }

    /** The rule's configuration. */
    public LocalRuleConfig config() {
        return cfg;
    }

    /** The running ρ / φ estimates. */
    public LayerModulators modulators() {
        return modulators;
    }

    /**
     * Adds the local pseudo-gradient of a batch to {@code grads}.
     *
     * @param pass the batch's forward pass
     * @param labels the batch's labels
     * @param epoch current epoch (HSIC warm-up)
     * @param grads receives the pseudo-gradient (added)
     * @param updateEstimators fold this batch into the running ρ / φ estimates
     * @return the batch's loss and accuracy
     */
    public BatchStats accumulate(ForwardPass pass, int[] labels, int epoch, TreeGradients grads,
            boolean updateEstimators) {
        int batch = pass.size();
        int classes = net.config().classes();
        if (errors == null || errors.capacity() < pass.capacity()) {
            errors = new BroadcastErrors(net, cfg, seed, pass.capacity());
            outError = new float[pass.capacity()][classes];
        }
        BatchStats stats = stats(SoftmaxCrossEntropy.evaluate(pass.logits(), batch, labels, outError));
        modulators.observe(pass, updateEstimators);
        errors.compute(pass, outError);
        if (cfg.hsic().enabled() && cfg.hsic().weightAt(epoch) > 0) {
            addHsic(pass, labels, epoch);
        }
        TreeTopology topo = net.topology();
        float inv = 1f / batch;
        for (int l = 0; l < topo.layers(); l++) {
            int layer = l;
            Parallel.forEach(topo.size(l), net.config().threads(), c -> compartment(pass, grads, layer, c, batch, inv));
        }
        if (cfg.decoder() != DecoderMode.FROZEN) {
            Eligibility.decoder(net, pass, grads, outError, inv);
        }
        return stats;
    }

    private void compartment(ForwardPass pass, TreeGradients grads, int l, int c, int batch, float inv) {
        TreeTopology topo = net.topology();
        double mod = inv;
        if (cfg.rule().usesRho()) {
            mod *= modulators.rho(l);
        }
        if (cfg.rule().usesPhi()) {
            mod *= modulators.phi(l, c);
        }
        Morphology m = cfg.morphology();
        if (m.depthModulation()) {
            mod /= l + m.depthOffset();
        }
        if (l >= 1 && (m.apicalScale() != 1 || m.basalScale() != 1)) {
            mod *= topo.somaBranch(l, c) == 0 ? m.apicalScale() : m.basalScale();
        }
        float[] e = errors.error(l)[c];
        float[][] buf = SCRATCH.get();
        if (buf == null || buf[0].length < batch) {
            buf = new float[2][batch];
            SCRATCH.set(buf);
        }
        float[] u = buf[0];
        float[] q = buf[1];
        for (int b = 0; b < batch; b++) {
            u[b] = (float) (mod * e[b]);
            q[b] = cfg.slopeInError() ? u[b] * pass.reactivationSlope(l, c, b) : u[b];
        }
        Eligibility.reactivation(pass, grads, l, c, u);
        if (l >= 1) {
            Eligibility.synapses(net, pass, grads, l, c, q);
        }
        if (l < topo.leafLayer()) {
            float factor = 1f;
            if (m.dendriticNormalization()) {
                float[] gd = pass.dendritic(l + 1);
                double sum = 0;
                int first = topo.firstChild(l, c);
                for (int k = 0; k < topo.branch(l + 1); k++) {
                    sum += gd[first + k];
                }
                factor = (float) (1.0 / (sum + 1e-8));
            }
            Eligibility.dendrites(topo, pass, grads, l, c, q, factor);
        }
    }

    private void addHsic(ForwardPass pass, int[] labels, int epoch) {
        TreeTopology topo = net.topology();
        int batch = pass.size();
        if (hsicGrad == null || hsicGrad[0][0].length < pass.capacity()) {
            hsicGrad = new float[topo.layers()][][];
            for (int l = 0; l < topo.layers(); l++) {
                hsicGrad[l] = new float[topo.size(l)][pass.capacity()];
            }
        }
        float w = (float) (cfg.hsic().weightAt(epoch) * batch);
        float clip = (float) cfg.hsic().clip();
        for (int l = 0; l < topo.layers(); l++) {
            Hsic.lossAndGradient(pass.output(l), batch, labels, net.config().classes(), cfg.hsic(), hsicGrad[l]);
            float[][] e = errors.error(l);
            for (int c = 0; c < topo.size(l); c++) {
                for (int b = 0; b < batch; b++) {
                    float h = w * hsicGrad[l][c][b];
                    e[c][b] += Math.max(-clip, Math.min(clip, h));
                }
            }
        }
    }

    /** Estimator state for checkpoints. */
    public LearnerState state() {
        return modulators.state();
    }

    /** Restores {@link #state()}. */
    public void restoreState(LearnerState state) {
        modulators.restoreState(state);
    }

    @Override
    public String toString() {
        return "LocalRule[" + cfg.describe() + "]";
    }

    private static BatchStats stats(SoftmaxCrossEntropy.Totals t) {
        return new BatchStats(t.lossSum(), t.correct(), t.rows());
    }
}
