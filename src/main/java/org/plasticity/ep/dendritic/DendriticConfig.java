package org.plasticity.ep.dendritic;

import java.util.Arrays;
import java.util.Locale;
import org.plasticity.ep.model.Activation;
import org.plasticity.ep.model.WeightInit;

/**
 * Everything that defines a {@link DendriticNetwork} (the phases, β and the estimator belong to the learner).
 * Immutable; {@code withX} returns a copy. The formulation and its options are the spec's
 * ({@code ep-family.md} §2.3 and §2.6); the defaults are the spec's reconstruction:
 *
 * <ul>
 *   <li>{@link Reading#STATE_BRANCHES} (§2.3): every branch is a state variable of Φ with bilinear, symmetric
 *       couplings, updated like a soma, {@code d ← ρ_d(∂Φ/∂d)}; {@link Reading#FUNCTION_BRANCHES} is the spec's
 *       alternative reading (i): branches are functions {@code ρ_d(W·s + b)} of the presynaptic somata, not states
 *       (Φ is then not bilinear and the rule needs {@code ρ_d'}).</li>
 *   <li>{@link Sparsity#MASK}: "branch sparsity 0.5" read as a fixed random connectivity mask, each branch wired to
 *       exactly {@code round(density · fan-in)} presynaptic units drawn from the run seed;
 *       {@link Sparsity#GATE} is the alternative reading (iii): dense branches, each gated off per sample and batch
 *       with probability {@code 1 − density} (inverted-dropout scaling 1/density while training, every branch at
 *       evaluation).</li>
 * </ul>
 *
 * @param inputSize input units (784 for MNIST)
 * @param somas somata per hidden layer (the layer count is the depth)
 * @param classes output units (point neurons, MSE)
 * @param basal basal branches per soma B (8 in the paper), fed by the layer below
 * @param apical apical branches per soma A (2 in the paper), fed by the layer above (top-down), may be 0
 * @param density fraction of presynaptic units a branch connects to (mask) or keeps (gate); 0.5 in the paper
 * @param reading branches as states (§2.3) or as functions (reading i)
 * @param sparsity connectivity mask or per-sample gate (reading iii)
 * @param somaActivation ρ of the somata
 * @param branchActivation bounded ρ_d of the branches
 * @param outputActivation ρ of the output neurons
 * @param init weight initialisation (fan-in = synapses per branch, branches per soma)
 * @param initScale multiplier on the initial weights and biases
 * @param maskGradients whether the connectivity mask is applied to the weight updates (always, except the ablation
 *     that shows what a missing mask does)
 */
