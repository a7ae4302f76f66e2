package org.plasticity.ep.spiking;

import java.util.List;
import org.plasticity.ep.bptt.Bptt;
import org.plasticity.ep.estimator.EquilibriumPropagation;
import org.plasticity.ep.estimator.GradientEstimator;
import org.plasticity.ep.model.EnergyModel;

/**
 * Entry points of stochastic spiking EP: the paper's networks as {@link SpikingConfig}s and the learners
 * that train them, all from the shared engine ({@link EquilibriumPropagation} with any estimator,
 * {@link Bptt} through the same spiking dynamics with the straight-through surrogate).
 * <pre>{@code
 *   SpikingConfig c = SpikingEp.oneHidden(512, 10);                       // MNIST 1FC, N_perclass 10
 *   EquilibriumPropagation ep = SpikingEp.ep(c, 60, 15, 0.75, Estimator.RANDOM_SIGN, seed);
 *   EquilibriumPropagation ep2c = SpikingEp.ep(SpikingEp.twoConv(70), 150, 50, 0.5, Estimator.RANDOM_SIGN, seed);   // MNIST 2C
 * }</pre>
 */
public final class SpikingEp {

    private SpikingEp() {
    }

    /** MNIST 1FC: 784 → hidden → 10·N_perclass, λ 0.5, κ 2, Bernoulli spikes (Table 3). */
    public static SpikingConfig oneHidden(int hidden, int perClass) {
        return SpikingConfig.mnist(List.of(hidden), perClass);
    }

    /** MNIST 2FC: 784 → hidden → hidden → 10·N_perclass, λ 0.5, κ 2, Bernoulli spikes (Table 3). */
    public static SpikingConfig twoHidden(int hidden, int perClass) {
        return SpikingConfig.mnist(List.of(hidden, hidden), perClass);
    }

    /** The network of a configuration with parameters drawn from {@code seed}. */
    public static SpikingNetwork network(SpikingConfig c, long seed) {
        return new SpikingNetwork(c, seed);
    }

    /**
     * The EP learner: free phase T_free, the estimator's nudged phases of T_nudge steps from ξ*, weight
     * updates from the expected energy at the phase ends.
     */
    public static EquilibriumPropagation ep(SpikingConfig c, int tFree, int tNudge, double beta, GradientEstimator estimator,
            long seed) {
        return new EquilibriumPropagation(network(c, seed), tFree, tNudge, beta, estimator);
    }

    /** Backprop-through-time over the T_free free steps of the same (spiking) dynamics, surrogate ∂s/∂ξ = ρ'(ξ). */
    public static Bptt bptt(SpikingConfig c, int tFree, long seed) {
        return new Bptt(network(c, seed), tFree, tFree);
    }

    /** The spiking network of a trained learner. */
    public static SpikingNetwork network(org.plasticity.train.Learner l) {
        EnergyModel<?> m = l instanceof EquilibriumPropagation ep ? ep.model() : l instanceof Bptt b ? b.model() : null;
        if (m instanceof SpikingNetwork n) {
            return n;
        }
        throw new IllegalArgumentException("not a learner on a spiking network: " + l.describe());
    }

    /**
     * MNIST 2C: 1×28×28 → conv 64 → 3×3 max-pool → conv 128 → 3×3 max-pool → 10·N_perclass (k 5, stride 1, padding 1;
     * 512 features into the output), λ 0.5, κ 2, Bernoulli spikes (appendix D, Table 3).
     */
    public static SpikingConvConfig twoConv(int perClass) {
        return SpikingConvConfig.mnist2c(perClass);
    }

    /** The convolutional network of a configuration with parameters drawn from {@code seed}. */
    public static SpikingConvNetwork network(SpikingConvConfig c, long seed) {
        return new SpikingConvNetwork(c, seed);
    }

    /** The EP learner of a convolutional spiking network (as {@link #ep(SpikingConfig, int, int, double, GradientEstimator, long)}). */
    public static EquilibriumPropagation ep(SpikingConvConfig c, int tFree, int tNudge, double beta, GradientEstimator estimator,
            long seed) {
        return new EquilibriumPropagation(network(c, seed), tFree, tNudge, beta, estimator);
    }

    /** Backprop-through-time over the T_free free steps of a convolutional spiking network, surrogate ∂s/∂ξ = ρ'(ξ). */
    public static Bptt bptt(SpikingConvConfig c, int tFree, long seed) {
        return new Bptt(network(c, seed), tFree, tFree);
    }

    /** The convolutional spiking network of a trained learner. */
    public static SpikingConvNetwork convNetwork(org.plasticity.train.Learner l) {
        EnergyModel<?> m = l instanceof EquilibriumPropagation ep ? ep.model() : l instanceof Bptt b ? b.model() : null;
        if (m instanceof SpikingConvNetwork n) {
            return n;
        }
        throw new IllegalArgumentException("not a learner on a convolutional spiking network: " + l.describe());
    }
}
