package org.plasticity.localca.model;

/**
 * How a compartment integrates its inputs. The equations and their derivatives live in the shared
 * {@code org.plasticity.neuron} package ({@link org.plasticity.neuron.ConductanceCompartment},
 * {@link org.plasticity.neuron.AdditiveCompartment}), which dendritic EP uses too.
 */
public enum Core {
    /**
     * Conductance-based (paper Eq. 3): V = (Σ E_j x_j g_j + Σ g_c r_c) / (Σ x_j g_j + Σ g_c + 1),
     * excitatory reversal 1, inhibitory (shunting) reversal 0.
     */
    SHUNTING,
    /**
     * The additive control with the same parameters: V = Σ_E g x − Σ_I g x + Σ g_c r_c, no
     * denominator (the authors' ablation; the inhibitory sign is our decision).
     */
    ADDITIVE
}
