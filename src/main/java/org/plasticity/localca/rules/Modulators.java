package org.plasticity.localca.rules;

import java.util.Locale;

/**
 * Settings of the layer modulators ρ_n (Eq. 17) and φ_n (Eqs. 21–23).
 *
 * @param estimator batch, EMA or Welford (Eq. 20)
 * @param rhoMode Pearson (Eq. 17) or uncentred "dot"
 * @param rhoRate EMA rate α of ρ (0.1)
 * @param phiDecay EMA decay of the φ moments (0.99, the configs' rls_forgetting)
 * @param phiRidge ridge λ of Eq. 21 (1e-3)
 * @param phiMin lower clamp of φ (0.25)
 * @param phiMax upper clamp of φ (4)
 * @param phiPerCompartment one φ per compartment (regression over the batch) instead of one per
 *     layer (statistics pooled over batch × compartments, the spec's decision)
 */
public record Modulators(Estimator estimator, RhoMode rhoMode, double rhoRate, double phiDecay, double phiRidge,
        double phiMin, double phiMax, boolean phiPerCompartment) {

    /** Validates. */
    public Modulators {
        if (estimator == null || rhoMode == null) {
            throw new IllegalArgumentException("estimator and rhoMode must not be null");
        }
        if (!(rhoRate > 0 && rhoRate <= 1) || !(phiDecay >= 0 && phiDecay < 1)) {
            throw new IllegalArgumentException("rhoRate must be in (0, 1] and phiDecay in [0, 1); got " + rhoRate + ", "
                    + phiDecay);
        }
        if (!(phiRidge >= 0) || !(phiMin > 0) || !(phiMax >= phiMin)) {
            throw new IllegalArgumentException("need phiRidge ≥ 0 and 0 < phiMin ≤ phiMax; got " + phiRidge + ", " + phiMin
                    + ", " + phiMax);
        }
    }

    /** The spec's defaults: EMA, Pearson, ρ rate 0.1, φ decay 0.99, λ 1e-3, clamp [0.25, 4], per layer. */
    public static Modulators defaults() {
        return new Modulators(Estimator.EMA, RhoMode.PEARSON, 0.1, 0.99, 1e-3, 0.25, 4.0, false);
    }

    /** Copy with another estimator. */
    public Modulators withEstimator(Estimator e) {
        return new Modulators(e, rhoMode, rhoRate, phiDecay, phiRidge, phiMin, phiMax, phiPerCompartment);
    }

    /** Copy with another ρ mode. */
    public Modulators withRhoMode(RhoMode m) {
        return new Modulators(estimator, m, rhoRate, phiDecay, phiRidge, phiMin, phiMax, phiPerCompartment);
    }

    /** Copy with per-compartment (true) or per-layer (false) φ. */
    public Modulators withPhiPerCompartment(boolean v) {
        return new Modulators(estimator, rhoMode, rhoRate, phiDecay, phiRidge, phiMin, phiMax, v);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %s ρα=%s φdecay=%s λ=%s φ∈[%s,%s]%s",
                estimator.name().toLowerCase(Locale.ROOT), rhoMode.name().toLowerCase(Locale.ROOT), rhoRate, phiDecay,
                phiRidge, phiMin, phiMax, phiPerCompartment ? " per-compartment" : "");
    }
}
