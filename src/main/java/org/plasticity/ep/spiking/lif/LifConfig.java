package org.plasticity.ep.spiking.lif;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.plasticity.ep.model.WeightInit;
import org.plasticity.ep.spiking.SpikingConfig;
import org.plasticity.neuron.LifParameters;

/**
 * The architecture and neuron settings of a {@link LifNetwork}: one of the three deterministic LIF baselines of
 * the stability study (the paper's §4.1, Fig. 3 b–d) on the stochastic network's architecture (analog input →
 * fully connected hidden layers → {@code classes × perClass} outputs read out as group means). Immutable; the
 * {@code with…} methods return copies.
 *
 * @param inputSize values per sample of the analog input (784 for MNIST)
 * @param hidden sizes of the hidden layers (the study: [512])
 * @param classes number of classes
 * @param perClass output neurons per class N_perclass
 * @param kind which baseline
 * @param kappa slope κ of the rate σ(ξ) = clip(κξ, 0, 1) of {@link LifKind#SIGMA_DELTA} and
 *     {@link LifKind#STEP_SCHEDULE} (the stochastic neuron's σ, so the mean-field fixed points coincide)
 * @param step the membrane step ε_t (the paper's λ in eq. 17) of the sigma-delta baselines
 * @param alpha the predictive-coding factor α_t (eq. 17) of {@link LifKind#SIGMA_DELTA}; {@link LifKind#STEP_SCHEDULE}
 *     ignores it (α ≡ 1)
 * @param lif the EqSpike neuron: membrane decay, threshold, reset and the low-pass filter (trace decay γ)
 * @param inputGain the factor g on the drive entering the EqSpike membrane ({@code v ← decay·v + g·I})
 * @param floorAtReset keep the EqSpike membrane at or above the reset potential ({@code v ← max(v, v_reset)} after
 *     each step; <b>our choice</b>, flagged: the stochastic and sigma-delta membranes are clipped at 0 too, and without
 *     a floor an inhibited LIF membrane drifts towards {@code g·I/(1 − decay)}, −30 θ and below on MNIST, and that slow
 *     drift, not the spiking, would dominate the stability measures)
 * @param init weight initialisation (as the stochastic network: PyTorch's default)
 * @param initScale multiplier on the initial weights and biases
 */
