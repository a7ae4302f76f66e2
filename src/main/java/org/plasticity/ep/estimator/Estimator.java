package org.plasticity.ep.estimator;

import java.util.List;
import java.util.SplittableRandom;
import org.plasticity.ep.model.Nudge;

/**
 * How the nudged phases are combined into the gradient estimate ĝ (descent direction) written into each
 * parameter's gradient slot (Laborieux et al. 2021, eqs. 4–6).
 */
public enum Estimator implements GradientEstimator {
    /**
     * {@code ĝ = −(1/β)[∂Φ/∂θ(s^β, β) − ∂Φ/∂θ(s*, 0)]}: first-order bias in β (Scellier &amp; Bengio 2017).
     */
    ONE_SIDED,
    /**
     * {@code ĝ = −(1/(2β))[∂Φ/∂θ(s^{+β}, +β) − ∂Φ/∂θ(s^{−β}, −β)]}: both nudged phases start from s*;
     * the first-order bias cancels (Laborieux et al. 2021, eq. 6, the "third phase").
     */
    SYMMETRIC,
    /** One-sided with the sign of β drawn per mini-batch; the bias cancels on average. */
    RANDOM_SIGN;

    /**
     * The nudged phases to run from s* and the free-phase coefficient.
     *
     * @param beta |β|
     * @param rng the batch's random stream (used by {@link #RANDOM_SIGN} only)
     * @return the terms; a term with {@code beta == 0} refers to the free state s* (no extra phase)
     */
    @Override
    public List<Nudge> plan(double beta, SplittableRandom rng) {
        double b = Math.abs(beta);
        return switch (this) {
            case ONE_SIDED -> List.of(new Nudge(b, -1 / b), new Nudge(0, 1 / b));
            case SYMMETRIC -> List.of(new Nudge(b, -1 / (2 * b)), new Nudge(-b, 1 / (2 * b)));
            case RANDOM_SIGN -> {
                double s = rng.nextBoolean() ? b : -b;
                yield List.of(new Nudge(s, -1 / s), new Nudge(0, 1 / s));
            }
        };
    }

    /** Number of nudged phases per batch. */
    @Override
    public int nudgedPhases() {
        return this == SYMMETRIC ? 2 : 1;
    }

    @Override
    public String toString() {
        return switch (this) {
            case ONE_SIDED -> "one-sided";
            case SYMMETRIC -> "symmetric";
            case RANDOM_SIGN -> "random-sign";
        };
    }
}
