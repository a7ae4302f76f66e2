/**
 * The GLE network: configuration ({@link org.plasticity.latent.model.GleConfig}), parameters
 * ({@link org.plasticity.latent.model.GleNetwork}), carried state ({@link org.plasticity.latent.model.GleState}) and
 * the synchronous forward-Euler step ({@link org.plasticity.latent.model.GleStep}, spec §2.3).
 */
package org.plasticity.latent.model;