public record LifConfig(int inputSize, List<Integer> hidden, int classes, int perClass, LifKind kind, float kappa,
        StepSchedule step, StepSchedule alpha, LifParameters lif, float inputGain, boolean floorAtReset, WeightInit init,
        double initScale) {

    /** Validates and copies. */
    public LifConfig {
        hidden = List.copyOf(hidden);
        if (inputSize < 1 || classes < 2 || perClass < 1 || hidden.isEmpty() || hidden.stream().anyMatch(h -> h < 1)) {
            throw new IllegalArgumentException("a LIF network needs an input, ≥ 1 hidden layer of ≥ 1 unit, ≥ 2 classes and "
                    + "N_perclass ≥ 1; got " + inputSize + ", " + hidden + ", " + classes + ", " + perClass);
        }
        if (kind == null || step == null || alpha == null || lif == null || init == null) {
            throw new IllegalArgumentException("kind, step schedules, LIF parameters and an initialisation are required");
        }
        if (!(kappa > 0) || Float.isInfinite(kappa) || !(inputGain > 0) || Float.isInfinite(inputGain) || !(initScale > 0)) {
            throw new IllegalArgumentException("κ, the input gain and the init scale must be finite and > 0; got " + kappa
                    + ", " + inputGain + ", " + initScale);
        }
        if (lif.refractorySteps() != 0) {
            throw new IllegalArgumentException("the EqSpike baseline has no refractory period (got " + lif.refractorySteps()
                    + " steps)");
        }
    }

    /**
     * The EqSpike neuron we use (Martin et al. 2021 give no parameters the paper repeats; <b>our choice</b>,
     * flagged): membrane decay 0.95 per step, threshold 1, hard reset to 0 (the reset the paper blames for the
     * instability), no refractory period, low-pass filter {@code ŝ ← 0.9 ŝ + 0.1 s}.
     */
    public static LifParameters eqSpikeNeuron() {
        return new LifParameters(0.95f, 1f, 0f, false, 0, 0.9f, 25f);
    }

    /**
     * A baseline on the architecture of a stochastic network (same sizes, classes, N_perclass, κ and
     * initialisation, so that {@link LifNetwork#copyParameters} can give both the same weights).
     * <ul>
     *   <li>{@link LifKind#EQSPIKE}: {@link #eqSpikeNeuron()}, input gain κ², the membrane floored at the reset
     *       potential ({@link #floorAtReset}; with gain κ² a neuron without leak and
     *       with a subtractive reset fires at the rate clip(κ²I, 0, 1) that the stochastic neuron's mean field
     *       reaches, σ(κI); with the hard reset at 1/⌈1/(κ²I)⌉, less: our choice, so that the same weights compute
     *       nearly the same function);</li>
     *   <li>{@link LifKind#SIGMA_DELTA}: O'Connor et al.'s annealed schedules {@link StepSchedule#OCONNOR_STEP}
     *       and {@link StepSchedule#OCONNOR_ALPHA};</li>
     *   <li>{@link LifKind#STEP_SCHEDULE}: the same step schedule, α ≡ 1 (no predictive coding).</li>
     * </ul>
     *
     * @param kind the baseline
     * @param like the stochastic network's configuration
     * @return the configuration
     */
    public static LifConfig of(LifKind kind, SpikingConfig like) {
        float kappa = like.neuron().kappa();
        StepSchedule alpha = kind == LifKind.SIGMA_DELTA ? StepSchedule.OCONNOR_ALPHA : StepSchedule.constant(1);
        return new LifConfig(like.inputSize(), like.hidden(), like.classes(), like.perClass(), kind, kappa,
                StepSchedule.OCONNOR_STEP, alpha, eqSpikeNeuron(), kappa * kappa, true, like.init(), like.initScale());
    }

    /** The three baselines on a stochastic network's architecture, in the paper's order (Fig. 3 b, c, d). */
    public static List<LifConfig> all(SpikingConfig like) {
        return List.of(of(LifKind.EQSPIKE, like), of(LifKind.SIGMA_DELTA, like), of(LifKind.STEP_SCHEDULE, like));
    }

    /** Number of output neurons, {@code classes · perClass}. */
    public int outputSize() {
        return classes * perClass;
    }

    /** Sizes of the dynamical layers: the hidden layers, then the output layer. */
    public int[] layerSizes() {
        int[] s = new int[hidden.size() + 1];
        for (int l = 0; l < hidden.size(); l++) {
            s[l] = hidden.get(l);
        }
        s[hidden.size()] = outputSize();
        return s;
    }

    /**
     * The range of the plotted membrane: the EqSpike threshold θ, else the active range 1/κ of σ. The
     * stability measures are in these units.
     */
    public double membraneRange() {
        return kind == LifKind.EQSPIKE ? lif.threshold() : 1.0 / kappa;
    }

    /** Copy with another membrane step schedule. */
    public LifConfig withStep(StepSchedule s) {
        return new LifConfig(inputSize, hidden, classes, perClass, kind, kappa,
                s, alpha, lif, inputGain, floorAtReset, init, initScale);
    }

    /** Copy with another predictive-coding schedule. */
    public LifConfig withAlpha(StepSchedule a) {
        return new LifConfig(inputSize, hidden, classes, perClass, kind, kappa,
                step, a, lif, inputGain, floorAtReset, init, initScale);
    }

    /** Copy with other EqSpike neuron parameters. */
    public LifConfig withLif(LifParameters p) {
        return new LifConfig(inputSize, hidden, classes, perClass, kind, kappa,
                step, alpha, p, inputGain, floorAtReset, init, initScale);
    }

    /** Copy with or without the EqSpike membrane floor at the reset potential. */
    public LifConfig withFloorAtReset(boolean on) {
        return new LifConfig(inputSize, hidden, classes, perClass, kind, kappa,
                step, alpha, lif, inputGain, on, init, initScale);
    }

    /** Copy with another EqSpike input gain. */
    public LifConfig withInputGain(double g) {
        return new LifConfig(inputSize, hidden, classes, perClass, kind, kappa,
                step, alpha, lif, (float) g, floorAtReset, init, initScale);
    }

    /** Copy with another κ. */
    public LifConfig withKappa(double k) {
        return new LifConfig(inputSize, hidden, classes, perClass, kind, (float) k,
                step, alpha, lif, inputGain, floorAtReset, init, initScale);
    }

    /** Copy with other sizes (tests, small nets). */
    public LifConfig withSizes(int input, List<Integer> hiddenSizes, int nClasses, int nPerClass) {
        return new LifConfig(input, hiddenSizes, nClasses, nPerClass, kind, kappa,
                step, alpha, lif, inputGain, floorAtReset, init, initScale);
    }

    @Override
    public String toString() {
        String arch = inputSize + "-" + hidden.stream().map(String::valueOf).collect(Collectors.joining("-")) + "-"
                + outputSize() + "(" + classes + "×" + perClass + ")";
        String neuron = switch (kind) {
            case EQSPIKE -> String.format(Locale.ROOT, "LIF decay %s, θ %s, %s%s, trace γ %s, gain %s", lif.decay(),
                    lif.threshold(), lif.subtractiveReset() ? "subtractive reset" : "reset to " + lif.resetPotential(),
                    floorAtReset ? ", v ≥ v_reset" : "",
                    lif.traceDecay(), inputGain);
            case SIGMA_DELTA -> String.format(Locale.ROOT, "κ %s, ε_t %s, α_t %s, sigma-delta", kappa, step, alpha);
            case STEP_SCHEDULE -> String.format(Locale.ROOT, "κ %s, ε_t %s, α ≡ 1, sigma-delta", kappa, step);
        };
        return String.format(Locale.ROOT, "LifEP[%s, %s, %s, init=%s×%s]", kind.name().toLowerCase(Locale.ROOT), arch, neuron,
                init, initScale);
    }
}
