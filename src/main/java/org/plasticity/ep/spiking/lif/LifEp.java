package org.plasticity.ep.spiking.lif;

import java.util.ArrayList;
import java.util.List;
import org.plasticity.ep.estimator.EquilibriumPropagation;
import org.plasticity.ep.estimator.GradientEstimator;
import org.plasticity.ep.spiking.SpikingNetwork;

/**
 * Entry points of the deterministic LIF baselines (the paper's §4.1, Fig. 3 b–d): networks, the same weights as a
 * stochastic network, and EP learners from the shared engine.
 * <pre>{@code
 *   var lif = LifEp.sameWeights(LifKind.SIGMA_DELTA, trainedStochasticNet);   // Fig. 3(c) with (a)'s weights
 *   var ep = LifEp.ep(LifConfig.of(LifKind.EQSPIKE, SpikingEp.oneHidden(512, 10)), 60, 15, 0.75,
 *           Estimator.RANDOM_SIGN, 1);                                         // EqSpike trained by EP
 * }</pre>
 */
public final class LifEp {

    private LifEp() {
    }

    /** The network of a configuration with parameters drawn from {@code seed} (as {@link SpikingNetwork} draws them). */
    public static LifNetwork network(LifConfig c, long seed) {
        return new LifNetwork(c, seed);
    }

    /**
     * A baseline on a stochastic network's architecture ({@link LifConfig#of}) with a copy of its current weights.
     *
     * @param kind the baseline
     * @param from the stochastic network (e.g. trained)
     * @return the baseline network
     */
    public static LifNetwork sameWeights(LifKind kind, SpikingNetwork from) {
        LifNetwork n = new LifNetwork(LifConfig.of(kind, from.config()), 1);
        n.copyParameters(from.parameters());
        return n;
    }

    /** The three baselines with a stochastic network's weights, in the paper's order (Fig. 3 b, c, d). */
    public static List<LifNetwork> baselines(SpikingNetwork from) {
        List<LifNetwork> out = new ArrayList<>();
        for (LifKind kind : LifKind.values()) {
            out.add(sameWeights(kind, from));
        }
        return out;
    }

    /**
     * The EP learner of a baseline: free phase T_free from rest, the estimator's nudged phases of T_nudge steps from
     * the free end (the time step t, and so the annealed step sizes, run on), updates from the rates at the phase
     * ends.
     */
    public static EquilibriumPropagation ep(LifConfig c, int tFree, int tNudge, double beta, GradientEstimator estimator,
            long seed) {
        return new EquilibriumPropagation(network(c, seed), tFree, tNudge, beta, estimator);
    }

    /** The LIF network of a trained learner. */
    public static LifNetwork network(org.plasticity.train.Learner l) {
        if (l instanceof EquilibriumPropagation ep && ep.model() instanceof LifNetwork n) {
            return n;
        }
        throw new IllegalArgumentException("not an EP learner on a LIF network: " + l.describe());
    }
}
