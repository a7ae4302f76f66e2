package org.plasticity.neuron;

/**
 * Parameters of a discrete-time leaky integrate-and-fire neuron ({@link Lif}):
 * {@code v ← decay·v + I}; a spike when {@code v ≥ threshold}, then a reset (to {@code resetPotential}, or by
 * subtracting the threshold) and {@code refractorySteps} steps with the membrane clamped at the reset
 * potential and the input ignored; a low-pass filtered spike trace {@code ŝ ← traceDecay·ŝ + (1 − traceDecay)·s}
 * (EqSpike's filtered spikes, Martin et al. 2021); a fast-sigmoid surrogate slope for BPTT through spikes.
 *
 * @param decay membrane decay per step β = exp(−Δt/τ_m), in [0, 1]
 * @param threshold firing threshold θ &gt; 0
 * @param resetPotential potential after a spike (non-subtractive reset) and during the refractory period
 * @param subtractiveReset reset by {@code v ← v − θ} instead of {@code v ← resetPotential}
 * @param refractorySteps steps after a spike during which the neuron neither integrates nor fires (≥ 0)
 * @param traceDecay decay of the filtered spike trace per step, in [0, 1)
 * @param surrogateSlope steepness k &gt; 0 of the fast sigmoid whose derivative is the surrogate
 */
public record LifParameters(float decay, float threshold, float resetPotential, boolean subtractiveReset,
        int refractorySteps, float traceDecay, float surrogateSlope) {

    /** Validates the ranges. */
    public LifParameters {
        if (!(decay >= 0 && decay <= 1)) {
            throw new IllegalArgumentException("decay must be in [0, 1], got " + decay);
        }
        if (!(threshold > 0) || Float.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite and > 0, got " + threshold);
        }
        if (!Float.isFinite(resetPotential) || resetPotential >= threshold) {
            throw new IllegalArgumentException("reset potential must be finite and below the threshold " + threshold
                    + ", got " + resetPotential);
        }
        if (refractorySteps < 0) {
            throw new IllegalArgumentException("refractory steps must be ≥ 0, got " + refractorySteps);
        }
        if (!(traceDecay >= 0 && traceDecay < 1)) {
            throw new IllegalArgumentException("trace decay must be in [0, 1), got " + traceDecay);
        }
        if (!(surrogateSlope > 0) || Float.isInfinite(surrogateSlope)) {
            throw new IllegalArgumentException("surrogate slope must be finite and > 0, got " + surrogateSlope);
        }
    }

    /** β 0.9, θ 1, reset to 0, no refractory period, trace decay 0.9, surrogate slope 25 (snnTorch's default). */
    public static LifParameters defaults() {
        return new LifParameters(0.9f, 1f, 0f, false, 0, 0.9f, 25f);
    }

    /** Copy with another membrane decay. */
    public LifParameters withDecay(float v) {
        return new LifParameters(v, threshold, resetPotential, subtractiveReset, refractorySteps, traceDecay,
                surrogateSlope);
    }

    /** Copy with another threshold. */
    public LifParameters withThreshold(float v) {
        return new LifParameters(decay, v, resetPotential, subtractiveReset, refractorySteps, traceDecay,
                surrogateSlope);
    }

    /** Copy with a reset to {@code v} (non-subtractive). */
    public LifParameters withResetTo(float v) {
        return new LifParameters(decay, threshold, v, false, refractorySteps, traceDecay, surrogateSlope);
    }

    /** Copy with the subtractive reset {@code v ← v − θ}. */
    public LifParameters withSubtractiveReset() {
        return new LifParameters(decay, threshold, resetPotential, true, refractorySteps, traceDecay, surrogateSlope);
    }

    /** Copy with a refractory period of {@code steps}. */
    public LifParameters withRefractorySteps(int steps) {
        return new LifParameters(decay, threshold, resetPotential, subtractiveReset, steps, traceDecay, surrogateSlope);
    }

    /** Copy with another trace decay. */
    public LifParameters withTraceDecay(float v) {
        return new LifParameters(decay, threshold, resetPotential, subtractiveReset, refractorySteps, v, surrogateSlope);
    }

    /** Copy with another surrogate slope. */
    public LifParameters withSurrogateSlope(float v) {
        return new LifParameters(decay, threshold, resetPotential, subtractiveReset, refractorySteps, traceDecay, v);
    }
}
