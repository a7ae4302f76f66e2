package org.plasticity.localca.model;

import org.plasticity.neuron.AdditiveCompartment;
import org.plasticity.neuron.ConductanceCompartment;
import org.plasticity.tensor.Parallel;

/**
 * The batched forward kernels: TopK masks, the compartment voltage equation (paper Eq. 3, or the
 * additive control), the parametric-tanh reactivation and the linear decoder.
 */
final class Forward {

    private static final ThreadLocal<float[]> SCRATCH = new ThreadLocal<>();
    private static final ThreadLocal<int[]> SCRATCH_IDX = new ThreadLocal<>();

    private Forward() {
    }

    static void run(DendriticNetwork net, float[] features, int batch, ForwardPass pass) {
        TreeConfig cfg = net.config();
        TreeTopology topo = net.topology();
        int d = cfg.inputSize();
        if (batch < 1 || batch > pass.capacity) {
            throw new IllegalArgumentException("batch of " + batch + " does not fit a pass of capacity " + pass.capacity);
        }
        if (features.length < batch * d) {
            throw new IllegalArgumentException("features hold " + features.length + " values, need " + batch + "×" + d);
        }
        pass.size = batch;
        for (int b = 0; b < batch; b++) {
            int off = b * d;
            for (int j = 0; j < d; j++) {
                pass.inputT[j][b] = features[off + j];
            }
        }
        SynapseTransform tf = cfg.synapseTransform();
        for (int l = 1; l < topo.layers(); l++) {
            int layer = l;
            float[] gd = pass.dendritic[l];
            float[] logw = net.logDendritic(l);
            for (int c = 0; c < gd.length; c++) {
                gd[c] = (float) Math.exp(logw[c]);
            }
            Parallel.forEach(topo.size(l), cfg.threads(), c -> {
                float[] scratch = scratch(d);
                int[] scratchIdx = scratchIdx(d);
                net.excitatoryMasks().select(layer, net.excitatoryTheta(layer), c, d, pass.activeE[layer][c], scratch,
                        scratchIdx);
                conductances(net.excitatoryTheta(layer), c, d, pass.activeE[layer][c], pass.condE[layer][c],
                        pass.condSlopeE[layer][c], tf);
                if (cfg.inhibitorySynapses() > 0) {
                    net.inhibitoryMasks().select(layer, net.inhibitoryTheta(layer), c, d, pass.activeI[layer][c],
                            scratch, scratchIdx);
                    conductances(net.inhibitoryTheta(layer), c, d, pass.activeI[layer][c], pass.condI[layer][c],
                            pass.condSlopeI[layer][c], tf);
                }
            });
        }
        if (cfg.reactivation()) {
            for (int l = 0; l < topo.layers(); l++) {
                float[] lm = net.logSlope(l);
                float[] lb = net.logOffset(l);
                for (int c = 0; c < lm.length; c++) {
                    pass.slope[l][c] = (float) Math.exp(lm[c]);
                    pass.offset[l][c] = (float) Math.exp(lb[c]);
                }
            }
        }
        boolean shunting = cfg.core() == Core.SHUNTING;
        for (int l = topo.leafLayer(); l >= 0; l--) {
            int layer = l;
            Parallel.forEach(topo.size(l), cfg.threads(), c -> compartment(topo, pass, layer, c, batch, shunting));
        }
        decode(net, pass, batch);
    }

    private static float[] scratch(int d) {
        float[] s = SCRATCH.get();
        if (s == null || s.length < d) {
            s = new float[d];
            SCRATCH.set(s);
        }
        return s;
    }

    private static int[] scratchIdx(int d) {
        int[] s = SCRATCH_IDX.get();
        if (s == null || s.length < d) {
            s = new int[d];
            SCRATCH_IDX.set(s);
        }
        return s;
    }

    private static void conductances(float[] theta, int c, int d, int[] idx, float[] g, float[] dg,
            SynapseTransform tf) {
        for (int k = 0; k < idx.length; k++) {
            float t = theta[c * d + idx[k]];
            g[k] = tf.apply(t);
            dg[k] = tf.derivative(t);
        }
    }

    /**
     * Voltage, resistance and output of compartment c of layer l for the whole batch: Eq. 3 by
     * {@link ConductanceCompartment} (or the additive control by {@link AdditiveCompartment}), synapses first
     * (excitatory, then inhibitory), then the children's couplings.
     */
    private static void compartment(TreeTopology topo, ForwardPass pass, int l, int c, int batch, boolean shunting) {
        float[] v = pass.voltage[l][c];
        float[] num = v;
        java.util.Arrays.fill(num, 0, batch, 0f);
        float[] gsyn = shunting ? pass.resistance[l][c] : null;
        if (gsyn != null) {
            java.util.Arrays.fill(gsyn, 0, batch, 0f);
        }
        float[][] xT = pass.inputT;
        if (l >= 1) {
            int[] ie = pass.activeE[l][c];
            float[] ge = pass.condE[l][c];
            for (int k = 0; k < ie.length; k++) {
                if (shunting) {
                    ConductanceCompartment.addInput(ge[k], ConductanceCompartment.EXCITATORY_REVERSAL, xT[ie[k]], batch,
                            num, gsyn);
                } else {
                    AdditiveCompartment.addInput(ge[k], true, xT[ie[k]], batch, num);
                }
            }
            int[] ii = pass.activeI[l][c];
            float[] gi = pass.condI[l][c];
            for (int k = 0; k < ii.length; k++) {
                if (shunting) {
                    ConductanceCompartment.addInput(gi[k], ConductanceCompartment.INHIBITORY_REVERSAL, xT[ii[k]], batch,
                            num, gsyn);
                } else {
                    AdditiveCompartment.addInput(gi[k], false, xT[ii[k]], batch, num);
                }
            }
        }
        float gdenSum = 0f;
        if (l < topo.leafLayer()) {
            int first = topo.firstChild(l, c);
            int nb = topo.branch(l + 1);
            float[] gd = pass.dendritic[l + 1];
            for (int k = 0; k < nb; k++) {
                float g = gd[first + k];
                gdenSum += g;
                ConductanceCompartment.addCoupling(g, pass.output[l + 1][first + k], batch, num);
            }
        }
        if (shunting) {
            ConductanceCompartment.solve(ConductanceCompartment.UNIT_LEAK + gdenSum, num, gsyn, batch, v);
        }
        if (pass.slope[l] != null) {
            float m = pass.slope[l][c];
            float off = pass.offset[l][c];
            float[] out = pass.output[l][c];
            if (pass.vector != null) {
                // r = σ(2m(V − b)) = (1 + tanh(m(V − b)))/2 by the Vector-API logistic (exp to about 2 ulp)
                pass.vector.logistic(v, 0, out, 0, batch, 2f * m, off);
            } else {
                for (int b = 0; b < batch; b++) {
                    out[b] = (float) (1.0 / (1.0 + Math.exp(-2.0 * m * (v[b] - off))));
                }
            }
        }
    }

    private static void decode(DendriticNetwork net, ForwardPass pass, int batch) {
        int classes = net.config().classes();
        int neurons = net.config().neurons();
        float[] w = net.decoderWeights();
        float[] bias = net.decoderBias();
        float[][] soma = pass.output[0];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(bias, 0, pass.logits[b], 0, classes);
        }
        for (int k = 0; k < classes; k++) {
            for (int n = 0; n < neurons; n++) {
                float wk = w[k * neurons + n];
                float[] r = soma[n];
                for (int b = 0; b < batch; b++) {
                    pass.logits[b][k] += wk * r[b];
                }
            }
        }
    }
}
