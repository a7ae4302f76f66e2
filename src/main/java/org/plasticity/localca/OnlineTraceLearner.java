package org.plasticity.localca;

import java.util.Locale;
import org.plasticity.data.Batch;
import org.plasticity.localca.model.DendriticNetwork;
import org.plasticity.localca.model.Eligibility;
import org.plasticity.localca.model.ForwardPass;
import org.plasticity.localca.model.TreeTopology;
import org.plasticity.tensor.Parallel;
import org.plasticity.train.BatchStats;
import org.plasticity.train.LearnerState;
import org.plasticity.train.StepContext;
import org.plasticity.train.loss.SoftmaxCrossEntropy;

/**
 * The online eligibility-trace variant of paper Appendix F (a demo; no paper experiment uses it).
 * Samples of a batch are presented one after another as time steps of length dt = 1; every active
 * synapse keeps a low-pass trace of its local factor,
 * <pre>
 *   τ_e ė_j = −e_j + x_j (E_j − V_n) R_n         (dendritic edges: R_n (r_c − V_n)),
 * </pre>
 * and accumulates ∫ e_j m_n dt with the per-soma modulator m_n = δ_0 of its soma (3F, no ρ/φ).
 *
 * <p>Updates are applied every {@code updateEvery} samples through the trainer's online-update contract
 * ({@link StepContext#applyUpdate()}): the integral over those samples, divided by their number, goes into the
 * gradient slots and the trainer's optimizer applies it. Between two updates the parameters stay fixed, so one
 * batched forward pass gives those samples' states. {@code updateEvery = 1} is fully online (an update per time
 * step); the default (0 = the whole batch) applies one update per batch, at the batch's end, like every batch learner.
 * Traces carry over between updates and batches (learner state); when TopK rewires, a synapse that stays active
 * keeps its trace and a newly active one starts at 0. With τ_e = 1 and one update per batch the rule equals batch 3F
 * per-soma.
 */
public final class OnlineTraceLearner extends TreeLearner {

    private final double tau;
    private final int updateEvery;
    private final float[][][] traceE;
    private final float[][][] traceI;
    private final int[][][] idxE;
    private final int[][][] idxI;
    private final float[][] traceD;
    private float[][] outError = new float[0][];
    private float[][] somaError = new float[0][];

    /**
     * @param net the network
     * @param rates per-group learning rates
     * @param tau trace time constant τ_e in samples (≥ 1)
     */
    public OnlineTraceLearner(DendriticNetwork net, LearningRates rates, double tau) {
        this(net, rates, tau, 0);
    }

    /**
     * @param net the network
     * @param rates per-group learning rates
     * @param tau trace time constant τ_e in samples (≥ 1)
     * @param updateEvery samples (time steps) between two parameter updates; 1 = fully online, 0 = once per batch
     */
    public OnlineTraceLearner(DendriticNetwork net, LearningRates rates, double tau, int updateEvery) {
        super(net, rates);
        if (!(tau >= 1)) {
            throw new IllegalArgumentException("tau (in samples) must be ≥ 1, got " + tau);
        }
        if (updateEvery < 0) {
            throw new IllegalArgumentException("updateEvery must be ≥ 0 (0 = once per batch), got " + updateEvery);
        }
        this.tau = tau;
        this.updateEvery = updateEvery;
        TreeTopology topo = net.topology();
        int layers = topo.layers();
        traceE = new float[layers][][];
        traceI = new float[layers][][];
        idxE = new int[layers][][];
        idxI = new int[layers][][];
        traceD = new float[layers][];
        for (int l = 1; l < layers; l++) {
            int n = topo.size(l);
            traceE[l] = new float[n][net.config().excitatorySynapses()];
            traceI[l] = new float[n][net.config().inhibitorySynapses()];
            idxE[l] = new int[n][net.config().excitatorySynapses()];
            idxI[l] = new int[n][net.config().inhibitorySynapses()];
            for (int[] row : idxE[l]) {
                java.util.Arrays.fill(row, -1);
            }
            for (int[] row : idxI[l]) {
                java.util.Arrays.fill(row, -1);
            }
            traceD[l] = new float[n];
        }
    }

