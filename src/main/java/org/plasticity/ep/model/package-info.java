/**
 * The EP engine contract and the layered rate networks. {@link org.plasticity.ep.model.EnergyModel} (a
 * network with a primitive function Φ, generic over its own {@link org.plasticity.ep.model.EpState}),
 * {@link org.plasticity.ep.model.DifferentiableModel} (its step-by-step backward pass, for BPTT and the
 * diagnostics) and {@link org.plasticity.ep.model.Nudge} (one term of a gradient estimate) are what every
 * family implements and what the learners drive. {@link org.plasticity.ep.model.LayeredNetwork} is the
 * prototypical / energy-based network of the papers: a list of {@link org.plasticity.ep.model.Coupling}s
 * (dense or convolutional {@link org.plasticity.ep.model.Connection}s, the neighbouring-layer chain plus
 * optional skip couplings) over {@link org.plasticity.ep.model.NeuronState}s. Its relaxation hot loop is
 * {@code LayeredNetwork.relax → step → drive / update} and the connections' {@code couple} kernels.
 *
 * <p>What every layered family reuses instead of repeating it: {@link org.plasticity.ep.model.LayeredState}
 * (per-layer {@code [rows × size]} buffers and the rates Φ sees), {@link org.plasticity.ep.model.BoundBatch}
 * (the bound input and labels, the capacity, the state pool), {@link org.plasticity.ep.model.ChainPhiGradient}
 * (the EP estimate over the neighbouring-layer chain) and {@link org.plasticity.ep.model.DeferredInputGradient}
 * (BPTT's input-projection gradient, summed over the window).
 */
package org.plasticity.ep.model;
