/**
 * The equilibrium-propagation learner ({@link org.plasticity.ep.estimator.EquilibriumPropagation}: free
 * phase, nudged phases, ĝ into the gradient slots) for any {@code EnergyModel}, and the estimators that
 * plan its nudged phases ({@link org.plasticity.ep.estimator.GradientEstimator},
 * {@link org.plasticity.ep.estimator.Estimator}: one-sided, symmetric, random-sign). β lives here, in the
 * learner, never in the model.
 */
package org.plasticity.ep.estimator;
