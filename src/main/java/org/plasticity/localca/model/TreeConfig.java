package org.plasticity.localca.model;

import java.util.List;
import java.util.Locale;
import org.plasticity.tensor.FloatKernels;

/**
 * The architecture of a compartmental dendritic network: one layer of neurons, each a regular tree
 * soma ← {@code branchFactors[0]} branches ← {@code branchFactors[1]} sub-branches ..., whose
 * non-soma compartments receive TopK-sparse excitatory and inhibitory synapses from the input,
 * and a linear decoder on the somata.
 *
 * <p>Defaults ({@link #headline()}) are the paper's headline runs (spec localca-gle.md §1.2): 784
 * inputs, 128 neurons, branch factors [3, 3] (13 compartments per neuron), K_E = 40, K_I = 20,
 * shunting core, parametric-tanh reactivation on (m = 1.5, b = 0.5), softplus synapses, 10 classes.
 *
 * @param inputSize presynaptic inputs per compartment row (784 for MNIST)
 * @param neurons number of neurons (= somata)
 * @param branchFactors children per compartment, soma outwards; at least one level
 * @param excitatorySynapses K_E, active excitatory synapses per non-soma compartment
 * @param inhibitorySynapses K_I, active inhibitory synapses per non-soma compartment (0 = none)
 * @param classes decoder outputs
 * @param core shunting (Eq. 3) or additive control
 * @param reactivation per-compartment parametric tanh r = (tanh(m(V − b)) + 1)/2 (else r = V)
 * @param reactivationSlope initial m
 * @param reactivationOffset initial b
 * @param synapseTransform positive parameterisation of synaptic conductances
 * @param threads worker threads for the batched kernels (does not change results)
 * @param kernels the float kernels of the hot loops: with the Vector-API kernels (the default when the JVM
 *     loads {@code jdk.incubator.vector}) the eligibility dot products and the reactivation logistic run on
 *     them; with {@link FloatKernels#scalar()} LocalCA keeps its own scalar loops, whose results do not
 *     depend on the CPU's vector width. The two agree to float rounding, not bit for bit.
 */
