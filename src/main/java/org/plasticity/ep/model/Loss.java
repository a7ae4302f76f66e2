package org.plasticity.ep.model;

/**
 * The output cost ℓ and how it enters Φ = Σ couplings − β·ℓ (Laborieux et al. 2021, section 2 and the
 * {@code --loss}/{@code --softmax} options of the reference code).
 */
public enum Loss {
    /**
     * {@code ℓ = ½‖s_L − onehot(y)‖²}; the output neurons are part of the system and the prediction is
     * {@code argmax s_L}. The nudged update of the output is {@code ρ(W s_{L−1} + b + β(y − s_L))}.
     */
    MSE,
    /**
     * Cross-entropy on raw output neurons: {@code ℓ = −log softmax(s_L)_y}; the output layer should use
     * {@link Activation#IDENTITY} so that {@code s_L = ∂Φ/∂s_L} (the reference code's {@code --loss cel}
     * without {@code --softmax}).
     */
    CROSS_ENTROPY,
    /**
     * Softmax read-out (the reference code's {@code --loss cel --softmax}): the last layer is removed from
     * the dynamical system; {@code ℓ = −log softmax(W_out s_{L−1} + b_out)_y} sits inside Φ, so
     * {@code W_out} is trained by the same estimator (which works out to the mean cross-entropy gradient
     * over the nudged states) and the prediction is {@code argmax(W_out s_{L−1} + b_out)}.
     */
    SOFTMAX_READOUT;

    @Override
    public String toString() {
        return switch (this) {
            case MSE -> "mse";
            case CROSS_ENTROPY -> "ce";
            case SOFTMAX_READOUT -> "ce-softmax-readout";
        };
    }
}
