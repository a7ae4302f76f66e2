package org.plasticity.ep.spiking;

/**
 * The inflated output's read-out (§3.3, output inflation): each class owns {@code perClass} consecutive output
 * units; the one-hot target is 1 on the label's group, the loss is {@code ½ Σ (rate − target)²} over the units,
 * and the prediction is the class whose group has the highest mean rate. One implementation for every spiking
 * network of the family (dense, convolutional, the LIF baselines).
 */
public final class GroupReadout {

    private GroupReadout() {
    }

    /**
     * The target of output unit {@code u} for a sample of class {@code label}.
     *
     * @param u output unit
     * @param perClass units per class
     * @param label the sample's class
     * @return 1 on the label's group, else 0
     */
    public static float target(int u, int perClass, int label) {
        return u / perClass == label ? 1f : 0f;
    }

    /**
     * The summed squared-error loss and the number of correct group-mean predictions of a batch.
     *
     * @param rate output rates {@code [rows × n]}
     * @param rows bound rows
     * @param n output units ({@code classes × perClass})
     * @param classes number of classes
     * @param perClass units per class
     * @param labels the rows' classes
     * @param predictions filled with each row's predicted class, or {@code null}
     * @return {@code {loss, correct}}
     */
    public static double[] lossAndCorrect(float[] rate, int rows, int n, int classes, int perClass, int[] labels,
            int[] predictions) {
        double loss = 0;
        int correct = 0;
        for (int r = 0; r < rows; r++) {
            int best = 0;
            double bestMean = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                double sum = 0;
                for (int j = 0; j < perClass; j++) {
                    int u = c * perClass + j;
                    double diff = rate[r * n + u] - target(u, perClass, labels[r]);
                    loss += 0.5 * diff * diff;
                    sum += rate[r * n + u];
                }
                if (sum / perClass > bestMean) {
                    bestMean = sum / perClass;
                    best = c;
                }
            }
            if (predictions != null) {
                predictions[r] = best;
            }
            correct += best == labels[r] ? 1 : 0;
        }
        return new double[] {loss, correct};
    }

    /**
     * The group means of the output rates, {@code [rows × classes]}.
     *
     * @param rate output rates {@code [rows × n]}
     * @param rows bound rows
     * @param n output units
     * @param classes number of classes
     * @param perClass units per class
     * @return the class scores
     */
    public static float[] classScores(float[] rate, int rows, int n, int classes, int perClass) {
        float[] out = new float[rows * classes];
        for (int r = 0; r < rows; r++) {
            for (int u = 0; u < n; u++) {
                out[r * classes + u / perClass] += rate[r * n + u] / perClass;
            }
        }
        return out;
    }
}
