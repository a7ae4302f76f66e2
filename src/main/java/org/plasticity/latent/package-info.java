/**
 * Latent equilibrium: continuous-time rate networks that learn online, locally and without phases — Generalized
 * Latent Equilibrium (GLE; Ellenberger et al., "Backpropagation through space, time and the brain", Nat. Commun.
 * 2025), its special case Latent Equilibrium (LE; Haider et al., NeurIPS 2021) and our reading of the variational
 * extension (VLE; Brandt et al., arXiv 2603.09600, abstract only). Equations: {@code shared/specs/localca-gle.md}
 * part 2 (numbers "§2.x" in comments refer to it).
 *
 * <ul>
 *   <li>{@link org.plasticity.latent.model}: the network (units with membrane constant τ_m and prospective constant
 *       τ_r, fast LE and slow LI mixtures per layer), its carried state and the forward-Euler step with GLE's error
 *       neurons (§2.3).</li>
 *   <li>{@link org.plasticity.latent.learn}: the learners on the {@code train} contract: GLE (prospective errors),
 *       instantaneous backprop (errors without the prospective filter), BPTT with full or truncated windows.</li>
 *   <li>{@link org.plasticity.latent.adjoint}: the exact discrete adjoint (BPTT) of the same forward step.</li>
 *   <li>{@link org.plasticity.latent.tasks}: the teacher–student LagLine and a synthetic mel-spectrogram stand-in of
 *       Speech Commands' shape.</li>
 *   <li>{@link org.plasticity.latent.recipes}: the catalogue entries of notebook 06.</li>
 * </ul>
 */
package org.plasticity.latent;
