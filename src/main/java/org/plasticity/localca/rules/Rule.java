package org.plasticity.localca.rules;

/** The rule family (paper Section 3, Table 7). */
public enum Rule {
    /** Eqs. 15–16: presynaptic activity × driving force/resistance × broadcast error. */
    THREE_F("3f"),
    /** Eqs. 18–19: 3F × the layer–soma correlation ρ_n (Eq. 17). */
    FOUR_F("4f"),
    /** Eqs. 24–25: 4F × the conditional-predictability factor φ_n (Eq. 23). */
    FIVE_F("5f");

    private final String id;

    Rule(String id) {
        this.id = id;
    }

    /** Short id used in experiment names, e.g. {@code 5f}. */
    public String id() {
        return id;
    }

    /** Whether ρ_n multiplies the update. */
    public boolean usesRho() {
        return this != THREE_F;
    }

    /** Whether φ_n multiplies the update. */
    public boolean usesPhi() {
        return this == FIVE_F;
    }
}
