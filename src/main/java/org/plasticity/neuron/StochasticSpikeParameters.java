package org.plasticity.neuron;

/**
 * Parameters of the stochastic spiking neuron of stochastic spiking EP ({@link StochasticSpike}; spec
 * ep-family §3.1): membrane ξ with Euler step / leak λ, rate σ(ξ) = clip(κξ, 0, 1) and a firing law.
 *
 * @param leak Euler step λ of the membrane, in (0, 1] (paper Table 3: 0.25 … 0.5)
 * @param kappa slope κ &gt; 0 of the hard-sigmoid rate (paper Table 3: 1 or 2)
 * @param firing how the rate becomes a spike probability
 * @param dt time step Δt &gt; 0 of the Poisson escape-rate law (1 in the paper; unused by {@link Firing#BERNOULLI})
 */
public record StochasticSpikeParameters(float leak, float kappa, Firing firing, float dt) {

    /** How the rate σ(ξ) becomes the probability of a spike in one step. */
    public enum Firing {
        /** {@code P(spike) = σ(ξ)} (paper eq. 2 with our clip reading). */
        BERNOULLI,
        /** Poisson escape rate ("5CP"): {@code P(spike) = 1 − exp(−σ(ξ) Δt)}. */
        POISSON_ESCAPE
    }

    /** Validates the ranges. */
    public StochasticSpikeParameters {
        if (!(leak > 0 && leak <= 1)) {
            throw new IllegalArgumentException("leak λ must be in (0, 1], got " + leak);
        }
        if (!(kappa > 0) || Float.isInfinite(kappa)) {
            throw new IllegalArgumentException("κ must be finite and > 0, got " + kappa);
        }
        if (firing == null) {
            throw new IllegalArgumentException("firing law must not be null");
        }
        if (!(dt > 0) || Float.isInfinite(dt)) {
            throw new IllegalArgumentException("Δt must be finite and > 0, got " + dt);
        }
    }

    /** Bernoulli spikes with leak λ and slope κ (Δt = 1). */
    public static StochasticSpikeParameters bernoulli(float leak, float kappa) {
        return new StochasticSpikeParameters(leak, kappa, Firing.BERNOULLI, 1f);
    }

    /** Poisson escape-rate spikes with leak λ, slope κ and Δt = 1 (the paper's 5CP uses κ = 1). */
    public static StochasticSpikeParameters poissonEscape(float leak, float kappa) {
        return new StochasticSpikeParameters(leak, kappa, Firing.POISSON_ESCAPE, 1f);
    }

    /** Copy with another leak. */
    public StochasticSpikeParameters withLeak(float v) {
        return new StochasticSpikeParameters(v, kappa, firing, dt);
    }

    /** Copy with another κ. */
    public StochasticSpikeParameters withKappa(float v) {
        return new StochasticSpikeParameters(leak, v, firing, dt);
    }

    /** Copy with another Δt. */
    public StochasticSpikeParameters withDt(float v) {
        return new StochasticSpikeParameters(leak, kappa, firing, v);
    }
}