    /** Samples between two updates (0 = once per batch). */
    public int updateEvery() {
        return updateEvery;
    }

    @Override
    public BatchStats computeGradients(Batch batch, StepContext ctx) {
        if (updateEvery == 0 || updateEvery >= batch.size()) {
            return accumulate(batch); // one update, applied by the trainer at the batch's end
        }
        BatchStats stats = BatchStats.EMPTY;
        for (int from = 0; from < batch.size(); from += updateEvery) {
            Batch steps = batch.slice(from, Math.min(batch.size(), from + updateEvery));
            stats = stats.plus(accumulate(steps));
            ctx.applyUpdate();
        }
        return stats;
    }

    /** Runs the samples of {@code batch} as consecutive time steps and adds their mean update to the slots. */
    private BatchStats accumulate(Batch batch) {
        ForwardPass pass = forward(batch);
        int n = batch.size();
        int classes = net.config().classes();
        int neurons = net.config().neurons();
        if (outError.length < n) {
            outError = new float[n][classes];
        }
        if (somaError.length != neurons || somaError[0].length < n) {
            somaError = new float[neurons][n];
        }
        BatchStats stats = stats(SoftmaxCrossEntropy.evaluate(pass.logits(), n, batch.labels(), outError));
        float[] w = net.decoderWeights();
        for (int s = 0; s < neurons; s++) {
            for (int b = 0; b < n; b++) {
                float d = 0;
                for (int k = 0; k < classes; k++) {
                    d += w[k * neurons + s] * outError[b][k];
                }
                somaError[s][b] = d;
            }
        }
        TreeTopology topo = net.topology();
        float inv = 1f / n;
        for (int l = 0; l < topo.layers(); l++) {
            int layer = l;
            Parallel.forEach(topo.size(l), net.config().threads(), c -> compartment(pass, layer, c, n, inv));
        }
        Eligibility.decoder(net, pass, grads, outError, inv);
        return stats;
    }

    private void compartment(ForwardPass pass, int l, int c, int n, float inv) {
        TreeTopology topo = net.topology();
        float[] m = somaError[topo.soma(l, c)];
        float[] u = new float[n];
        for (int b = 0; b < n; b++) {
            u[b] = m[b] * inv;
        }
        Eligibility.reactivation(pass, grads, l, c, u);
        float a = (float) (1.0 / tau);
        if (l >= 1) {
            synapses(pass, l, c, n, m, a, true);
            if (net.config().inhibitorySynapses() > 0) {
                synapses(pass, l, c, n, m, a, false);
            }
        }
        if (l < topo.leafLayer()) {
            int first = topo.firstChild(l, c);
            float[] v = pass.voltage(l)[c];
            float[] rt = pass.resistance(l) == null ? null : pass.resistance(l)[c];
            float[] gd = pass.dendritic(l + 1);
            for (int k = 0; k < topo.branch(l + 1); k++) {
                int ch = first + k;
                float[] r = pass.output(l + 1)[ch];
                float tr = traceD[l + 1][ch];
                double acc = 0;
                for (int b = 0; b < n; b++) {
                    float elig = rt == null ? r[b] : rt[b] * (r[b] - v[b]);
                    tr += a * (elig - tr);
                    acc += tr * m[b];
                }
                traceD[l + 1][ch] = tr;
                grads.dendritic(l + 1)[ch] += (float) (acc * inv * gd[ch]);
            }
        }
    }

