package org.plasticity.localca.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import org.plasticity.train.LearnerState;
import org.plasticity.localca.model.ForwardPass;
import org.plasticity.localca.model.TreeTopology;

/**
 * The running ρ_n and φ_n of every compartment layer, estimated from forward passes. Learner
 * state: {@link #state()} / {@link #restoreState} carry it through checkpoints exactly.
 */
public final class LayerModulators {

    private final Modulators cfg;
    private final TreeTopology topo;
    private final RhoEstimator rhoEstimator;
    private final PhiEstimator phiEstimator;
    private final double[] rho;
    private final double[][] phi;

    /**
     * @param cfg estimator settings
     * @param topo the trees
     */
    public LayerModulators(Modulators cfg, TreeTopology topo) {
        this.cfg = cfg;
        this.topo = topo;
        int layers = topo.layers();
        rhoEstimator = new RhoEstimator(cfg, layers);
        int[] units = new int[layers];
        rho = new double[layers];
        phi = new double[layers][];
        for (int l = 0; l < layers; l++) {
            units[l] = cfg.phiPerCompartment() ? topo.size(l) : 1;
            phi[l] = new double[units[l]];
            java.util.Arrays.fill(phi[l], 1.0);
        }
        rho[0] = 1.0;
        phiEstimator = new PhiEstimator(cfg, units);
    }

    /**
     * Estimates ρ and φ of every layer from a forward pass.
     *
     * @param pass the batch's forward pass
     * @param update fold this batch into the running estimates (false for read-only probes)
     */
    public void observe(ForwardPass pass, boolean update) {
        int batch = pass.size();
        double[] somaMean = layerMean(pass.voltage(0), batch);
        for (int l = 1; l < topo.layers(); l++) {
            float[][] v = pass.voltage(l);
            float[][] parent = pass.voltage(l - 1);
            rho[l] = rhoEstimator.estimate(l, layerMean(v, batch), somaMean, batch, update);
            if (cfg.phiPerCompartment()) {
                for (int c = 0; c < topo.size(l); c++) {
                    double[] mom = new double[5];
                    moments(v[c], parent[topo.parent(l, c)], batch, mom);
                    scale(mom, batch);
                    phi[l][c] = phiEstimator.estimate(l, c, mom, update);
                }
            } else {
                double[] mom = new double[5];
                for (int c = 0; c < topo.size(l); c++) {
                    moments(v[c], parent[topo.parent(l, c)], batch, mom);
                }
                scale(mom, (double) batch * topo.size(l));
                phi[l][0] = phiEstimator.estimate(l, 0, mom, update);
            }
        }
    }

    private static void moments(float[] v, float[] p, int batch, double[] acc) {
        for (int b = 0; b < batch; b++) {
            double x = v[b];
            double y = p[b];
            acc[0] += x;
            acc[1] += y;
            acc[2] += x * x;
            acc[3] += y * y;
            acc[4] += x * y;
        }
    }

    private static void scale(double[] mom, double n) {
        for (int i = 0; i < mom.length; i++) {
            mom[i] /= n;
        }
    }

    private static double[] layerMean(float[][] v, int batch) {
        double[] m = new double[batch];
        for (float[] row : v) {
            for (int b = 0; b < batch; b++) {
                m[b] += row[b];
            }
        }
        for (int b = 0; b < batch; b++) {
            m[b] /= v.length;
        }
        return m;
    }

    /** ρ of layer l from the last {@link #observe} (1 for the soma layer). */
    public double rho(int l) {
        return rho[l];
    }

    /** φ of compartment c of layer l from the last {@link #observe} (1 for the soma layer). */
    public double phi(int l, int c) {
        return phi[l].length == 1 ? phi[l][0] : phi[l][c];
    }

    /** The layer's mean φ. */
    public double meanPhi(int l) {
        double s = 0;
        for (double v : phi[l]) {
            s += v;
        }
        return s / phi[l].length;
    }

    /** Running state for checkpoints. */
    public LearnerState state() {
        LearnerState.Builder out = LearnerState.builder();
        rhoEstimator.save(out);
        phiEstimator.save(out);
        return out.build();
    }

    /** Restores {@link #state()}. */
    public void restoreState(LearnerState state) {
        rhoEstimator.restore(state);
        phiEstimator.restore(state);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("LayerModulators[");
        for (int l = 1; l < rho.length; l++) {
            sb.append(String.format(java.util.Locale.ROOT, "%sρ%d=%.3f φ%d=%.3f", l > 1 ? ", " : "", l, rho[l], l,
                    meanPhi(l)));
        }
        return sb.append("]").toString();
    }
}
