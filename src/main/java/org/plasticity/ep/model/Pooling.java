package org.plasticity.ep.model;

/**
 * The pooling P applied after a convolution inside Φ (Laborieux et al. 2021, {@code P_CNN.Phi}): the
 * coupling term is {@code ⟨s_{l+1}, P(conv(s_l) + b)⟩}. Pools are 2×2 with stride 2, as in the paper, unless
 * {@link ConvSpec#poolSize()} says otherwise.
 */
public enum Pooling {
    /** Max-pool (2×2/2 by default); its adjoint routes the top-down signal through the argmax ("unpool"). */
    MAX,
    /**
     * Average pool (2×2/2 by default); its adjoint spreads {@code 1/p²} of the signal to each of the window's p² inputs:
     * nearest-neighbour upsampling scaled by {@code 1/p²}, the exact adjoint, so the dynamics stay the gradient of Φ.
     */
    AVG,
    /** No pooling. */
    NONE;

    /** Output size of a 2×2-pooled map of input size {@code n} (other windows: {@link ConvSpec#pooledSize}). */
    public int outSize(int n) {
        return this == NONE ? n : n / 2;
    }

    /** The reference code's letter: {@code m}, {@code a} or {@code i}. */
    public char letter() {
        return switch (this) {
            case MAX -> 'm';
            case AVG -> 'a';
            case NONE -> 'i';
        };
    }
}
