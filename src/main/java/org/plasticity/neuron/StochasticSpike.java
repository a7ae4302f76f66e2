package org.plasticity.neuron;

import java.util.random.RandomGenerator;

/**
 * The stochastic spiking neuron of stochastic spiking EP (spec ep-family §3.1), as pure functions over
 * arrays; the membrane state and the random stream are the caller's (a batch's seeded stream, so the same
 * seed gives the same spikes).
 * <pre>
 *   rate          σ(ξ) = clip(κξ, 0, 1)                          (paper eq. 2, our clip reading for κ ≠ 1)
 *   slope         σ'(ξ) = κ for 0 &lt; κξ &lt; 1, else 0             (the surrogate slope of the dynamics)
 *   probability   p = σ(ξ)  or  p = 1 − exp(−σ(ξ) Δt)             (Bernoulli; Poisson escape rate "5CP")
 *   spike         s ~ Bernoulli(p)
 *   straight-through  ∂s/∂ξ ≈ ∂p/∂ξ                                (∂B/∂p ≈ 1)
 *   membrane      ξ ← (1 − λ) ξ + λ σ'(ξ) · I                      (the Euler step; I = W s + Wᵀ s of the net)
 * </pre>
 * The membrane step has {@code ∂ξ'/∂ξ = 1 − λ} (σ' is piecewise constant) and {@code ∂ξ'/∂I = λ σ'(ξ)}.
 * The output nudge {@code −λβ ∂ℓ/∂ξ} of EP's nudged phase is added by the caller outside σ'.
 */
public final class StochasticSpike {

    private StochasticSpike() {
    }

    /**
     * The rate σ(ξ) = clip(κξ, 0, 1) (the expected spike of the Bernoulli law).
     *
     * @param p parameters
     * @param xi membrane potential
     * @return the rate
     */
    public static float rate(StochasticSpikeParameters p, float xi) {
        return Math.min(1f, Math.max(0f, p.kappa() * xi));
    }

    /**
     * The slope σ'(ξ): κ on the open active range 0 &lt; κξ &lt; 1, else 0.
     *
     * @param p parameters
     * @param xi membrane potential
     * @return the slope
     */
    public static float slope(StochasticSpikeParameters p, float xi) {
        float u = p.kappa() * xi;
        return u > 0f && u < 1f ? p.kappa() : 0f;
    }

    /**
     * The probability of a spike in one step.
     *
     * @param p parameters
     * @param xi membrane potential
     * @return σ(ξ) (Bernoulli) or 1 − exp(−σ(ξ) Δt) (Poisson escape)
     */
    public static float probability(StochasticSpikeParameters p, float xi) {
        float r = rate(p, xi);
        if (p.firing() == StochasticSpikeParameters.Firing.BERNOULLI) {
            return r;
        }
        return (float) -Math.expm1(-(double) r * p.dt());
    }

    /**
     * The straight-through derivative of the spike, {@code ∂s/∂ξ ≈ ∂p/∂ξ}: σ'(ξ) (Bernoulli) or
     * {@code Δt·exp(−σ(ξ)Δt)·σ'(ξ)} (Poisson escape).
     *
     * @param p parameters
     * @param xi membrane potential
     * @return the derivative
     */
    public static float straightThrough(StochasticSpikeParameters p, float xi) {
        float s = slope(p, xi);
        if (p.firing() == StochasticSpikeParameters.Firing.BERNOULLI || s == 0f) {
            return s;
        }
        return (float) (p.dt() * Math.exp(-(double) rate(p, xi) * p.dt()) * s);
    }

    /**
     * Samples spikes: {@code out[i] = 1} with probability {@link #probability}{@code (ξ_i)}, else 0, drawing
     * exactly one {@code nextDouble()} per neuron in index order.
     *
     * @param p parameters
     * @param xi membrane potentials
     * @param n number of neurons
     * @param random the stream the draws come from
     * @param out receives the spikes
     * @return number of spikes
     */
    public static int sample(StochasticSpikeParameters p, float[] xi, int n, RandomGenerator random, float[] out) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            boolean spike = random.nextDouble() < probability(p, xi[i]);
            out[i] = spike ? 1f : 0f;
            if (spike) {
                count++;
            }
        }
        return count;
    }

    /**
     * The rates σ(ξ_i) of {@code n} neurons (the expected spikes the weight update uses at the phase ends).
     *
     * @param p parameters
     * @param xi membrane potentials
     * @param n number of neurons
     * @param out receives the rates
     */
    public static void rates(StochasticSpikeParameters p, float[] xi, int n, float[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = rate(p, xi[i]);
        }
    }

    /**
     * One Euler step of the membranes: {@code ξ_i ← (1 − λ) ξ_i + λ σ'(ξ_i) I_i}.
     *
     * @param p parameters
     * @param xi membrane potentials, updated in place
     * @param input the input I per neuron (from spikes only)
     * @param n number of neurons
     */
    public static void integrate(StochasticSpikeParameters p, float[] xi, float[] input, int n) {
        float lambda = p.leak();
        float keep = 1f - lambda;
        for (int i = 0; i < n; i++) {
            xi[i] = keep * xi[i] + lambda * slope(p, xi[i]) * input[i];
        }
    }
}
