package org.plasticity.localca.rules;

/** How the layer modulators ρ_n and φ_n are estimated from the stream of batches (paper Section 3.4). */
public enum Estimator {
    /** From the current batch only. */
    BATCH,
    /** An exponential moving average over batches (ρ: rate 0.1; φ: moment decay 0.99). */
    EMA,
    /** Eq. 20: Welford-style online EMA of means, variances and covariance, one sample at a time. */
    WELFORD
}
