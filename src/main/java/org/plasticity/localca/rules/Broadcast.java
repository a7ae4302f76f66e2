package org.plasticity.localca.rules;

/** How the somatic error δ_0 reaches each compartment (paper Section 3.1). */
public enum Broadcast {
    /** Eq. 12: the mean somatic error ē(b) goes to every compartment. */
    SCALAR("scalar"),
    /** Per-compartment mapping: each compartment gets the error of its own soma (the headline mode). */
    PER_SOMA("per-soma"),
    /**
     * The literal reading of the paper's mode (B): e_n = δ_0 only in a layer whose size d_n equals
     * the number of somata d_out (in the headline tree only the soma layer), with the scalar ē
     * (Eq. 12) as the fallback in every other layer. A hypothesis for the gap between our per-soma
     * numbers and the paper's (spec §1.8), not the spec's reading.
     */
    PER_COMPARTMENT("per-compartment"),
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
