package org.plasticity.localca.model;

/**
 * The component groups of the model; they carry the learning-rate groups of the paper's configs
 * and the component groups of the gradient-fidelity diagnostic (paper Section 5.3).
 */
public enum ParameterGroup {
    /** Pre-transform excitatory synaptic parameters θ (TopK rows). */
    EXCITATORY_SYNAPSE,
    /** Pre-transform inhibitory (shunting) synaptic parameters θ (TopK rows). */
    INHIBITORY_SYNAPSE,
    /** log of the child→parent dendritic conductances. */
    DENDRITIC_CONDUCTANCE,
    /** log m and log b of the per-compartment parametric tanh. */
    REACTIVATION,
    /** Linear decoder weights and bias. */
    DECODER;

    /** Lower-case id used in tables, e.g. {@code excitatory_synapse}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
