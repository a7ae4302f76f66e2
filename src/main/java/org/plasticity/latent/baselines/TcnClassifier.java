package org.plasticity.latent.baselines;

import java.util.Locale;
import org.plasticity.train.Parameter;

/**
 * A causal temporal convolution net (Bai et al. 2018, without residual blocks): layers of {@code width} channels,
 * kernel {@code kernel}, dilations 1, 2, 4, …, ReLU,
 * {@code y_l[t,c] = ReLU(b_l[c] + Σ_k Σ_c' W_l[c,c',k] y_{l−1}[t − k·d_l, c'])} (zero before the start), then the mean
 * over time of the last layer and a linear readout; trained by exact backprop.
 */
public final class TcnClassifier extends SequenceClassifier {

    private final int width;
    private final int kernel;
    private final int layers;
    private final Parameter[] w;
    private final Parameter[] b;
    private final Parameter wo;
    private final Parameter bo;
    private float[][] y = new float[0][];
    private int rows = -1;

    /**
     * @param steps sequence length
     * @param channels input channels
     * @param width channels per layer
     * @param kernel kernel size
     * @param layers convolution layers (dilation 2^l)
     * @param classes outputs
     * @param seed initialisation seed
     */
    public TcnClassifier(int steps, int channels, int width, int kernel, int layers, int classes, long seed) {
        super(steps, channels, classes, seed);
        if (width < 1 || kernel < 1 || layers < 1) {
            throw new IllegalArgumentException("need width, kernel and layers ≥ 1");
        }
        this.width = width;
        this.kernel = kernel;
        this.layers = layers;
        w = new Parameter[layers];
        b = new Parameter[layers];
        for (int l = 0; l < layers; l++) {
            int in = l == 0 ? channels : width;
            double k = 1 / Math.sqrt(in * kernel);
            w[l] = param("W" + l, k, true, width, in, kernel);
            b[l] = param("b" + l, k, false, width);
        }
        double k = 1 / Math.sqrt(width);
        wo = param("W_out", k, true, classes, width);
        bo = param("b_out", k, false, classes);
    }

    /** Receptive field in steps: 1 + (kernel − 1)(2^layers − 1). */
    public int receptiveField() {
        return 1 + (kernel - 1) * ((1 << layers) - 1);
    }

    private int in(int l) {
        return l == 0 ? channels : width;
    }

    @Override
    protected void forward(float[] x, int n, float[] logits) {
        if (n != rows) {
            y = new float[layers][n * steps * width];
            rows = n;
        }
        for (int l = 0; l < layers; l++) {
            float[] src = l == 0 ? x : y[l - 1];
            int ci = in(l);
            int d = 1 << l;
            float[] wv = w[l].value();
            float[] bv = b[l].value();
            float[] out = y[l];
            for (int s = 0; s < n; s++) {
                for (int t = 0; t < steps; t++) {
                    int o = (s * steps + t) * width;
                    for (int c = 0; c < width; c++) {
                        float acc = bv[c];
                        for (int k = 0; k < kernel; k++) {
                            int tt = t - k * d;
                            if (tt < 0) {
                                break;
                            }
                            int io = (s * steps + tt) * ci;
                            int wr = (c * ci) * kernel + k;
                            for (int cc = 0; cc < ci; cc++) {
                                acc += wv[wr + cc * kernel] * src[io + cc];
                            }
                        }
                        out[o + c] = Math.max(0f, acc);
                    }
                }
            }
        }
        float[] top = y[layers - 1];
        float[] wv = wo.value();
        float[] bv = bo.value();
        float inv = 1f / steps;
        for (int s = 0; s < n; s++) {
            for (int k = 0; k < classes; k++) {
                float acc = 0;
                for (int t = 0; t < steps; t++) {
                    int o = (s * steps + t) * width;
                    for (int c = 0; c < width; c++) {
                        acc += wv[k * width + c] * top[o + c];
                    }
                }
                logits[s * classes + k] = bv[k] + acc * inv;
            }
        }
    }

    @Override
    protected void backward(float[] x, int n, float[] dl) {
        float[] top = y[layers - 1];
        float[] dy = new float[n * steps * width];
        float[] gwo = wo.grad();
        float[] gbo = bo.grad();
        float[] wv = wo.value();
        float inv = 1f / steps;
        for (int s = 0; s < n; s++) {
            for (int k = 0; k < classes; k++) {
                float d = dl[s * classes + k];
                gbo[k] += d;
                for (int t = 0; t < steps; t++) {
                    int o = (s * steps + t) * width;
                    for (int c = 0; c < width; c++) {
                        gwo[k * width + c] += d * inv * top[o + c];
                        dy[o + c] += d * inv * wv[k * width + c];
                    }
                }
            }
        }
        for (int l = layers - 1; l >= 0; l--) {
            float[] src = l == 0 ? x : y[l - 1];
            float[] out = y[l];
            int ci = in(l);
            int d = 1 << l;
            float[] wl = w[l].value();
            float[] gw = w[l].grad();
            float[] gb = b[l].grad();
            float[] dsrc = l == 0 ? null : new float[n * steps * ci];
            for (int s = 0; s < n; s++) {
                for (int t = 0; t < steps; t++) {
                    int o = (s * steps + t) * width;
                    for (int c = 0; c < width; c++) {
                        if (out[o + c] <= 0) {
                            continue;
                        }
                        float g = dy[o + c];
                        if (g == 0) {
                            continue;
                        }
                        gb[c] += g;
                        for (int k = 0; k < kernel; k++) {
                            int tt = t - k * d;
                            if (tt < 0) {
                                break;
                            }
                            int io = (s * steps + tt) * ci;
                            int wr = (c * ci) * kernel + k;
                            for (int cc = 0; cc < ci; cc++) {
                                gw[wr + cc * kernel] += g * src[io + cc];
                                if (dsrc != null) {
                                    dsrc[io + cc] += g * wl[wr + cc * kernel];
                                }
                            }
                        }
                    }
                }
            }
            if (dsrc != null) {
                dy = dsrc;
            }
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "bptt-tcn width=%d kernel=%d layers=%d receptive=%d steps=%d params=%d init=%d",
                width, kernel, layers, receptiveField(), steps, parameterCount(), seed());
    }
}
