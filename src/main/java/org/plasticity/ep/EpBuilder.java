package org.plasticity.ep;

import java.util.List;
import org.plasticity.ep.bptt.Bptt;
import org.plasticity.ep.estimator.EquilibriumPropagation;
import org.plasticity.ep.estimator.Estimator;
import org.plasticity.ep.model.Activation;
import org.plasticity.ep.model.Architecture;
import org.plasticity.ep.model.ConvSpec;
import org.plasticity.ep.model.CouplingSpec;
import org.plasticity.ep.model.Dynamics;
import org.plasticity.ep.model.LayeredNetwork;
import org.plasticity.ep.model.Loss;
import org.plasticity.ep.model.WeightInit;
import org.plasticity.tensor.FloatKernels;

/**
 * Immutable fluent builder of an equilibrium-propagation learner; every call returns a copy. Start with
 * {@link EqProp#network(int...)}:
 *
 * <pre>{@code
 * EquilibriumPropagation ep = EqProp.network(784, 500, 10)
 *         .activation(Activation.MY_SIGMOID).dynamics(Dynamics.prototypical())
 *         .t1(30).t2(10).beta(0.5).estimator(Estimator.SYMMETRIC).loss(Loss.MSE)
 *         .build(1);
 * }</pre>
 *
 * @param config the configuration being built
 * @param kernels the float kernels (default {@link FloatKernels#get()})
 */
public record EpBuilder(EpConfig config, FloatKernels kernels) {

    /** Validates. */
    public EpBuilder {
        if (config == null || kernels == null) {
            throw new IllegalArgumentException("config and kernels must not be null");
        }
    }

    /** ρ of all layers (the output keeps the identity under {@link Loss#CROSS_ENTROPY}). */
    public EpBuilder activation(Activation a) {
        return new EpBuilder(config.withActivation(a), kernels);
    }

    /** ρ of the output layer only. */
    public EpBuilder outputActivation(Activation a) {
        return new EpBuilder(config.withOutputActivation(a), kernels);
    }

    /** Prototypical or energy-based dynamics. */
    public EpBuilder dynamics(Dynamics d) {
        return new EpBuilder(config.withDynamics(d), kernels);
    }

    /** Free-phase steps T1. */
    public EpBuilder t1(int steps) {
        return new EpBuilder(config.withT1(steps), kernels);
    }

    /** Steps per nudged phase T2. */
    public EpBuilder t2(int steps) {
        return new EpBuilder(config.withT2(steps), kernels);
    }

    /** Nudge strength |β|. */
    public EpBuilder beta(double b) {
        return new EpBuilder(config.withBeta(b), kernels);
    }

    /** One-sided, symmetric or random-sign estimator. */
    public EpBuilder estimator(Estimator e) {
        return new EpBuilder(config.withEstimator(e), kernels);
    }

    /** Output cost. */
    public EpBuilder loss(Loss l) {
        return new EpBuilder(config.withLoss(l), kernels);
    }

    /**
     * Per-connection learning-rate multipliers, input side first (read-out last); with {@code Sgd.of(1.0)}
     * they are the papers' absolute layer-wise rates.
     */
    public EpBuilder layerLearningRates(double... rates) {
        return new EpBuilder(config.withLayerLrScales(rates), kernels);
    }

    /** Weight initialisation and scale. */
    public EpBuilder init(WeightInit init, double scale) {
        return new EpBuilder(config.withInit(init, scale), kernels);
    }

    /** Inserts convolutional layers between the input (shape {@code {C, H, W}}) and the dense layers. */
    public EpBuilder conv(int[] inputShape, ConvSpec... layers) {
        Architecture a = config.architecture();
        return new EpBuilder(config.withArchitecture(new Architecture(inputShape, List.of(layers), a.dense())), kernels);
    }

    /**
     * Adds a dense skip coupling {@code ⟨s_to, W s_from + b⟩} to Φ between two layers that are not
     * neighbours, numbered as in {@link EqProp#network(int...)} (0 = input): e.g.
     * {@code network(784, 256, 256, 10).coupling(1, 3)} couples the first hidden layer with the output.
     */
    public EpBuilder coupling(int from, int to) {
        return coupling(from, to, 1.0);
    }

    /** A skip coupling with its own learning-rate multiplier. */
    public EpBuilder coupling(int from, int to, double lrScale) {
        return new EpBuilder(config.withCoupling(new CouplingSpec(from, to, lrScale)), kernels);
    }

    /** Uses other float kernels (e.g. {@link FloatKernels#scalar()} for a reference run). */
    public EpBuilder kernels(FloatKernels k) {
        return new EpBuilder(config, k);
    }

    /** The network alone (no phases, no β: those go to the learner), parameters drawn from {@code seed}. */
    public LayeredNetwork network(long seed) {
        return new LayeredNetwork(config.network(), seed, kernels);
    }

    /** The EP learner (network + phases + β + estimator), parameters drawn from {@code seed}. */
    public EquilibriumPropagation build(long seed) {
        return new EquilibriumPropagation(network(seed), config.t1(), config.t2(), config.beta(), config.estimator());
    }

    /**
     * A backprop-through-time learner over the same dynamics, truncated to the last T2 steps of the T1
     * free steps (the reference code's {@code --alg BPTT}).
     */
    public Bptt buildBptt(long seed) {
        return new Bptt(network(seed), config.t1(), Math.min(config.t2(), config.t1()));
    }

    @Override
    public String toString() {
        return "EpBuilder[" + config + "]";
    }
}