    private void synapses(ForwardPass pass, int l, int c, int n, float[] m, float a, boolean exc) {
        int d = net.config().inputSize();
        int[] idx = exc ? pass.activeExcitatory(l)[c] : pass.activeInhibitory(l)[c];
        float[] theta = exc ? net.excitatoryTheta(l) : net.inhibitoryTheta(l);
        float[] out = exc ? grads.excitatory(l) : grads.inhibitory(l);
        float[] trace = remap(exc ? traceE[l][c] : traceI[l][c], exc ? idxE[l][c] : idxI[l][c], idx);
        float[] v = pass.voltage(l)[c];
        float[] rt = pass.resistance(l) == null ? null : pass.resistance(l)[c];
        float[][] xT = pass.inputT();
        float e = exc ? 1f : 0f;
        for (int k = 0; k < idx.length; k++) {
            float[] x = xT[idx[k]];
            float tr = trace[k];
            double acc = 0;
            for (int b = 0; b < n; b++) {
                float elig = rt == null ? (exc ? x[b] : -x[b]) : x[b] * rt[b] * (e - v[b]);
                tr += a * (elig - tr);
                acc += tr * m[b];
            }
            trace[k] = tr;
            out[c * d + idx[k]] += (float) (acc / n) * net.config().synapseTransform().derivative(theta[c * d + idx[k]]);
        }
    }

    /** Keeps the traces of synapses that stay active (matched by input index); new ones start at 0. */
    private static float[] remap(float[] trace, int[] oldIdx, int[] newIdx) {
        if (java.util.Arrays.equals(oldIdx, newIdx)) {
            return trace;
        }
        float[] next = new float[trace.length];
        int i = 0;
        for (int k = 0; k < newIdx.length; k++) {
            while (i < oldIdx.length && oldIdx[i] >= 0 && oldIdx[i] < newIdx[k]) {
                i++;
            }
            if (i < oldIdx.length && oldIdx[i] == newIdx[k]) {
                next[k] = trace[i];
            }
        }
        System.arraycopy(next, 0, trace, 0, trace.length);
        System.arraycopy(newIdx, 0, oldIdx, 0, newIdx.length);
        return trace;
    }

    @Override
    public LearnerState state() {
        LearnerState.Builder s = LearnerState.builder();
        for (int l = 1; l < traceE.length; l++) {
            s.put("traceE." + l, flatten(traceE[l]));
            s.put("traceI." + l, flatten(traceI[l]));
            s.put("idxE." + l, flattenInts(idxE[l]));
            s.put("idxI." + l, flattenInts(idxI[l]));
            s.put("traceD." + l, traceD[l]);
        }
        return s.build();
    }

    @Override
    public void restoreState(LearnerState s) {
        for (int l = 1; l < traceE.length; l++) {
            unflatten(s.floats("traceE." + l), traceE[l]);
            unflatten(s.floats("traceI." + l), traceI[l]);
            unflattenInts(s.ints("idxE." + l), idxE[l]);
            unflattenInts(s.ints("idxI." + l), idxI[l]);
            float[] d = s.floats("traceD." + l);
            if (d != null) {
                System.arraycopy(d, 0, traceD[l], 0, traceD[l].length);
            }
        }
    }

    private static float[] flatten(float[][] a) {
        int w = a.length == 0 ? 0 : a[0].length;
        float[] out = new float[a.length * w];
        for (int i = 0; i < a.length; i++) {
            System.arraycopy(a[i], 0, out, i * w, w);
        }
        return out;
    }

    private static void unflatten(float[] src, float[][] a) {
        if (src == null) {
            return;
        }
        int w = a.length == 0 ? 0 : a[0].length;
        for (int i = 0; i < a.length; i++) {
            System.arraycopy(src, i * w, a[i], 0, w);
        }
    }

    private static int[] flattenInts(int[][] a) {
        int w = a.length == 0 ? 0 : a[0].length;
        int[] out = new int[a.length * w];
        for (int i = 0; i < a.length; i++) {
            System.arraycopy(a[i], 0, out, i * w, w);
        }
        return out;
    }

    private static void unflattenInts(int[] src, int[][] a) {
        if (src == null) {
            return;
        }
        int w = a.length == 0 ? 0 : a[0].length;
        for (int i = 0; i < a.length; i++) {
            System.arraycopy(src, i * w, a[i], 0, w);
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "localca-online-traces tau=%s%s per-soma 3f | %s init %d | %s", tau,
                updateEvery == 0 ? "" : " update-every=" + updateEvery, net.config().describe(), net.initSeed(), rates);
    }

    private static BatchStats stats(SoftmaxCrossEntropy.Totals t) {
        return new BatchStats(t.lossSum(), t.correct(), t.rows());
    }
}
