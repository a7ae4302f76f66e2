package org.plasticity.latent.model;

/**
 * Receives, at every step, what the exact adjoint needs to run the step backwards (the BPTT reference records a
 * window of steps this way). Arrays are live buffers of the step: copy what you keep.
 */
public interface StepRecorder {

    /**
     * Layer {@code l} of one step.
     *
     * @param l layer
     * @param rIn the layer's input of this step ({@code [rows × fanIn]}: the input, or the rates of layer l−1 before
     *     the step)
     * @param uOld membrane potentials before the step ({@code [rows × n]})
     * @param udot u̇ of the step
     * @param rpNew φ′(ǔ) of the step (ǔ = u + τ_r u̇)
     * @param rows parallel samples
     */
    void layer(int l, float[] rIn, float[] uOld, float[] udot, float[] rpNew, int rows);

    /**
     * The loss of the step's output.
     *
     * @param lossErr {@code −∂ℓ_t/∂r_L} per row ({@code [rows × outputs]}, without β)
     * @param rows parallel samples
     */
    void output(float[] lossErr, int rows);
}
