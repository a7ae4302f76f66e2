package org.plasticity.localca.rules;

import org.plasticity.train.LearnerState;

/**
 * φ_n (paper Eqs. 21–23): with β = Cov(V, P)/(Var P + λ) and σ²_res = Var V − β Cov(V, P),
 * φ = Var V / (σ²_res + ε) = 1/(1 − R²), clamped to [φ_min, φ_max]. V is a compartment's voltage
 * and P its parent's. The moments are pooled over batch × compartments of a layer (or per
 * compartment), and for the EMA/Welford estimators carried across batches with decay 0.99.
 */
final class PhiEstimator {

    private static final double EPS = 1e-12;

    private final Modulators cfg;
    /** Per layer, per unit (1 or compartments): [n>0, E V, E P, E V², E P², E VP]. */
    private final double[][][] m;

    PhiEstimator(Modulators cfg, int[] unitsPerLayer) {
        this.cfg = cfg;
        m = new double[unitsPerLayer.length][][];
        for (int l = 0; l < unitsPerLayer.length; l++) {
            m[l] = new double[unitsPerLayer[l]][6];
        }
    }

    /**
     * Folds a unit's batch moments in and returns its φ.
     *
     * @param l layer
     * @param unit 0 for a per-layer φ, else the compartment
     * @param batchMoments [E V, E P, E V², E P², E VP] of this batch
     * @param update whether to keep the updated running moments
     * @return φ for this batch
     */
    double estimate(int l, int unit, double[] batchMoments, boolean update) {
        double[] st = update ? m[l][unit] : m[l][unit].clone();
        if (cfg.estimator() == Estimator.BATCH || st[0] == 0) {
            System.arraycopy(batchMoments, 0, st, 1, 5);
            st[0] = 1;
        } else {
            double d = cfg.phiDecay();
            for (int i = 0; i < 5; i++) {
                st[i + 1] = d * st[i + 1] + (1 - d) * batchMoments[i];
            }
        }
        return phi(st[1], st[2], st[3], st[4], st[5]);
    }

    private double phi(double ev, double ep, double evv, double epp, double evp) {
        double varV = Math.max(0, evv - ev * ev);
        double varP = Math.max(0, epp - ep * ep);
        double cov = evp - ev * ep;
        double beta = cov / (varP + cfg.phiRidge());
        double res = Math.max(0, varV - beta * cov);
        double phi = varV / (res + EPS);
        if (!(phi == phi)) {
            phi = 1;
        }
        return Math.max(cfg.phiMin(), Math.min(cfg.phiMax(), phi));
    }

    void save(LearnerState.Builder out) {
        for (int l = 1; l < m.length; l++) {
            double[] a = new double[m[l].length * 6];
            for (int u = 0; u < m[l].length; u++) {
                System.arraycopy(m[l][u], 0, a, u * 6, 6);
            }
            StateCodec.put(out, "phi." + l, a);
        }
    }

    void restore(LearnerState in) {
        for (int l = 1; l < m.length; l++) {
            double[] a = new double[m[l].length * 6];
            StateCodec.get(in, "phi." + l, a);
            for (int u = 0; u < m[l].length; u++) {
                System.arraycopy(a, u * 6, m[l][u], 0, 6);
            }
        }
    }
}
