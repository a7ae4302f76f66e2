/**
 * The learners of the latent family on the shared {@code train} contract: {@link org.plasticity.latent.learn.GleLearner}
 * (GLE; instantaneous backprop when its prospective errors are off), {@link org.plasticity.latent.learn.BpttLearner}
 * (the exact discrete adjoint over full or truncated windows). All update online through
 * {@code StepContext.applyUpdate()} into the trainer's optimizer and carry the neurons' state across batches as
 * typed learner state.
 */
package org.plasticity.latent.learn;