public record TreeConfig(int inputSize, int neurons, List<Integer> branchFactors, int excitatorySynapses,
        int inhibitorySynapses, int classes, Core core, boolean reactivation, double reactivationSlope,
        double reactivationOffset, SynapseTransform synapseTransform, int threads, FloatKernels kernels) {

    /** Validates; copies the branch factors; null kernels mean {@link FloatKernels#get()}. */
    public TreeConfig {
        if (kernels == null) {
            kernels = FloatKernels.get();
        }
        if (inputSize < 1) {
            throw new IllegalArgumentException("inputSize must be ≥ 1, got " + inputSize);
        }
        if (neurons < 1) {
            throw new IllegalArgumentException("neurons must be ≥ 1, got " + neurons);
        }
        if (branchFactors == null || branchFactors.isEmpty()) {
            throw new IllegalArgumentException("branchFactors needs at least one level (the soma has no synapses), "
                    + "e.g. List.of(3, 3)");
        }
        branchFactors = List.copyOf(branchFactors);
        for (int b : branchFactors) {
            if (b < 1) {
                throw new IllegalArgumentException("branch factors must be ≥ 1, got " + branchFactors);
            }
        }
        if (excitatorySynapses < 1 || excitatorySynapses > inputSize) {
            throw new IllegalArgumentException("excitatorySynapses (K_E) must be in [1, inputSize=" + inputSize
                    + "], got " + excitatorySynapses);
        }
        if (inhibitorySynapses < 0 || inhibitorySynapses > inputSize) {
            throw new IllegalArgumentException("inhibitorySynapses (K_I) must be in [0, inputSize=" + inputSize
                    + "], got " + inhibitorySynapses);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be ≥ 2, got " + classes);
        }
        if (core == null || synapseTransform == null) {
            throw new IllegalArgumentException("core and synapseTransform must not be null");
        }
        if (!(reactivationSlope > 0) || !(reactivationOffset > 0)) {
            throw new IllegalArgumentException("reactivation slope and offset must be > 0 (they are stored as logs), got m="
                    + reactivationSlope + ", b=" + reactivationOffset);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        }
    }

    /** A configuration with the default kernels ({@link FloatKernels#get()}). */
    public TreeConfig(int inputSize, int neurons, List<Integer> branchFactors, int excitatorySynapses,
            int inhibitorySynapses, int classes, Core core, boolean reactivation, double reactivationSlope,
            double reactivationOffset, SynapseTransform synapseTransform, int threads) {
        this(inputSize, neurons, branchFactors, excitatorySynapses, inhibitorySynapses, classes, core, reactivation,
                reactivationSlope, reactivationOffset, synapseTransform, threads, null);
    }

    /** The headline architecture (spec §1.2): 784 → 128 neurons [3, 3], K_E 40, K_I 20, shunting. */
    public static TreeConfig headline() {
        return new TreeConfig(784, 128, List.of(3, 3), 40, 20, 10, Core.SHUNTING, true, 1.5, 0.5,
                SynapseTransform.SOFTPLUS, 1);
    }

    /** The small sandbox of paper Table 4: 20 neurons, [3, 3], K_E 40, K_I 10. */
    public static TreeConfig sandbox() {
        return headline().withNeurons(20).withInhibitorySynapses(10);
    }

    /** Copy with another input size; K_E and K_I are capped at it (set them afterwards to change them). */
    public TreeConfig withInputSize(int v) {
        return new TreeConfig(v, neurons, branchFactors, Math.min(excitatorySynapses, Math.max(v, 1)),
                Math.min(inhibitorySynapses, Math.max(v, 0)), classes, core,
                reactivation, reactivationSlope, reactivationOffset, synapseTransform, threads, kernels);
    }

    /** Copy with another number of neurons. */
    public TreeConfig withNeurons(int v) {
        return new TreeConfig(inputSize, v, branchFactors, excitatorySynapses, inhibitorySynapses, classes, core,
                reactivation, reactivationSlope, reactivationOffset, synapseTransform, threads, kernels);
    }

    /** Copy with other branch factors, e.g. {@code withBranchFactors(3, 3, 3)}. */
    public TreeConfig withBranchFactors(Integer... v) {
        return new TreeConfig(inputSize, neurons, List.of(v), excitatorySynapses, inhibitorySynapses, classes, core,
                reactivation, reactivationSlope, reactivationOffset, synapseTransform, threads, kernels);
    }

    /** Copy with another K_E. */
    public TreeConfig withExcitatorySynapses(int v) {
        return new TreeConfig(inputSize, neurons, branchFactors, v, inhibitorySynapses, classes, core,
                reactivation, reactivationSlope, reactivationOffset, synapseTransform, threads, kernels);
    }

    /** Copy with another K_I. */
    public TreeConfig withInhibitorySynapses(int v) {
        return new TreeConfig(inputSize, neurons, branchFactors, excitatorySynapses, v, classes, core,
                reactivation, reactivationSlope, reactivationOffset, synapseTransform, threads, kernels);
    }

    /** Copy with another number of classes. */
    public TreeConfig withClasses(int v) {
        return new TreeConfig(inputSize, neurons, branchFactors, excitatorySynapses, inhibitorySynapses, v, core,
                reactivation, reactivationSlope, reactivationOffset, synapseTransform, threads, kernels);
    }

    /** Copy with another core. */
    public TreeConfig withCore(Core v) {
        return new TreeConfig(inputSize, neurons, branchFactors, excitatorySynapses, inhibitorySynapses, classes, v,
                reactivation, reactivationSlope, reactivationOffset, synapseTransform, threads, kernels);
    }

    /** Copy with reactivation on or off. */
    public TreeConfig withReactivation(boolean v) {
        return new TreeConfig(inputSize, neurons, branchFactors, excitatorySynapses, inhibitorySynapses, classes, core,
                v, reactivationSlope, reactivationOffset, synapseTransform, threads, kernels);
    }

    /** Copy with other initial reactivation slope m and offset b. */
    public TreeConfig withReactivationInit(double m, double b) {
        return new TreeConfig(inputSize, neurons, branchFactors, excitatorySynapses, inhibitorySynapses, classes, core,
                reactivation, m, b, synapseTransform, threads, kernels);
    }

    /** Copy with another synapse transform. */
    public TreeConfig withSynapseTransform(SynapseTransform v) {
        return new TreeConfig(inputSize, neurons, branchFactors, excitatorySynapses, inhibitorySynapses, classes, core,
                reactivation, reactivationSlope, reactivationOffset, v, threads, kernels);
    }

    /** Copy with another thread count (results do not depend on it). */
    public TreeConfig withThreads(int v) {
        return new TreeConfig(inputSize, neurons, branchFactors, excitatorySynapses, inhibitorySynapses, classes, core,
                reactivation, reactivationSlope, reactivationOffset, synapseTransform, v, kernels);
    }

    /**
     * Copy with other kernels for the hot loops ({@link FloatKernels#scalar()} pins LocalCA's own scalar loops,
     * e.g. for results that must not depend on the CPU).
     */
    public TreeConfig withKernels(FloatKernels v) {
        return new TreeConfig(inputSize, neurons, branchFactors, excitatorySynapses, inhibitorySynapses, classes, core,
                reactivation, reactivationSlope, reactivationOffset, synapseTransform, threads, v);
    }

    /** The Vector-API kernels when they are the configured ones, else null (LocalCA's scalar loops). */
    FloatKernels vectorKernels() {
        return kernels == FloatKernels.scalar() ? null : kernels;
    }

    /** Compartments per neuron (1 + b1 + b1·b2 + ...). */
    public int compartmentsPerNeuron() {
        int total = 1;
        int width = 1;
        for (int b : branchFactors) {
            width *= b;
            total += width;
        }
        return total;
    }

    /** One line without the thread count (used in checkpoint fingerprints). */
    public String describe() {
        return String.format(Locale.ROOT, "%s %d→%d%s KE%d KI%d %s%s", core.name().toLowerCase(Locale.ROOT),
                inputSize, neurons, branchFactors, excitatorySynapses, inhibitorySynapses,
                synapseTransform.name().toLowerCase(Locale.ROOT), reactivation
                        ? String.format(Locale.ROOT, " react(m=%s,b=%s)", reactivationSlope, reactivationOffset)
                        : " linear");
    }

    @Override
    public String toString() {
        return "TreeConfig[" + describe() + ", classes=" + classes + ", threads=" + threads + "]";
    }
}
