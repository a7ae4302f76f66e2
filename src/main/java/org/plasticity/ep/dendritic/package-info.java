/**
 * Dendritic equilibrium propagation (Kubo, arXiv 2605.08135; spec {@code ep-family.md} §2): a convergent network
 * whose somata own basal and apical branches, as an {@link org.plasticity.ep.model.EnergyModel} and
 * {@link org.plasticity.ep.model.DifferentiableModel}, so that the EP engine, BPTT, the GDU check and the free-phase
 * trace work unchanged; {@link org.plasticity.ep.dendritic.DendriticRecipes} catalogues the experiments of
 * {@code notebooks/03-dendritic-ep.ipynb}.
 */
package org.plasticity.ep.dendritic;
