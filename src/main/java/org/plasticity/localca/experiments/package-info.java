/**
 * The LocalCA paper's experiments as catalogue recipes ({@link
 * org.plasticity.localca.experiments.LocalCaRecipes}, registered with {@code org.plasticity.experiment.Catalog}):
 * {@link org.plasticity.localca.experiments.Experiments} builds the trained ones,
 * {@link org.plasticity.localca.experiments.Comparisons} the derived difference claims, and
 * {@link org.plasticity.localca.experiments.Cifar10} the CIFAR-10 claims that cannot be run here.
 */
package org.plasticity.localca.experiments;
