/**
 * LocalCA: conductance-based compartmental dendritic networks trained by exact tree backprop or by
 * the local 3F / 4F / 5F rules of "Local Credit Assignment in Compartmental Dendritic Networks".
 *
 * <p>Entry points: {@link org.plasticity.localca.LocalCa} (presets and learners),
 * {@link org.plasticity.localca.model} (the tree model, Eq. 3, and Theorem 1),
 * {@link org.plasticity.localca.rules} (Eqs. 12–26, 29–30, Appendix F) and
 * {@link org.plasticity.localca.fidelity} (Eqs. 27–28).
 */
package org.plasticity.localca;
