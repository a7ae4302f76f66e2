/**
 * Stochastic spiking equilibrium propagation (spec ep-family §3; "Stochastic Equilibrium Propagation for
 * Spiking Convergent Recurrent Neural Networks"): {@link org.plasticity.ep.spiking.SpikingNetwork}, an
 * {@code EnergyModel} with its own state ({@link org.plasticity.ep.spiking.SpikeState}: membranes, firing
 * probabilities, spikes) built on {@code neuron.StochasticSpike}'s equations, trained by the shared
 * {@code ep.estimator.EquilibriumPropagation} (three-phase and random-sign estimators) and differentiable for
 * {@code ep.bptt.Bptt} and the GDU check. {@link org.plasticity.ep.spiking.SpikingEp} builds the paper's
 * networks; {@link org.plasticity.ep.spiking.SpikingConvNetwork} ({@link org.plasticity.ep.spiking.SpikingConvConfig})
 * the convolutional ones (2C, 3C, 5C) on the same state and neurons, with the conv couplings and pools of
 * {@code ep.model.ConvConnection}; {@code ep.spiking.recipes} holds the catalogued MNIST reproductions.
 */
package org.plasticity.ep.spiking;
