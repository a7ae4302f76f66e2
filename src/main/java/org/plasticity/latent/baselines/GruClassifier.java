package org.plasticity.latent.baselines;

import java.util.Locale;
import org.plasticity.train.Parameter;

/**
 * A one-layer GRU over the sequence (PyTorch's gate convention, Cho et al. 2014) with a linear readout of the last
 * hidden state, trained by exact BPTT over the whole sequence:
 * <pre>
 *   r = σ(W_ir x + b_ir + W_hr h + b_hr),  z = σ(W_iz x + b_iz + W_hz h + b_hz)
 *   n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)),  h' = (1 − z) ⊙ n + z ⊙ h
 * </pre>
 */
public final class GruClassifier extends SequenceClassifier {

    private final int hidden;
    private final Parameter wi;
    private final Parameter wh;
    private final Parameter bi;
    private final Parameter bh;
    private final Parameter wo;
    private final Parameter bo;
    private float[][] h = new float[0][];
    private float[][] r = new float[0][];
    private float[][] z = new float[0][];
    private float[][] nn = new float[0][];
    private float[][] ghn = new float[0][];
    private int rows = -1;

    /**
     * @param steps sequence length
     * @param channels values per step
     * @param hidden GRU units
     * @param classes outputs
     * @param seed initialisation seed
     */
    public GruClassifier(int steps, int channels, int hidden, int classes, long seed) {
        super(steps, channels, classes, seed);
        this.hidden = hidden;
        double k = 1 / Math.sqrt(hidden);
        wi = param("W_i", k, true, 3 * hidden, channels);
        wh = param("W_h", k, true, 3 * hidden, hidden);
        bi = param("b_i", k, false, 3 * hidden);
        bh = param("b_h", k, false, 3 * hidden);
        wo = param("W_out", k, true, classes, hidden);
        bo = param("b_out", k, false, classes);
    }

    private void allocate(int n) {
        h = new float[steps + 1][n * hidden];
        r = new float[steps][n * hidden];
        z = new float[steps][n * hidden];
        nn = new float[steps][n * hidden];
        ghn = new float[steps][n * hidden];
        rows = n;
    }

    @Override
    protected void forward(float[] x, int n, float[] logits) {
        if (n != rows) {
            allocate(n);
        }
        int hd = hidden;
        float[] w1 = wi.value();
        float[] w2 = wh.value();
        float[] b1 = bi.value();
        float[] b2 = bh.value();
        java.util.Arrays.fill(h[0], 0f);
        float[] ai = new float[3 * hd];
        float[] ah = new float[3 * hd];
        for (int t = 0; t < steps; t++) {
            float[] hp = h[t];
            float[] hn = h[t + 1];
            for (int b = 0; b < n; b++) {
                int xo = (b * steps + t) * channels;
                for (int g = 0; g < 3 * hd; g++) {
                    float s = b1[g];
                    for (int c = 0; c < channels; c++) {
                        s += w1[g * channels + c] * x[xo + c];
                    }
                    ai[g] = s;
                    float q = b2[g];
                    int row = g * hd;
                    for (int j = 0; j < hd; j++) {
                        q += w2[row + j] * hp[b * hd + j];
                    }
                    ah[g] = q;
                }
                for (int j = 0; j < hd; j++) {
                    int i = b * hd + j;
                    float rr = sigmoid(ai[j] + ah[j]);
                    float zz = sigmoid(ai[hd + j] + ah[hd + j]);
                    float g = ah[2 * hd + j];
                    float cand = (float) Math.tanh(ai[2 * hd + j] + rr * g);
                    r[t][i] = rr;
                    z[t][i] = zz;
                    nn[t][i] = cand;
                    ghn[t][i] = g;
                    hn[i] = (1 - zz) * cand + zz * hp[i];
                }
            }
        }
        float[] w = wo.value();
        float[] bb = bo.value();
        float[] last = h[steps];
        for (int b = 0; b < n; b++) {
            for (int k = 0; k < classes; k++) {
                float s = bb[k];
                for (int j = 0; j < hd; j++) {
                    s += w[k * hd + j] * last[b * hd + j];
                }
                logits[b * classes + k] = s;
            }
        }
    }

    @Override
    protected void backward(float[] x, int n, float[] dl) {
        int hd = hidden;
        float[] gwo = wo.grad();
        float[] gbo = bo.grad();
        float[] w = wo.value();
        float[] dh = new float[n * hd];
        float[] last = h[steps];
        for (int b = 0; b < n; b++) {
            for (int k = 0; k < classes; k++) {
                float d = dl[b * classes + k];
                gbo[k] += d;
                for (int j = 0; j < hd; j++) {
                    gwo[k * hd + j] += d * last[b * hd + j];
                    dh[b * hd + j] += d * w[k * hd + j];
                }
            }
        }
        float[] w2 = wh.value();
        float[] g1 = wi.grad();
        float[] g2 = wh.grad();
        float[] gb1 = bi.grad();
        float[] gb2 = bh.grad();
        float[] da = new float[3 * hd];
        float[] dg = new float[3 * hd];
        float[] dprev = new float[n * hd];
        for (int t = steps - 1; t >= 0; t--) {
            float[] hp = h[t];
            java.util.Arrays.fill(dprev, 0f);
            for (int b = 0; b < n; b++) {
                int xo = (b * steps + t) * channels;
                for (int j = 0; j < hd; j++) {
                    int i = b * hd + j;
                    float d = dh[i];
                    float zz = z[t][i];
                    float cand = nn[t][i];
                    float rr = r[t][i];
                    float dn = d * (1 - zz) * (1 - cand * cand);
                    float dz = d * (hp[i] - cand) * zz * (1 - zz);
                    float dr = dn * ghn[t][i] * rr * (1 - rr);
                    dprev[i] += d * zz;
                    da[j] = dr;
                    da[hd + j] = dz;
                    da[2 * hd + j] = dn;
                    dg[j] = dr;
                    dg[hd + j] = dz;
                    dg[2 * hd + j] = dn * rr;
                }
                for (int g = 0; g < 3 * hd; g++) {
                    float a = da[g];
                    gb1[g] += a;
                    for (int c = 0; c < channels; c++) {
                        g1[g * channels + c] += a * x[xo + c];
                    }
                    float q = dg[g];
                    gb2[g] += q;
                    int row = g * hd;
                    for (int j = 0; j < hd; j++) {
                        g2[row + j] += q * hp[b * hd + j];
                        dprev[b * hd + j] += q * w2[row + j];
                    }
                }
            }
            float[] tmp = dh;
            dh = dprev;
            dprev = tmp;
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "bptt-gru hidden=%d steps=%d channels=%d params=%d init=%d", hidden, steps,
                channels, parameterCount(), seed());
    }
}
