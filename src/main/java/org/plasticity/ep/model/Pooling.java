package org.plasticity.ep.model;

/**
 * The pooling P applied after a convolution inside Φ (Laborieux et al. 2021, {@code P_CNN.Phi}): the
 * coupling term is {@code ⟨s_{l+1}, P(conv(s_l) + b)⟩}. Pools are 2×2 with stride 2, as in the paper.
 */
public enum Pooling {
    /** 2×2/2 max-pool; its adjoint routes the top-down signal through the argmax ("unpool"). */
    MAX,
    /** 2×2/2 average pool; its adjoint spreads a quarter of the signal to each input. */
    AVG,
    /** No pooling. */
    NONE;

    /** Output size of a pooled map of input size {@code n}. */
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
