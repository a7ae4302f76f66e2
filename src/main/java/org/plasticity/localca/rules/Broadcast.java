package org.plasticity.localca.rules;

/** How the somatic error δ_0 reaches each compartment (paper Section 3.1). */
public enum Broadcast {
    /** Eq. 12: the mean somatic error ē(b) goes to every compartment. */
    SCALAR("scalar"),
    /** Per-compartment mapping: each compartment gets the error of its own soma (the headline mode). */
    PER_SOMA("per-soma"),
    /**
     * Eqs. 13–14 with the revised paper's mix: e_n = (1 − α) ē m̃_n + α ē, m̃_n the batch-centred,
     * RMS-normalised parent–child mismatch (P_n − V_n).
     */
    LOCAL_MISMATCH("local-mismatch"),
    /** Fixed random feedback e_n = B_n δ^y, B_n ∈ R^{d_n × d_out} drawn once (DFA, Theorem 2). */
    DFA("dfa");

    private final String id;

    Broadcast(String id) {
        this.id = id;
    }

    /** Short id used in experiment names, e.g. {@code per-soma}. */
    public String id() {
        return id;
    }
}
