/**
 * Checks and pictures of an EP model, for any {@code EnergyModel} / {@code DifferentiableModel}: the GDU
 * check of Ernoult et al. (2019, Theorem 1) against BPTT ({@link org.plasticity.ep.diagnostics.GduCheck}),
 * free-phase traces ({@link org.plasticity.ep.diagnostics.FreePhaseTrace}), the finite-β estimator bias of
 * Laborieux et al. (2021) with its linear-response regime ({@link org.plasticity.ep.diagnostics.EstimatorBias})
 * and their charts ({@link org.plasticity.ep.diagnostics.EpPlots}).
 */
package org.plasticity.ep.diagnostics;
