package org.plasticity.ep.model;

/**
 * One term of an EP gradient estimate: relax with nudge strength {@code beta} (0 = the free state s*)
 * and add {@code coefficient · ∂Φ/∂θ(s^β, β)} to the parameter's gradient slot.
 *
 * @param beta signed nudge strength of the phase
 * @param coefficient weight of {@code ∂Φ/∂θ} at the phase's end state
 */
public record Nudge(double beta, double coefficient) {

    /** Validates finiteness. */
    public Nudge {
        if (!Double.isFinite(beta) || !Double.isFinite(coefficient)) {
            throw new IllegalArgumentException("nudge beta and coefficient must be finite, got " + beta + ", " + coefficient);
        }
    }

    @Override
    public String toString() {
        return String.format("%+.4g·∂Φ/∂θ(s^%s)", coefficient, beta == 0 ? "*" : String.format("%+.3g", beta));
    }
}
