/**
 * The gradient-fidelity diagnostic of the paper (Section 5.3, Eqs. 27–28): local pseudo-gradient
 * vs exact backprop gradient on the same batch and parameters, per tensor and aggregated.
 */
package org.plasticity.localca.fidelity;
