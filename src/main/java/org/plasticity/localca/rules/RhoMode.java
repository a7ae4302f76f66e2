package org.plasticity.localca.rules;

/** The correlation used for ρ_n. */
public enum RhoMode {
    /** Eq. 17: Pearson correlation of layer-mean and soma-mean voltage over samples. */
    PEARSON,
    /** Uncentred cosine ⟨V̄_n V̄_0⟩ / (‖V̄_n‖‖V̄_0‖ + ε) (our reading of the configs' "dot" mode). */
    DOT
}
