/**
 * The stochastic spiking EP paper's catalogued experiments ({@link org.plasticity.ep.spiking.recipes.SpikingRecipes}):
 * MNIST 1FC and 2FC with the Table 3 settings, registered with the experiment catalogue.
 */
package org.plasticity.ep.spiking.recipes;
