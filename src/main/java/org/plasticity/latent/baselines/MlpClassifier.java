package org.plasticity.latent.baselines;

import java.util.Locale;
import org.plasticity.train.Parameter;

/**
 * An MLP on the whole sequence as one flat vector ({@code steps × channels} inputs → two tanh layers of
 * {@code hidden} → linear classes), trained by backprop: the paper's static MLP row.
 */
public final class MlpClassifier extends SequenceClassifier {

    private final int hidden;
    private final Parameter w1;
    private final Parameter b1;
    private final Parameter w2;
    private final Parameter b2;
    private final Parameter w3;
    private final Parameter b3;
    private float[] a1 = new float[0];
    private float[] a2 = new float[0];

    /**
     * @param steps sequence length
     * @param channels values per step
     * @param hidden units per hidden layer
     * @param classes outputs
     * @param seed initialisation seed
     */
    public MlpClassifier(int steps, int channels, int hidden, int classes, long seed) {
        super(steps, channels, classes, seed);
        this.hidden = hidden;
        int in = steps * channels;
        w1 = param("W1", 1 / Math.sqrt(in), true, hidden, in);
        b1 = param("b1", 1 / Math.sqrt(in), false, hidden);
        w2 = param("W2", 1 / Math.sqrt(hidden), true, hidden, hidden);
        b2 = param("b2", 1 / Math.sqrt(hidden), false, hidden);
        w3 = param("W3", 1 / Math.sqrt(hidden), true, classes, hidden);
        b3 = param("b3", 1 / Math.sqrt(hidden), false, classes);
    }

    private static void dense(float[] x, int xOff, int in, float[] w, float[] b, int out, float[] y, int yOff,
            boolean tanh) {
        for (int j = 0; j < out; j++) {
            float s = b[j];
            for (int k = 0; k < in; k++) {
                s += w[j * in + k] * x[xOff + k];
            }
            y[yOff + j] = tanh ? (float) Math.tanh(s) : s;
        }
    }

    @Override
    protected void forward(float[] x, int n, float[] logits) {
        int in = steps * channels;
        if (a1.length < n * hidden) {
            a1 = new float[n * hidden];
            a2 = new float[n * hidden];
        }
        for (int s = 0; s < n; s++) {
            dense(x, s * in, in, w1.value(), b1.value(), hidden, a1, s * hidden, true);
            dense(a1, s * hidden, hidden, w2.value(), b2.value(), hidden, a2, s * hidden, true);
            dense(a2, s * hidden, hidden, w3.value(), b3.value(), classes, logits, s * classes, false);
        }
    }

    @Override
    protected void backward(float[] x, int n, float[] dl) {
        int in = steps * channels;
        float[] d2 = new float[hidden];
        float[] d1 = new float[hidden];
        for (int s = 0; s < n; s++) {
            java.util.Arrays.fill(d2, 0f);
            java.util.Arrays.fill(d1, 0f);
            for (int k = 0; k < classes; k++) {
                float g = dl[s * classes + k];
                b3.grad()[k] += g;
                for (int j = 0; j < hidden; j++) {
                    w3.grad()[k * hidden + j] += g * a2[s * hidden + j];
                    d2[j] += g * w3.value()[k * hidden + j];
                }
            }
            for (int j = 0; j < hidden; j++) {
                float a = a2[s * hidden + j];
                float g = d2[j] * (1 - a * a);
                b2.grad()[j] += g;
                for (int k = 0; k < hidden; k++) {
                    w2.grad()[j * hidden + k] += g * a1[s * hidden + k];
                    d1[k] += g * w2.value()[j * hidden + k];
                }
            }
            for (int j = 0; j < hidden; j++) {
                float a = a1[s * hidden + j];
                float g = d1[j] * (1 - a * a);
                b1.grad()[j] += g;
                for (int k = 0; k < in; k++) {
                    w1.grad()[j * in + k] += g * x[s * in + k];
                }
            }
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "bp-mlp %d-%d-%d-%d params=%d init=%d", steps * channels, hidden, hidden, classes,
                parameterCount(), seed());
    }
}
