package org.plasticity.latent.model;

/**
 * The loss applied at every time step to the output layer's rates (spec §2.3, §2.5), and its error
 * {@code ε = −∂ℓ/∂r} (before the factor β).
 */
public enum StepLoss {
    /** ℓ = ½‖r − y‖² (teacher–student, regression); ε = y − r. */
    MSE,
    /** ℓ = −log softmax(r)_y (classification, the label at every step); ε = onehot(y) − softmax(r). */
    CROSS_ENTROPY;

    /**
     * Loss of one row and its error {@code ε = −∂ℓ/∂r}.
     *
     * @param r output rates, {@code n} values from {@code rOff}
     * @param n outputs
     * @param label class (cross-entropy) or −1
     * @param y float targets from {@code yOff} (MSE) or null
     * @param err {@code −∂ℓ/∂r} (out, {@code n} values from {@code eOff})
     * @return ℓ
     */
    public double lossAndError(float[] r, int rOff, int n, int label, float[] y, int yOff, float[] err, int eOff) {
        if (this == MSE) {
            double l = 0;
            for (int k = 0; k < n; k++) {
                float d = y[yOff + k] - r[rOff + k];
                err[eOff + k] = d;
                l += 0.5 * d * d;
            }
            return l;
        }
        float max = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            max = Math.max(max, r[rOff + k]);
        }
        double z = 0;
        for (int k = 0; k < n; k++) {
            z += Math.exp(r[rOff + k] - max);
        }
        for (int k = 0; k < n; k++) {
            err[eOff + k] = (k == label ? 1f : 0f) - (float) (Math.exp(r[rOff + k] - max) / z);
        }
        return Math.log(z) + max - r[rOff + label];
    }
}
