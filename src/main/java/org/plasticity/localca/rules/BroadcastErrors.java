package org.plasticity.localca.rules;

import java.util.SplittableRandom;
import org.plasticity.localca.model.DendriticNetwork;
import org.plasticity.localca.model.ForwardPass;
import org.plasticity.localca.model.TreeTopology;
import org.plasticity.random.Seeds;
import org.plasticity.tensor.Parallel;

/**
 * The broadcast errors e_n(b) of every compartment (paper Section 3.1, Definition 1: e_n stands in
 * for ∂L/∂V_n) and the optional path factor π_n (Eq. 26).
 *
 * <p>δ_0 = W_decᵀ δ^y (Eq. 8). Scalar: ē(b) = mean over somata (Eq. 12). Per soma: the error of the
 * compartment's own soma. Per compartment (the literal mode B): the own soma's error only where the
 * layer has as many compartments as there are somata, else ē. Local mismatch (Eqs. 13–14,
 * revised-paper mix α): e = (1 − α) ē m̃ + α ē with m̃ the batch-centred, RMS-normalised
 * (P_n − V_n) of the compartment (the soma layer, without a parent, gets ē). DFA: e_n = B_n δ^y with B_n fixed N(0, σ²) rows, one per compartment.
 */
final class BroadcastErrors {

    private final DendriticNetwork net;
    private final LocalRuleConfig cfg;
    private final TreeTopology topo;
    private final float[][] somaError;
    private final float[] meanError;
    private final float[][][] error;
    private final float[][] path;
    private final float[][] feedback;

    BroadcastErrors(DendriticNetwork net, LocalRuleConfig cfg, long seed, int capacity) {
        this.net = net;
        this.cfg = cfg;
        this.topo = net.topology();
        int layers = topo.layers();
        somaError = new float[topo.neurons()][capacity];
        meanError = new float[capacity];
        error = new float[layers][][];
        path = new float[layers][capacity];
        feedback = new float[layers][];
        int classes = net.config().classes();
        for (int l = 0; l < layers; l++) {
            error[l] = new float[topo.size(l)][capacity];
            if (cfg.broadcast() == Broadcast.DFA) {
                SplittableRandom rng = Seeds.stream(seed, Seeds.INIT, 2000 + l);
                feedback[l] = new float[topo.size(l) * classes];
                for (int i = 0; i < feedback[l].length; i++) {
                    feedback[l][i] = (float) (rng.nextGaussian() * cfg.dfaStd());
                }
            }
        }
    }

    int capacity() {
        return meanError.length;
    }

    /** Computes e_n (and π_n) for every layer from the output errors δ^y (unscaled, per sample). */
    void compute(ForwardPass pass, float[][] outError) {
        int batch = pass.size();
        int classes = net.config().classes();
        int neurons = topo.neurons();
        float[] w = net.decoderWeights();
        java.util.Arrays.fill(meanError, 0, batch, 0f);
        for (int n = 0; n < neurons; n++) {
            float[] d = somaError[n];
            java.util.Arrays.fill(d, 0, batch, 0f);
            for (int k = 0; k < classes; k++) {
                float wk = w[k * neurons + n];
                for (int b = 0; b < batch; b++) {
                    d[b] += wk * outError[b][k];
                }
            }
            for (int b = 0; b < batch; b++) {
                meanError[b] += d[b] / neurons;
            }
        }
        for (int l = 0; l < topo.layers(); l++) {
            int layer = l;
            Parallel.forEach(topo.size(l), net.config().threads(), c -> fill(pass, outError, layer, c, batch));
        }
        if (cfg.morphology().pathPropagation()) {
            pathFactors(pass, batch);
        }
    }

    private void fill(ForwardPass pass, float[][] outError, int l, int c, int batch) {
        float[] e = error[l][c];
        switch (cfg.broadcast()) {
            case SCALAR -> System.arraycopy(meanError, 0, e, 0, batch);
            case PER_SOMA -> System.arraycopy(somaError[topo.soma(l, c)], 0, e, 0, batch);
            case PER_COMPARTMENT -> System.arraycopy(topo.size(l) == topo.neurons() ? somaError[topo.soma(l, c)]
                    : meanError, 0, e, 0, batch);
            case DFA -> {
                int classes = net.config().classes();
                int off = c * classes;
                for (int b = 0; b < batch; b++) {
                    float s = 0;
                    for (int k = 0; k < classes; k++) {
                        s += feedback[l][off + k] * outError[b][k];
                    }
                    e[b] = s;
                }
            }
            case LOCAL_MISMATCH -> {
                if (l == 0) {
                    System.arraycopy(meanError, 0, e, 0, batch);
                    return;
                }
                float[] v = pass.voltage(l)[c];
                float[] p = pass.voltage(l - 1)[topo.parent(l, c)];
                double mean = 0;
                for (int b = 0; b < batch; b++) {
                    mean += p[b] - v[b];
                }
                mean /= batch;
                double ms = 0;
                for (int b = 0; b < batch; b++) {
                    double m = p[b] - v[b] - mean;
                    ms += m * m;
                }
                double rms = Math.sqrt(ms / batch) + 1e-8;
                double a = cfg.mismatchMix();
                for (int b = 0; b < batch; b++) {
                    double m = (p[b] - v[b] - mean) / rms;
                    e[b] = (float) ((1 - a) * meanError[b] * m + a * meanError[b]);
                }
            }
            default -> throw new IllegalStateException("unknown broadcast " + cfg.broadcast());
        }
    }

    /** Eq. 26 per sample: π_0 = 1, π_n = π_{n−1} · mean R_{n−1} · mean g^den (edges n → n−1). */
    private void pathFactors(ForwardPass pass, int batch) {
        java.util.Arrays.fill(path[0], 0, batch, 1f);
        for (int l = 1; l < topo.layers(); l++) {
            float[] gd = pass.dendritic(l);
            double gMean = 0;
            for (float g : gd) {
                gMean += g;
            }
            gMean /= gd.length;
            float[][] r = pass.resistance(l - 1);
            for (int b = 0; b < batch; b++) {
                double rMean = 1;
                if (r != null) {
                    rMean = 0;
                    for (float[] row : r) {
                        rMean += row[b];
                    }
                    rMean /= r.length;
                }
                path[l][b] = (float) (path[l - 1][b] * rMean * gMean);
            }
        }
        for (int l = 1; l < topo.layers(); l++) {
            for (float[] e : error[l]) {
                for (int b = 0; b < batch; b++) {
                    e[b] *= path[l][b];
                }
            }
        }
    }

    /** e of layer l: {@code [compartment][sample]} (live buffer). */
    float[][] error(int l) {
        return error[l];
    }

    /** δ_0 = W_decᵀ δ^y: {@code [soma][sample]}. */
    float[][] somaError() {
        return somaError;
    }

    /** π of layer l per sample (1 when path propagation is off and never computed). */
    float[] path(int l) {
        return path[l];
    }
}
