/**
 * Equilibrium propagation (Scellier &amp; Bengio 2017; Ernoult et al. 2019; Laborieux et al. 2021).
 *
 * <p>Start with {@link org.plasticity.ep.EqProp#network(int...)}: a fluent {@link org.plasticity.ep.EpBuilder}
 * over an immutable {@link org.plasticity.ep.EpConfig} that builds the EP learner, its network, or a BPTT
 * learner over the same dynamics. The packages below, dependencies pointing down:
 * <ul>
 *   <li>{@link org.plasticity.ep.diagnostics}: GDU check, free-phase traces, estimator bias, their plots;</li>
 *   <li>{@link org.plasticity.ep.estimator} and {@link org.plasticity.ep.bptt}: the two learners that drive
 *       any model, EP phases (with the estimators' plans) and backprop-through-time;</li>
 *   <li>{@link org.plasticity.ep.model}: the engine contract ({@code EnergyModel}, {@code EpState},
 *       {@code DifferentiableModel}) and the layered rate networks that implement it.</li>
 * </ul>
 * {@code ep.recipes} holds the papers' catalogued settings.
 *
 * <p><b>Adding a model family</b> (spiking, dendritic, ...) is new files in its own package
 * ({@code ep.spiking}, {@code ep.dendritic}) importing {@code ep.model} (and {@code ep.estimator} /
 * {@code ep.bptt} to build learners), never another family:
 * <ol>
 *   <li>a final state class implementing {@link org.plasticity.ep.model.EpState} that holds the family's
 *       variables (spikes and potentials; branch states) and names its observable arrays in
 *       {@code views()};</li>
 *   <li>a model implementing {@link org.plasticity.ep.model.EnergyModel EnergyModel&lt;YourState&gt;}: bind,
 *       state pool / newState / copy / reset, {@code relax(s, β, steps, rng)} drawing any randomness from
 *       the batch stream, {@code accumulatePhiGradient} (e.g. from expected energies at the phase ends),
 *       loss, Φ; {@link org.plasticity.ep.model.DifferentiableModel} as well for BPTT baselines, the GDU
 *       check and the estimator-bias measurement;</li>
 *   <li>optionally a new {@link org.plasticity.ep.estimator.GradientEstimator} (a plan of nudged phases);</li>
 *   <li>its builder or factory, and its recipes registered with the experiment catalogue.</li>
 * </ol>
 * {@code EquilibriumPropagation}, {@code Bptt}, {@code GduCheck}, {@code FreePhaseTrace} and
 * {@code EstimatorBias} then work on it unchanged.
 */
package org.plasticity.ep;
