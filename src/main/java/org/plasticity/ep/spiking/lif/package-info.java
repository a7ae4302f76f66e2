/**
 * The deterministic LIF baselines of stochastic spiking EP's stability study (the paper's §4.1, Fig. 3 b–d; spec
 * ep-family §3.4): {@link org.plasticity.ep.spiking.lif.LifNetwork} (EqSpike's LIF with low-pass filtered spikes,
 * O'Connor et al.'s sigma-delta predictive coding with annealed steps, and annealed steps alone), EP-trainable
 * {@code EnergyModel}s on the stochastic network's architecture built on {@code neuron.Lif}; and the study itself,
 * {@link org.plasticity.ep.spiking.lif.StabilityStudy}: the membranes of every model over the free and nudged
 * phases on the same inputs with the same weights, as heat maps and stability measures
 * ({@link org.plasticity.ep.spiking.lif.MembraneTrace}).
 */
package org.plasticity.ep.spiking.lif;
