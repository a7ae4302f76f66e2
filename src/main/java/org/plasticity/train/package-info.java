/**
 * The one training loop of the project: {@link org.plasticity.train.Learner} (a model plus its update rule), {@link org.plasticity.train.Trainer}, listeners, checkpoints and seed derivation. Every model family (EP, LocalCA, ...) trains through it.
 */
package org.plasticity.train;
