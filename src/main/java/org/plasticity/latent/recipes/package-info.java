/**
 * The catalogue entries of notebook 06 ({@link org.plasticity.latent.recipes.LatentRecipes}): LagLine teacher–student,
 * MNIST-1D (GLE 15k / 42k, the exact BPTT reference on the same network, GLE − BPTT), Speech Commands (not
 * obtainable here).
 */
package org.plasticity.latent.recipes;
