package org.plasticity.latent;

import org.plasticity.latent.learn.BpttLearner;
import org.plasticity.latent.learn.GleLearner;
import org.plasticity.latent.model.Activation;
import org.plasticity.latent.model.GleConfig;
import org.plasticity.latent.model.GleNetwork;
import org.plasticity.latent.model.LayerSpec;
import org.plasticity.latent.model.UnitGroup;

/**
 * Entry points of the latent family: the paper's networks and the three learners on them.
 *
 * <pre>{@code
 * GleConfig c = Latent.mnist1d(17, 36);                          // spec §2.4: 6 × (17 fast + 36 slow), ≈ 15k parameters
 * Learner gle = Latent.gle(c, 12);                                // online, local
 * Learner bptt = Latent.bptt(c, 0, 12);                           // exact reference, full window
 * }</pre>
 */
public final class Latent {

    /** Paper id of the result rows. */
    public static final String PAPER = "gle";

    private Latent() {
    }

    /** GLE (prospective errors as configured) on a network drawn from {@code seed}. */
    public static GleLearner gle(GleConfig config, long seed) {
        return new GleLearner(GleNetwork.create(config, seed));
    }

    /** Instantaneous backprop (GLE's machinery with e = ε) on a network drawn from {@code seed}. */
    public static GleLearner instantaneous(GleConfig config, long seed) {
        return new GleLearner(GleNetwork.create(config.withProspectiveErrors(false), seed));
    }

    /** BPTT (the discrete adjoint) with windows of {@code window} steps (0 = whole sequence). */
    public static BpttLearner bptt(GleConfig config, int window, long seed) {
        return new BpttLearner(GleNetwork.create(config, seed), window);
    }

    /**
     * The MNIST-1D GLE network of spec §2.4: 6 layers (a linear input layer and 5 tanh layers) of {@code fast} LE
     * units (τ_m = τ_r = 1.2) and {@code slow} LI units (τ_r = dt; half τ_m = 0.6, half 1.2), 10 linear LE outputs
     * (τ = 1.2), dt 0.2, β 1, γ 0, prospective errors, cross-entropy at every step, state carried.
     *
     * @param fast fast units per layer (17; 30 in the 42k variant)
     * @param slow slow units per layer (36; even)
     * @return the configuration
     */
    public static GleConfig mnist1d(int fast, int slow) {
        double dt = 0.2;
        GleConfig.Builder b = GleConfig.builder(1).dt(dt);
        for (int l = 0; l < 6; l++) {
            b.layer(LayerSpec.of(l == 0 ? Activation.LINEAR : Activation.TANH, UnitGroup.fast(fast, 1.2),
                    UnitGroup.slow(slow / 2, 0.6, dt), UnitGroup.slow(slow - slow / 2, 1.2, dt)));
        }
        return b.layer(Activation.LINEAR, UnitGroup.fast(10, 1.2)).build();
    }

    /**
     * A small classifier for tests and the learner contract: {@code inputs} → 6 tanh units (3 fast, 3 slow) → a
     * linear output per class, static inputs shown for 6 steps of dt 0.2.
     */
    public static GleConfig small(int inputs, int classes) {
        double dt = 0.2;
        return GleConfig.builder(inputs).dt(dt).staticSteps(6)
                .layer(Activation.TANH, UnitGroup.fast(3, 0.4), UnitGroup.slow(3, 0.8, dt))
                .layer(Activation.LINEAR, UnitGroup.fast(classes, 0.4)).build();
    }
}
