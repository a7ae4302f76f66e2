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
    public static final String PAPER = "variational-latent-equilibrium";

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
     * The static LagNet + LE-MLP of spec §2.4 (the authors' {@code static_lagnet}): a fixed linear delay line of 4 layers
     * of 10 units (τ_m = round(linspace(dt, 1.8, 10), 2), τ_r = dt; input weights 1, then identities, no biases) under
     * an LE MLP 10 → 60 → 60 → 10 (tanh, linear output, τ_m = τ_r = 2), dt 0.2, β 1, γ 0; only the MLP learns.
     * {@link #lagNetWeights} sets the fixed weights.
     */
    public static GleConfig lagNetLeMlp() {
        double dt = 0.2;
        UnitGroup[] lags = new UnitGroup[10];
        for (int i = 0; i < 10; i++) {
            double tau = Math.round((dt + i * (1.8 - dt) / 9) * 100) / 100.0;
            lags[i] = new UnitGroup(1, tau, dt);
        }
        GleConfig.Builder b = GleConfig.builder(1).dt(dt).frozenLayers(4);
        for (int l = 0; l < 4; l++) {
            b.layer(LayerSpec.of(Activation.LINEAR, lags));
        }
        return b.layer(Activation.TANH, UnitGroup.fast(60, 2)).layer(Activation.TANH, UnitGroup.fast(60, 2))
                .layer(Activation.LINEAR, UnitGroup.fast(10, 2)).build();
    }

    /** Sets the LagNet's fixed weights: layer 0 all ones, layers 1–3 the identity, their biases zero. */
    public static GleNetwork lagNetWeights(GleNetwork net) {
        for (int l = 0; l < 4; l++) {
            float[] w = net.weights(l);
            java.util.Arrays.fill(w, 0f);
            java.util.Arrays.fill(net.biases(l), 0f);
            for (int j = 0; j < 10; j++) {
                w[l == 0 ? j : j * 10 + j] = 1f;
            }
        }
        return net;
    }

    /**
     * The Speech Commands GLE network of spec §2.4 scaled by {@code perGroup} units per group (the paper: 150): 32 mel
     * inputs, 3 tanh layers of five groups with (τ_m, τ_r) = (2.4, 2.4), (0.6, 0.1), (1.2, 0.1), (1.8, 0.1),
     * (2.4, 0.1), 12 linear outputs with τ = 2.4, dt 0.05.
     */
    public static GleConfig speechCommands(int perGroup) {
        double dt = 0.05;
        GleConfig.Builder b = GleConfig.builder(32).dt(dt);
        for (int l = 0; l < 3; l++) {
            b.layer(Activation.TANH, UnitGroup.fast(perGroup, 2.4), new UnitGroup(perGroup, 0.6, 0.1),
                    new UnitGroup(perGroup, 1.2, 0.1), new UnitGroup(perGroup, 1.8, 0.1), new UnitGroup(perGroup, 2.4, 0.1));
        }
        return b.layer(Activation.LINEAR, UnitGroup.fast(12, 2.4)).build();
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