public record DendriticConfig(int inputSize, int[] somas, int classes, int basal, int apical, double density, Reading reading,
        Sparsity sparsity, Activation somaActivation, Activation branchActivation, Activation outputActivation,
        WeightInit init, double initScale, boolean maskGradients) {

    /** What a branch is. */
    public enum Reading {
        /** §2.3: branches are state variables with bilinear symmetric couplings (the default). */
        STATE_BRANCHES,
        /** Reading (i): branches are non-stateful functions {@code ρ_d(W·s + b)} of the presynaptic somata. */
        FUNCTION_BRANCHES;

        @Override
        public String toString() {
            return this == STATE_BRANCHES ? "state-branches" : "function-branches";
        }
    }

    /** What "branch sparsity" means. */
    public enum Sparsity {
        /** A fixed random connectivity mask per branch, drawn from the run seed (the default). */
        MASK,
        /** Reading (iii): dense branches gated off at random per sample and batch (dropout-like). */
        GATE;

        @Override
        public String toString() {
            return this == MASK ? "mask" : "gate";
        }
    }

    /** Validates. */
    public DendriticConfig {
        somas = somas == null ? new int[0] : somas.clone();
        if (inputSize < 1 || classes < 2 || somas.length < 1 || Arrays.stream(somas).anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("a dendritic network needs ≥ 1 input, ≥ 1 hidden layer of ≥ 1 soma and ≥ 2"
                    + " classes; got input " + inputSize + ", somas " + Arrays.toString(somas) + ", classes " + classes);
        }
        if (basal < 1 || apical < 0) {
            throw new IllegalArgumentException("need ≥ 1 basal and ≥ 0 apical branches per soma, got " + basal + ", " + apical);
        }
        if (!(density > 0 && density <= 1)) {
            throw new IllegalArgumentException("branch density must be in (0, 1], got " + density);
        }
        if (reading == null || sparsity == null || somaActivation == null || branchActivation == null
                || outputActivation == null || init == null) {
            throw new IllegalArgumentException("dendritic config fields must not be null");
        }
        if (!(initScale > 0) || Double.isInfinite(initScale)) {
            throw new IllegalArgumentException("initScale must be finite and > 0, got " + initScale);
        }
        if (branchActivation == Activation.IDENTITY) {
            throw new IllegalArgumentException("the branch activation must be bounded (P-EP needs bounded states), got "
                    + branchActivation);
        }
    }

    /**
     * The spec's defaults (§2.3, §2.6): 8 basal and 2 apical branches per soma, density 0.5, branches as states,
     * a fixed mask, ρ = {@code mysig} everywhere (bounded; the project's MLP EP recipes use it), PyTorch init.
     *
     * @param inputSize input units
     * @param classes output units
     * @param somas somata per hidden layer
     * @return the configuration
     */
    public static DendriticConfig of(int inputSize, int classes, int... somas) {
        return new DendriticConfig(inputSize, somas, classes, 8, 2, 0.5, Reading.STATE_BRANCHES, Sparsity.MASK,
                Activation.MY_SIGMOID, Activation.MY_SIGMOID, Activation.MY_SIGMOID, WeightInit.PYTORCH_DEFAULT, 1.0, true);
    }

    /** Somata per hidden layer (a copy). */
    @Override
    public int[] somas() {
        return somas.clone();
    }

    /** Number of hidden layers. */
    public int depth() {
        return somas.length;
    }

    /** Somata of hidden layer {@code l} (0-based). */
    public int somas(int l) {
        return somas[l];
    }

    /** Units below hidden layer {@code l}: the input or the previous somata. */
    public int below(int l) {
        return l == 0 ? inputSize : somas[l - 1];
    }

    /** Units above hidden layer {@code l}: the next somata or the output. */
    public int above(int l) {
        return l == somas.length - 1 ? classes : somas[l + 1];
    }

    /** Synapses per branch on {@code fanIn} presynaptic units: all of them for a gate, {@code round(density·fanIn)} ≥ 1 for a mask. */
    public int synapses(int fanIn) {
        return sparsity == Sparsity.GATE ? fanIn : Math.max(1, (int) Math.round(density * fanIn));
    }

    /** A copy with B basal and A apical branches per soma. */
    public DendriticConfig withBranches(int b, int a) {
        return new DendriticConfig(inputSize, somas, classes, b, a, density, reading, sparsity, somaActivation, branchActivation,
                outputActivation, init, initScale, maskGradients);
    }

    /** A copy with another density. */
    public DendriticConfig withDensity(double d) {
        return new DendriticConfig(inputSize, somas, classes, basal, apical, d, reading, sparsity, somaActivation,
                branchActivation, outputActivation, init, initScale, maskGradients);
    }

    /** A copy with another reading of what a branch is. */
    public DendriticConfig withReading(Reading r) {
        return new DendriticConfig(inputSize, somas, classes, basal, apical, density, r, sparsity, somaActivation,
                branchActivation, outputActivation, init, initScale, maskGradients);
    }

    /** A copy with another reading of "sparsity". */
    public DendriticConfig withSparsity(Sparsity s) {
        return new DendriticConfig(inputSize, somas, classes, basal, apical, density, reading, s, somaActivation,
                branchActivation, outputActivation, init, initScale, maskGradients);
    }

    /** A copy with one activation for somata, branches and outputs. */
    public DendriticConfig withActivation(Activation a) {
        return new DendriticConfig(inputSize, somas, classes, basal, apical, density, reading, sparsity, a, a, a, init,
                initScale, maskGradients);
    }

    /** A copy with separate soma, branch and output activations. */
    public DendriticConfig withActivations(Activation soma, Activation branch, Activation output) {
        return new DendriticConfig(inputSize, somas, classes, basal, apical, density, reading, sparsity, soma, branch, output,
                init, initScale, maskGradients);
    }

    /** A copy with another initialisation. */
    public DendriticConfig withInit(WeightInit i, double scale) {
        return new DendriticConfig(inputSize, somas, classes, basal, apical, density, reading, sparsity, somaActivation,
                branchActivation, outputActivation, i, scale, maskGradients);
    }

    /**
     * A copy whose weight updates ignore (false) or respect (true) the connectivity mask: false is the ablation of
     * the tests and the GDU chart (EP's Hebbian contrast then moves absent synapses), never a training setting.
     */
    public DendriticConfig withMaskedGradients(boolean on) {
        return new DendriticConfig(inputSize, somas, classes, basal, apical, density, reading, sparsity, somaActivation,
                branchActivation, outputActivation, init, initScale, on);
    }

    /** The layer sizes as {@code 784-100d-10}. */
    public String sizes() {
        StringBuilder sb = new StringBuilder().append(inputSize);
        for (int n : somas) {
            sb.append('-').append(n).append('d');
        }
        return sb.append('-').append(classes).toString();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "DendriticEP[%s, B=%d A=%d, density %s (%s), %s, ρ=%s/branch %s/out %s, init=%s%s%s]",
                sizes(), basal, apical, density, sparsity, reading, somaActivation, branchActivation, outputActivation, init,
                initScale == 1 ? "" : "×" + initScale, maskGradients ? "" : ", UNMASKED UPDATES (ablation)");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DendriticConfig c && toString().equals(c.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
