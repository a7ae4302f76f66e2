package org.plasticity.localca.rules;

import org.plasticity.train.LearnerState;

/**
 * ρ_n (paper Eq. 17): the correlation, over samples, between the mean voltage of compartment layer
 * n and the mean somatic voltage, one scalar per layer (ρ_0 = 1). Batch estimate, EMA of batch
 * estimates (rate α), or the Welford-style online EMA of Eq. 20 fed one sample at a time.
 */
final class RhoEstimator {

    private static final double EPS = 1e-8;

    private final Modulators cfg;
    private final int layers;
    /** Per layer: [initialised, ρ_ema, μx, μy, σx², σy², Cxy]. */
    private final double[][] s;

    RhoEstimator(Modulators cfg, int layers) {
        this.cfg = cfg;
        this.layers = layers;
        s = new double[layers][7];
    }

    /**
     * Updates the estimate of layer {@code l} from per-sample layer means.
     *
     * @param l layer ≥ 1
     * @param layerMean V̄_n(b)
     * @param somaMean V̄_0(b)
     * @param batch samples
     * @param update whether to fold this batch into the running state (false: read-only probe)
     * @return the ρ_n to use for this batch
     */
    double estimate(int l, double[] layerMean, double[] somaMean, int batch, boolean update) {
        double[] st = update ? s[l] : s[l].clone();
        switch (cfg.estimator()) {
            case BATCH:
                return batchRho(layerMean, somaMean, batch);
            case EMA: {
                double r = batchRho(layerMean, somaMean, batch);
                st[1] = st[0] == 0 ? r : (1 - cfg.rhoRate()) * st[1] + cfg.rhoRate() * r;
                st[0] = 1;
                return st[1];
            }
            default:
                return welford(st, layerMean, somaMean, batch);
        }
    }

    private double batchRho(double[] y, double[] x, int n) {
        if (cfg.rhoMode() == RhoMode.DOT) {
            double xy = 0;
            double xx = 0;
            double yy = 0;
            for (int b = 0; b < n; b++) {
                xy += x[b] * y[b];
                xx += x[b] * x[b];
                yy += y[b] * y[b];
            }
            return xy / (Math.sqrt(xx * yy) + EPS);
        }
        double mx = 0;
        double my = 0;
        for (int b = 0; b < n; b++) {
            mx += x[b];
            my += y[b];
        }
        mx /= n;
        my /= n;
        double cxy = 0;
        double vx = 0;
        double vy = 0;
        for (int b = 0; b < n; b++) {
            double dx = x[b] - mx;
            double dy = y[b] - my;
            cxy += dx * dy;
            vx += dx * dx;
            vy += dy * dy;
        }
        return (cxy / n) / (Math.sqrt(vx / n * vy / n) + EPS);
    }

    /** Eq. 20, one sample at a time: x = V̄_0, y = V̄_n. */
    private double welford(double[] st, double[] y, double[] x, int n) {
        double a = cfg.rhoRate();
        for (int b = 0; b < n; b++) {
            if (st[0] == 0) {
                st[2] = x[b];
                st[3] = y[b];
                st[0] = 1;
                continue;
            }
            double dx = x[b] - st[2];
            double dy = y[b] - st[3];
            st[2] = (1 - a) * st[2] + a * x[b];
            st[3] = (1 - a) * st[3] + a * y[b];
            st[4] = (1 - a) * st[4] + a * dx * dx;
            st[5] = (1 - a) * st[5] + a * dy * dy;
            st[6] = (1 - a) * st[6] + a * dx * dy;
        }
        return st[6] / (Math.sqrt(st[4] * st[5]) + EPS);
    }

    void save(LearnerState.Builder out) {
        for (int l = 1; l < layers; l++) {
            StateCodec.put(out, "rho." + l, s[l]);
        }
    }

    void restore(LearnerState in) {
        for (int l = 1; l < layers; l++) {
            StateCodec.get(in, "rho." + l, s[l]);
        }
    }
}
