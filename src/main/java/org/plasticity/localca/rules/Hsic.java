package org.plasticity.localca.rules;

/**
 * HSIC auxiliary losses on one layer's activations Z ∈ R^{B × d} (paper Appendix E):
 * L_self = tr(K_Z H K_Z H)/B² (Eq. 29) and L_target = −tr(K_Z H K_Y H)/B² (Eq. 30), H = I − 11ᵀ/B,
 * K_Y from one-hot labels, combined as selfWeight·L_self + targetWeight·L_target.
 *
 * <p>Gradient: with G = ∂L/∂K_Z = selfWeight·2HK_ZH/B² − targetWeight·HK_YH/B² (symmetric), a
 * linear kernel gives ∂L/∂Z = 2GZ (for L_self this is the paper's 4/B²·HK_ZHZ; for L_target the
 * paper prints 4/B² where the derivative is 2/B²), an RBF kernel gives
 * ∂L/∂z_i = −(2/σ²) Σ_j G_ij K_ij (z_i − z_j).
 */
public final class Hsic {

    private Hsic() {
    }

    /**
     * The HSIC loss of a layer and (optionally) its gradient.
     *
     * @param z activations {@code [unit][sample]}
     * @param batch samples
     * @param labels class per sample
     * @param classes number of classes
     * @param cfg kernel and weights (the overall weight is not applied here)
     * @param gradOut receives ∂L/∂z {@code [unit][sample]} (overwritten); may be null
     * @return selfWeight·L_self + targetWeight·L_target
     */
    public static double lossAndGradient(float[][] z, int batch, int[] labels, int classes, HsicConfig cfg,
            float[][] gradOut) {
        int n = batch;
        double[][] k = gram(z, n);
        boolean rbf = cfg.kernel() == HsicKernel.RBF;
        double s2 = cfg.sigma() * cfg.sigma();
        if (rbf) {
            double[] diag = new double[n];
            for (int i = 0; i < n; i++) {
                diag[i] = k[i][i];
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    k[i][j] = Math.exp(-(diag[i] + diag[j] - 2 * k[i][j]) / (2 * s2));
                }
            }
        }
        double[][] ky = new double[n][n];
        double off = rbf ? Math.exp(-1.0 / s2) : 0.0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                ky[i][j] = labels[i] == labels[j] ? 1.0 : off;
            }
        }
        double[][] hk = center(k);
        double[][] hky = center(ky);
        double bb = (double) n * n;
        double lossSelf = traceProduct(hk, hk) / bb;
        double lossTarget = -traceProduct(hk, hky) / bb;
        double loss = cfg.selfWeight() * lossSelf + cfg.targetWeight() * lossTarget;
        if (gradOut == null) {
            return loss;
        }
        float[][] g = new float[n][n];
        double[] rowSum = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double gij = cfg.selfWeight() * 2 * hk[i][j] / bb - cfg.targetWeight() * hky[i][j] / bb;
                if (rbf) {
                    gij *= k[i][j];
                    rowSum[i] += gij;
                }
                g[i][j] = (float) gij;
            }
        }
        // ∂L/∂Z = Z G (G symmetric), accumulated as axpy rows so the inner loop vectorises
        for (int u = 0; u < z.length; u++) {
            float[] zu = z[u];
            float[] out = gradOut[u];
            java.util.Arrays.fill(out, 0, n, 0f);
            for (int j = 0; j < n; j++) {
                float a = zu[j];
                float[] gj = g[j];
                for (int i = 0; i < n; i++) {
                    out[i] += a * gj[i];
                }
            }
            if (rbf) {
                float c = (float) (-2 / s2);
                for (int i = 0; i < n; i++) {
                    out[i] = c * ((float) rowSum[i] * zu[i] - out[i]);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    out[i] *= 2f;
                }
            }
        }
        return loss;
    }

    /** Z Zᵀ accumulated unit by unit (float rows, vectorised), returned in double. */
    private static double[][] gram(float[][] z, int n) {
        float[][] kf = new float[n][n];
        for (float[] zu : z) {
            for (int i = 0; i < n; i++) {
                float zi = zu[i];
                if (zi == 0f) {
                    continue;
                }
                float[] ki = kf[i];
                for (int j = 0; j < n; j++) {
                    ki[j] += zi * zu[j];
                }
            }
        }
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                k[i][j] = kf[i][j];
            }
        }
        return k;
    }

    /** H K H. */
    private static double[][] center(double[][] k) {
        int n = k.length;
        double[] rowMean = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                rowMean[i] += k[i][j];
            }
            total += rowMean[i];
            rowMean[i] /= n;
        }
        total /= (double) n * n;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i][j] = k[i][j] - rowMean[i] - rowMean[j] + total;
            }
        }
        return c;
    }

    /** tr(A B) for symmetric A, B = Σ_ij A_ij B_ij. */
    private static double traceProduct(double[][] a, double[][] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                s += a[i][j] * b[i][j];
            }
        }
        return s;
    }
}
