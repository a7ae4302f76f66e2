package org.plasticity.train.loss;

/**
 * The one softmax cross-entropy of the project: {@code ℓ(z, y) = log Σ_k e^{z_k} − z_y} and its
 * gradient with respect to the logits, {@code ∂ℓ/∂z_k = softmax(z)_k − [k = y]} (LocalCA paper
 * Eq. 8, the output error δ^y; the EP cost of Laborieux et al. 2021 for {@code --loss cel}).
 *
 * <p>Numerics: the log-sum-exp is shifted by the row's largest logit and evaluated in double
 * precision, so large logits neither overflow nor lose the small terms; every gradient entry is
 * computed in double and rounded to float once. Batches are row-major: row {@code r} occupies
 * {@code logits[r·classes … r·classes + classes)}. Gradients are per row and unscaled (not divided by
 * the batch size): callers apply their own 1/B or β. The prediction is the first largest logit.
 *
 * <p>Labels outside {@code [0, classes)} are rejected with an {@link IllegalArgumentException} that
 * names the label, the row and the class count (a model built with fewer classes than the data has).
 */
public final class SoftmaxCrossEntropy {

    private SoftmaxCrossEntropy() {
    }

    /**
     * Summed loss and correct predictions of a batch.
     *
     * @param lossSum sum of the per-row losses
     * @param correct rows whose first largest logit is the label
     * @param rows rows evaluated
     */
    public record Totals(double lossSum, long correct, int rows) {

        /** Mean loss per row (NaN for no rows). */
        public double meanLoss() {
            return rows == 0 ? Double.NaN : lossSum / rows;
        }
    }

    /**
     * The loss of one row.
     *
     * @param logits storage holding the row
     * @param offset index of the row's first logit
     * @param classes number of classes (row length)
     * @param label the row's class
     * @return {@code log Σ_k e^{z_k} − z_label}
     */
    public static double loss(float[] logits, int offset, int classes, int label) {
        return lossAndGradient(logits, offset, classes, label, null, 0);
    }

    /**
     * The loss of one row and, when {@code grad} is not null, its gradient
     * {@code softmax(z) − onehot(label)} written (not added) into {@code grad[gradOffset …)}.
     * {@code grad} must not overlap the row's logits.
     *
     * @param logits storage holding the row
     * @param offset index of the row's first logit
     * @param classes number of classes (row length)
     * @param label the row's class
     * @param grad receives ∂ℓ/∂z, or null
     * @param gradOffset index of the row's first gradient entry
     * @return the row's loss
     */
    public static double lossAndGradient(float[] logits, int offset, int classes, int label, float[] grad,
            int gradOffset) {
        checkLabel(label, classes, -1);
        float max = logits[offset];
        for (int k = 1; k < classes; k++) {
            max = Math.max(max, logits[offset + k]);
        }
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            sum += Math.exp((double) logits[offset + k] - max);
        }
        double logSumExp = max + Math.log(sum);
        double loss = logSumExp - logits[offset + label];
        if (grad != null) {
            for (int k = 0; k < classes; k++) {
                double p = Math.exp(logits[offset + k] - logSumExp);
                grad[gradOffset + k] = (float) (k == label ? p - 1.0 : p);
            }
        }
        return loss;
    }

    /**
     * Index of the first largest logit of a row (the prediction).
     *
     * @param logits storage holding the row
     * @param offset index of the row's first logit
     * @param classes row length
     * @return class in {@code [0, classes)}
     */
    public static int argmax(float[] logits, int offset, int classes) {
        int arg = 0;
        for (int k = 1; k < classes; k++) {
            if (logits[offset + k] > logits[offset + arg]) {
                arg = k;
            }
        }
        return arg;
    }

    /**
     * Loss, correct count and (optionally) gradient of a row-major batch.
     *
     * @param logits {@code rows × classes} logits, row-major
     * @param rows number of rows
     * @param classes number of classes
     * @param labels class per row (at least {@code rows} entries)
     * @param grad receives the per-row, unscaled ∂ℓ/∂z in the same layout, or null
     * @return summed loss and correct count
     */
    public static Totals evaluate(float[] logits, int rows, int classes, int[] labels, float[] grad) {
        checkBatch(rows, classes, labels);
        if (logits.length < rows * classes) {
            throw new IllegalArgumentException("logits hold " + logits.length + " values, need " + rows + "×" + classes);
        }
        double lossSum = 0;
        long correct = 0;
        for (int r = 0; r < rows; r++) {
            int o = r * classes;
            int y = labels[r];
            checkLabel(y, classes, r);
            if (argmax(logits, o, classes) == y) {
                correct++;
            }
            lossSum += lossAndGradient(logits, o, classes, y, grad, o);
        }
        return new Totals(lossSum, correct, rows);
    }

    /**
     * Loss, correct count and (optionally) gradient of a batch stored as one array per row.
     *
     * @param logits {@code [row][class]}
     * @param rows number of rows evaluated (the first {@code rows} arrays)
     * @param labels class per row
     * @param grad receives the per-row, unscaled ∂ℓ/∂z ({@code [row][class]}), or null
     * @return summed loss and correct count
     */
    public static Totals evaluate(float[][] logits, int rows, int[] labels, float[][] grad) {
        if (rows > logits.length || labels.length < rows) {
            throw new IllegalArgumentException(logits.length + " logit rows and " + labels.length + " labels for "
                    + rows + " rows");
        }
        double lossSum = 0;
        long correct = 0;
        for (int r = 0; r < rows; r++) {
            float[] z = logits[r];
            int y = labels[r];
            checkLabel(y, z.length, r);
            if (argmax(z, 0, z.length) == y) {
                correct++;
            }
            lossSum += lossAndGradient(z, 0, z.length, y, grad == null ? null : grad[r], 0);
        }
        return new Totals(lossSum, correct, rows);
    }

    private static void checkBatch(int rows, int classes, int[] labels) {
        if (classes < 1) {
            throw new IllegalArgumentException("need at least one class, got " + classes);
        }
        if (labels.length < rows) {
            throw new IllegalArgumentException(labels.length + " labels for " + rows + " rows");
        }
    }

    private static void checkLabel(int label, int classes, int row) {
        if (label < 0 || label >= classes) {
            throw new IllegalArgumentException("label " + label + (row >= 0 ? " of row " + row : "")
                    + " is outside [0, " + classes + "): the model has " + classes
                    + " classes, fewer than the data's labels need");
        }
    }
}
