package org.plasticity.localca.rules;

/** Kernel of the HSIC auxiliary losses (paper Appendix E). */
public enum HsicKernel {
    /** K = Z Zᵀ (the paper's formulas). */
    LINEAR,
    /** K_ij = exp(−‖z_i − z_j‖² / 2σ²) (the authors' headline configs). */
    RBF
}
