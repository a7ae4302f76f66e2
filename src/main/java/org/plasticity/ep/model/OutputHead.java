package org.plasticity.ep.model;

import java.util.List;
import org.plasticity.train.Parameter;
import org.plasticity.train.loss.SoftmaxCrossEntropy;

/**
 * The cost ℓ of a network's last dynamical layer (or of its softmax read-out), as used in three places:
 * the nudge {@code −β ∂ℓ/∂s} added to the last layer's drive, the read-out parameters' share of
 * {@code ∂Φ/∂θ = −β ∂ℓ/∂θ}, and the reported loss and prediction.
 */
final class OutputHead {

    private final Loss loss;
    private final int classes;
    private final int inSize;
    private final Connection readout;
    private float[] logits = new float[0];
    private float[] errors = new float[0];

    /**
     * @param loss the cost
     * @param classes number of classes
     * @param inSize size of the last dynamical layer
     * @param readout the read-out connection for {@link Loss#SOFTMAX_READOUT}, else null
     */
    OutputHead(Loss loss, int classes, int inSize, Connection readout) {
        this.loss = loss;
        this.classes = classes;
        this.inSize = inSize;
        this.readout = readout;
        if ((loss == Loss.SOFTMAX_READOUT) != (readout != null)) {
            throw new IllegalArgumentException("a read-out connection is needed exactly for the softmax read-out");
        }
        if (readout == null && inSize != classes) {
            throw new IllegalArgumentException("the output layer has " + inSize + " units but there are " + classes + " classes");
        }
    }

    List<Parameter> parameters() {
        return readout == null ? List.of() : readout.parameters();
    }

    Connection readout() {
        return readout;
    }

    void ensureCapacity(int rows) {
        if (logits.length < rows * classes) {
            logits = new float[rows * classes];
            errors = new float[rows * classes];
        }
        if (readout != null) {
            readout.ensureCapacity(rows);
        }
    }

    /**
     * Writes {@code ∂ℓ/∂z} for rows {@code [r0, r1)} into the error buffer, where z are the logits (read-out)
     * or the output states, and returns the buffer (row stride {@code classes}).
     */
    private float[] errors(int r0, int r1, float[] s, int[] labels) {
        int rows = r1 - r0;
        float[] z = outputs(r0, r1, s);
        for (int r = r0; r < r0 + rows; r++) {
            int o = r * classes;
            int y = labels[r];
            if (loss == Loss.MSE) {
                for (int c = 0; c < classes; c++) {
                    errors[o + c] = z[o + c] - (c == y ? 1f : 0f);
                }
            } else {
                SoftmaxCrossEntropy.lossAndGradient(z, o, classes, y, errors, o);
            }
        }
        return errors;
    }

    /** The outputs (logits for the read-out, else the last layer's states) for rows [r0, r1). */
    private float[] outputs(int r0, int r1, float[] s) {
        if (readout == null) {
            return s;
        }
        int rows = r1 - r0;
        java.util.Arrays.fill(logits, r0 * classes, r1 * classes, 0f);
        readout.forward(rows, s, r0 * inSize, logits, r0 * classes);
        return logits;
    }

    /** {@code acc[r] += −β ∂ℓ/∂s[r]} for rows [r0, r1) of the last dynamical layer {@code s}. */
    void addNudge(int r0, int r1, float[] s, int[] labels, float beta, float[] acc) {
        float[] e = errors(r0, r1, s, labels);
        if (readout == null) {
            for (int i = r0 * classes; i < r1 * classes; i++) {
                acc[i] -= beta * e[i];
            }
        } else {
            readout.adjoint(r1 - r0, -beta, s, r0 * inSize, e, r0 * classes, acc, r0 * inSize);
        }
    }

    /**
     * Adds {@code coefficient · ∂Φ/∂θ_readout(s, β) = −coefficient·β·∂ℓ/∂θ} (summed over rows, times
     * {@code scale}) to the read-out's gradient slots. No-op without a read-out.
     */
    void accumulateReadoutGradient(int rows, float[] s, int[] labels, float factor) {
        if (readout == null || factor == 0f) {
            return;
        }
        float[] e = errors(0, rows, s, labels);
        readout.accumulateGradient(rows, factor, s, 0, e, 0, true);
    }

    /** Adds {@code ∂L/∂s = scale · ∂ℓ/∂s} for rows [0, rows) into {@code grad} (backprop-through-time seed). */
    void lossGradient(int rows, float[] s, int[] labels, float scale, float[] grad) {
        float[] e = errors(0, rows, s, labels);
        if (readout == null) {
            for (int i = 0; i < rows * classes; i++) {
                grad[i] += scale * e[i];
            }
        } else {
            readout.adjoint(rows, scale, s, 0, e, 0, grad, 0);
            readout.accumulateGradient(rows, scale, s, 0, e, 0, true);
        }
    }

    /**
     * Sums the loss and counts correct predictions over rows [0, rows).
     *
     * @return {@code {lossSum, correct}}
     */
    double[] lossAndCorrect(int rows, float[] s, int[] labels, int[] predictions) {
        float[] z = outputs(0, rows, s);
        double lossSum = 0;
        long correct = 0;
        for (int r = 0; r < rows; r++) {
            int o = r * classes;
            int y = labels[r];
            int arg = SoftmaxCrossEntropy.argmax(z, o, classes);
            if (predictions != null) {
                predictions[r] = arg;
            }
            if (arg == y) {
                correct++;
            }
            if (loss == Loss.MSE) {
                double l = 0;
                for (int c = 0; c < classes; c++) {
                    double d = z[o + c] - (c == y ? 1.0 : 0.0);
                    l += d * d;
                }
                lossSum += 0.5 * l;
            } else {
                lossSum += SoftmaxCrossEntropy.loss(z, o, classes, y);
            }
        }
        return new double[] {lossSum, correct};
    }

    /** Per-row loss ℓ in double precision (for Φ and finite-difference checks). */
    double loss(int r, float[] s, int[] labels) {
        float[] z = outputs(r, r + 1, s);
        int o = r * classes;
        int y = labels[r];
        if (loss == Loss.MSE) {
            double l = 0;
            for (int c = 0; c < classes; c++) {
                double d = z[o + c] - (c == y ? 1.0 : 0.0);
                l += d * d;
            }
            return 0.5 * l;
        }
        return SoftmaxCrossEntropy.loss(z, o, classes, y);
    }

    @Override
    public String toString() {
        return "OutputHead[" + loss + ", " + classes + " classes]";
    }
}
