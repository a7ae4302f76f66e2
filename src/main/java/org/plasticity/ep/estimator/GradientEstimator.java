package org.plasticity.ep.estimator;

import java.util.List;
import java.util.SplittableRandom;
import org.plasticity.ep.model.Nudge;

/**
 * How an EP learner turns nudged phases into a gradient estimate: the plan of phases to run from the
 * free state s* and the coefficient of each end state's {@code ∂Φ/∂θ} (Laborieux et al. 2021, eqs. 4–6).
 * {@link Estimator} holds the one-sided, symmetric and random-sign plans; a family with another estimator
 * implements this interface in a new file, and {@link EquilibriumPropagation} and the GDU check use it
 * unchanged.
 */
public interface GradientEstimator {

    /**
     * The terms of the estimate for one batch: {@code ĝ = Σ_k c_k ∂Φ/∂θ(s_k, β_k)}, where a term with
     * {@code β_k = 0} is the free state s* and every other term is a phase of T2 steps from s*.
     *
     * @param beta |β|
     * @param rng the batch's random stream (e.g. for a random sign)
     * @return the terms, in the order the phases run
     */
    List<Nudge> plan(double beta, SplittableRandom rng);

    /** Number of nudged phases per batch (for cost accounting). */
    int nudgedPhases();
}
