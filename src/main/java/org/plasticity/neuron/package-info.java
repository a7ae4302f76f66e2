/**
 * Neuron-level equations shared by several model families, as small immutable parameter records and
 * pure static functions over float arrays (no state, no threads, no family types):
 * <ul>
 *   <li>{@link org.plasticity.neuron.ConductanceCompartment}: the conductance-based (shunting) compartment
 *       equation of LocalCA (paper Eq. 3) and its exact derivatives (Propositions 1–3), used by LocalCA's
 *       dendritic trees and by dendritic EP; {@link org.plasticity.neuron.AdditiveCompartment} is its
 *       additive control;</li>
 *   <li>{@link org.plasticity.neuron.Lif} with {@link org.plasticity.neuron.LifParameters}: leaky
 *       integrate-and-fire (membrane update, threshold and reset, refractory period, low-pass filtered
 *       spike trace, fast-sigmoid surrogate slope);</li>
 *   <li>{@link org.plasticity.neuron.StochasticSpike} with
 *       {@link org.plasticity.neuron.StochasticSpikeParameters}: the stochastic spiking neuron of
 *       stochastic spiking EP (membrane ξ with leak λ, firing probability clip(κξ, 0, 1) or the Poisson
 *       escape rate, Bernoulli spikes from a given random stream, straight-through derivative).</li>
 * </ul>
 * This package depends on nothing of the project but {@code tensor} and {@code random}; families depend
 * on it, never the other way round.
 */
package org.plasticity.neuron;
