/**
 * The exact reference for GLE: the discrete adjoint (backpropagation through time) of the very forward-Euler step
 * the GLE network runs ({@link org.plasticity.latent.model.GleDynamics} with errors off), over a recorded window of
 * steps ({@link org.plasticity.latent.adjoint.Trajectory}, {@link org.plasticity.latent.adjoint.DiscreteAdjoint}).
 * VLE (abstract) states that its energy formalism recovers the continuous-time adjoint in the general case; this is
 * its discrete counterpart and the limit GLE approximates.
 */
package org.plasticity.latent.adjoint;
