package org.plasticity.localca.model;

/**
 * Positive parameterisation of synaptic conductances g = f(θ) (paper Appendix B).
 */
public enum SynapseTransform {
    /** g = log(1 + e^θ), dg/dθ = sigmoid(θ) (the authors' headline setting). */
    SOFTPLUS,
    /** g = e^θ, dg/dθ = g. */
    EXP;

    /** g = f(θ). */
    public float apply(float theta) {
        if (this == EXP) {
            return (float) Math.exp(theta);
        }
        return theta > 20f ? theta : (float) Math.log1p(Math.exp(theta));
    }

    /** dg/dθ at θ. */
    public float derivative(float theta) {
        if (this == EXP) {
            return (float) Math.exp(theta);
        }
        return (float) (1.0 / (1.0 + Math.exp(-theta)));
    }
}
