package org.plasticity.ep.dendritic;

import org.plasticity.ep.bptt.Bptt;
import org.plasticity.ep.estimator.EquilibriumPropagation;
import org.plasticity.ep.estimator.Estimator;
import org.plasticity.tensor.FloatKernels;

/**
 * Entry point of dendritic EP: the network ({@link DendriticNetwork}) trained by the EP engine or by BPTT over the
 * same dynamics. The paper's "advanced EP framework" (spec §2.1): symmetric ±β nudging, T1 = 60 (shallow) / 120
 * (deeper) free steps, T2 = 12 steps per nudged phase, Adam (given by the trainer).
 *
 * <pre>{@code
 * var ep = Dendritic.ep(DendriticConfig.of(784, 10, 100), 60, 12, 0.5, 1);
 * var run = Trainer.create().epochs(1).batchSize(50).optimizer(Adam.of(1e-3)).fit(ep, Datasets.fashionMnist());
 * }</pre>
 */
public final class Dendritic {

    /** Paper id of the dendritic-EP rows in the results files. */
    public static final String PAPER = "ep-dendritic";

    private Dendritic() {
    }

    /** The network of {@code config} with parameters and masks drawn from {@code seed}. */
    public static DendriticNetwork network(DendriticConfig config, long seed) {
        return new DendriticNetwork(config, seed, FloatKernels.get());
    }

    /**
     * Symmetric-±β EP on the dendritic network (Laborieux et al. 2021's third phase; the paper's framework).
     *
     * @param config the network
     * @param t1 free-phase steps
     * @param t2 steps per nudged phase
     * @param beta |β|
     * @param seed parameters and masks
     * @return the learner
     */
    public static EquilibriumPropagation ep(DendriticConfig config, int t1, int t2, double beta, long seed) {
        return new EquilibriumPropagation(network(config, seed), t1, t2, beta, Estimator.SYMMETRIC);
    }

    /**
     * Dendritic BPTT: the same network and dynamics, the exact gradient through the last {@code k} of T1 free steps
     * ({@code k = T2} as the reference code's {@code --alg BPTT}).
     */
    public static Bptt bptt(DendriticConfig config, int t1, int k, long seed) {
        return new Bptt(network(config, seed), t1, k);
    }
}
