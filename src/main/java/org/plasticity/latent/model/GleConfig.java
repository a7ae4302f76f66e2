package org.plasticity.latent.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The configuration of a GLE network and its dynamics (spec §2.2–2.5). Immutable; {@link #builder(int)} starts one
 * with the paper's defaults (dt 0.2, β 1, γ 0, prospective errors on, cross-entropy, state carried).
 *
 * @param inputs input channels per time step
 * @param layers the layers, bottom to top; the last is the output layer
 * @param dt Euler step
 * @param beta output error scale β (the nudging strength; 0 switches learning signals off)
 * @param gamma error feedback into the membrane γ (0: errors do not change the forward dynamics)
 * @param prospectiveErrors GLE's error filter e = D⁺_{τ_m} I⁻_{τ_r} ε (true) or the instantaneous error e = ε (false)
 * @param loss the per-step loss on the output rates
 * @param learnTau whether τ_m is a trained parameter
 * @param stateMode carried or reset between samples
 * @param tauMin lower clamp of τ_m and τ_r (the authors': dt; LagLine: 10·dt)
 * @param tauMax upper clamp of τ_m (100)
 * @param bias whether layers have biases
 * @param staticSteps time steps each sample of a batch without a time axis is presented for
 * @param frozenLayers the bottom layers whose weights are fixed (no parameters, no errors: e.g. the static LagNet)
 */
public record GleConfig(int inputs, List<LayerSpec> layers, double dt, double beta, double gamma,
        boolean prospectiveErrors, StepLoss loss, boolean learnTau, StateMode stateMode, double tauMin, double tauMax,
        boolean bias, int staticSteps, int frozenLayers) {

    /** Validates. */
    public GleConfig {
        if (inputs < 1) {
            throw new IllegalArgumentException("a GLE network needs at least one input channel, got " + inputs);
        }
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("a GLE network needs at least one layer (the output layer)");
        }
        layers = List.copyOf(layers);
        if (!(dt > 0) || Double.isInfinite(dt)) {
            throw new IllegalArgumentException("dt must be finite and > 0, got " + dt);
        }
        if (!(beta >= 0) || !(gamma >= 0) || Double.isInfinite(beta) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("β and γ must be finite and ≥ 0, got β=" + beta + ", γ=" + gamma);
        }
        if (!(tauMin > 0) || !(tauMax >= tauMin)) {
            throw new IllegalArgumentException("need 0 < tauMin ≤ tauMax, got [" + tauMin + ", " + tauMax + "]");
        }
        if (tauMin < dt * (1 - 1e-9)) {
            throw new IllegalArgumentException("tauMin " + tauMin + " is below dt " + dt
                    + ": forward Euler needs τ ≥ dt (set tauMin ≥ dt or a smaller dt)");
        }
        for (LayerSpec l : layers) {
            for (UnitGroup g : l.groups()) {
                if (g.tauM() < tauMin * (1 - 1e-9) || g.tauR() < tauMin * (1 - 1e-9)) {
                    throw new IllegalArgumentException("unit group " + g + " has a time constant below tauMin " + tauMin
                            + " (dt " + dt + "): forward Euler needs τ ≥ dt; raise the constants or lower dt");
                }
            }
        }
        if (loss == null || stateMode == null) {
            throw new IllegalArgumentException("loss and state mode must be set");
        }
        if (frozenLayers < 0 || frozenLayers >= layers.size()) {
            throw new IllegalArgumentException("frozenLayers must be in [0, " + (layers.size() - 1) + "] (the output layer"
                    + " learns), got " + frozenLayers);
        }
        if (staticSteps < 1) {
            throw new IllegalArgumentException("staticSteps must be ≥ 1, got " + staticSteps);
        }
    }

    /** A builder with the paper's defaults for {@code inputs} input channels. */
    public static Builder builder(int inputs) {
        return new Builder(inputs);
    }

    /** A builder holding this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder(inputs);
        b.layers.addAll(layers);
        b.dt = dt;
        b.beta = beta;
        b.gamma = gamma;
        b.prospectiveErrors = prospectiveErrors;
        b.loss = loss;
        b.learnTau = learnTau;
        b.stateMode = stateMode;
        b.tauMin = tauMin;
        b.tauMax = tauMax;
        b.bias = bias;
        b.staticSteps = staticSteps;
        b.frozenLayers = frozenLayers;
        return b;
    }

    /** Number of layers (including the output layer). */
    public int depth() {
        return layers.size();
    }

    /** Units of layer {@code l}. */
    public int size(int l) {
        return layers.get(l).size();
    }

    /** Inputs of layer {@code l} (the input channels for layer 0). */
    public int fanIn(int l) {
        return l == 0 ? inputs : size(l - 1);
    }

    /** Output units. */
    public int outputs() {
        return size(depth() - 1);
    }

    /** Whether layer {@code l} is fixed ({@link #frozenLayers()}). */
    public boolean frozen(int l) {
        return l < frozenLayers;
    }

    /** Trainable scalars: weights, biases and (when learned) τ_m of the layers that learn. */
    public int parameterCount() {
        int n = 0;
        for (int l = frozenLayers; l < depth(); l++) {
            n += size(l) * fanIn(l) + (bias ? size(l) : 0) + (learnTau ? size(l) : 0);
        }
        return n;
    }

    /** The same network with prospective errors switched (instantaneous backprop when false). */
    public GleConfig withProspectiveErrors(boolean on) {
        return toBuilder().prospectiveErrors(on).build();
    }

    /** The same network with another β. */
    public GleConfig withBeta(double b) {
        return toBuilder().beta(b).build();
    }

    /** The same network with another γ. */
    public GleConfig withGamma(double g) {
        return toBuilder().gamma(g).build();
    }

    /** The same network with another state mode. */
    public GleConfig withStateMode(StateMode m) {
        return toBuilder().stateMode(m).build();
    }

    /** One line for records. */
    public String describe() {
        return String.format(Locale.ROOT, "gle in=%d layers=[%s] dt=%s beta=%s gamma=%s %s %s%s state=%s tau=[%s,%s]%s",
                inputs, layers.stream().map(LayerSpec::toString).collect(Collectors.joining(", ")), dt, beta, gamma,
                prospectiveErrors ? "prospective-errors" : "instantaneous-errors", loss.name().toLowerCase(Locale.ROOT),
                learnTau ? " learn-tau" : "", stateMode.name().toLowerCase(Locale.ROOT), tauMin, tauMax,
                bias ? "" : " no-bias") + (frozenLayers == 0 ? "" : " frozen=" + frozenLayers) + (staticSteps == Builder.DEFAULT_STATIC_STEPS ? "" : " static-steps=" + staticSteps);
    }

    @Override
    public String toString() {
        return describe();
    }

    /** Fluent builder; defaults from the paper's MNIST-1D setting (spec §2.4). */
    public static final class Builder {
        static final int DEFAULT_STATIC_STEPS = 20;
        private final int inputs;
        private final List<LayerSpec> layers = new ArrayList<>();
        private double dt = 0.2;
        private double beta = 1;
        private double gamma = 0;
        private boolean prospectiveErrors = true;
        private StepLoss loss = StepLoss.CROSS_ENTROPY;
        private boolean learnTau;
        private StateMode stateMode = StateMode.CARRY;
        private Double tauMin;
        private double tauMax = 100;
        private boolean bias = true;
        private int staticSteps = DEFAULT_STATIC_STEPS;
        private int frozenLayers;

        private Builder(int inputs) {
            this.inputs = inputs;
        }

        /** Adds a layer on top. */
        public Builder layer(LayerSpec l) {
            layers.add(l);
            return this;
        }

        /** Adds a layer of one activation and unit groups on top. */
        public Builder layer(Activation a, UnitGroup... groups) {
            return layer(LayerSpec.of(a, groups));
        }

        /** Replaces every layer. */
        public Builder layers(List<LayerSpec> ls) {
            layers.clear();
            layers.addAll(ls);
            return this;
        }

        /** Euler step (default 0.2). */
        public Builder dt(double v) {
            dt = v;
            return this;
        }

        /** Output error scale β (default 1). */
        public Builder beta(double v) {
            beta = v;
            return this;
        }

        /** Error feedback into the membrane γ (default 0). */
        public Builder gamma(double v) {
            gamma = v;
            return this;
        }

        /** GLE's prospective error filter on (default) or off (instantaneous errors). */
        public Builder prospectiveErrors(boolean v) {
            prospectiveErrors = v;
            return this;
        }

        /** Per-step loss (default cross-entropy). */
        public Builder loss(StepLoss v) {
            loss = v;
            return this;
        }

        /** Learn τ_m (default off). */
        public Builder learnTau(boolean v) {
            learnTau = v;
            return this;
        }

        /** Carry (default) or reset the state between samples. */
        public Builder stateMode(StateMode v) {
            stateMode = v;
            return this;
        }

        /** Lower clamp of the time constants (default dt). */
        public Builder tauMin(double v) {
            tauMin = v;
            return this;
        }

        /** Upper clamp of τ_m (default 100). */
        public Builder tauMax(double v) {
            tauMax = v;
            return this;
        }

        /** Biases on (default) or off. */
        public Builder bias(boolean v) {
            bias = v;
            return this;
        }

        /** Steps per sample for batches without a time axis (default 20). */
        public Builder staticSteps(int v) {
            staticSteps = v;
            return this;
        }

        /** Fixes the weights of the bottom {@code n} layers (default 0). */
        public Builder frozenLayers(int n) {
            frozenLayers = n;
            return this;
        }

        /** Validates and builds. */
        public GleConfig build() {
            return new GleConfig(inputs, layers, dt, beta, gamma, prospectiveErrors, loss, learnTau, stateMode,
                    tauMin == null ? dt : tauMin, tauMax, bias, staticSteps, frozenLayers);
        }
    }
}
