package org.plasticity.ep.model;

import java.util.SplittableRandom;

/** How weights and biases are drawn at construction (always from a seed-derived stream). */
public enum WeightInit {
    /**
     * PyTorch's default for {@code Linear}/{@code Conv2d} (Kaiming-uniform with a = √5): weights and biases
     * uniform in ±1/√fan_in. The Laborieux et al. code uses it ({@code --scale} multiplies it).
     */
    PYTORCH_DEFAULT,
    /** Glorot-uniform weights ±√(6/(fan_in + fan_out)) and zero biases, as in Scellier &amp; Bengio 2017. */
    GLOROT_UNIFORM;

    /**
     * Fills weights and biases.
     *
     * @param w weights (filled)
     * @param b biases (filled)
     * @param fanIn inputs per output unit
     * @param fanOut outputs per input unit
     * @param scale multiplier on both
     * @param rng the stream
     */
    public void fill(float[] w, float[] b, int fanIn, int fanOut, double scale, SplittableRandom rng) {
        double wBound;
        double bBound;
        if (this == PYTORCH_DEFAULT) {
            wBound = 1 / Math.sqrt(fanIn);
            bBound = wBound;
        } else {
            wBound = Math.sqrt(6.0 / (fanIn + fanOut));
            bBound = 0;
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (scale * wBound * (2 * rng.nextDouble() - 1));
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) (scale * bBound * (2 * rng.nextDouble() - 1));
        }
    }

    @Override
    public String toString() {
        return this == PYTORCH_DEFAULT ? "pytorch-default" : "glorot-uniform";
    }
}
