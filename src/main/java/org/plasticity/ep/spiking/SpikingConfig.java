package org.plasticity.ep.spiking;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.plasticity.ep.model.WeightInit;
import org.plasticity.neuron.StochasticSpikeParameters;

/**
 * The architecture and neuron settings of a {@link SpikingNetwork} (stochastic spiking EP; spec ep-family
 * §3): analog input → fully connected hidden layers of stochastic spiking neurons → an output layer of
 * {@code classes × perClass} stochastic neurons (output inflation, read out as the group mean).
 *
 * @param inputSize values per sample of the analog input (784 for MNIST)
 * @param hidden sizes of the hidden layers (1FC: [512], 2FC: [512, 512])
 * @param classes number of classes
 * @param perClass output neurons per class N_perclass (paper Table 3: 10 for 1FC, 70 for 2FC)
 * @param neuron leak/Euler step λ, slope κ and firing law (Bernoulli or Poisson escape)
 * @param stochastic draw spikes (true) or pass the firing probabilities themselves between neurons (false:
 *     the mean-field deterministic network of Theorem 3.1, for checks)
 * @param clampMembrane clip ξ to the active range [0, 1/κ] after each step (our decision, as Scellier &amp;
 *     Bengio 2017 clip their states; the paper's eq. 7 does not say); false = the literal leaky step
 * @param init weight initialisation (the paper does not say; PyTorch's default)
 * @param initScale multiplier on the initial weights and biases
 */
public record SpikingConfig(int inputSize, List<Integer> hidden, int classes, int perClass, StochasticSpikeParameters neuron,
        boolean stochastic, boolean clampMembrane, WeightInit init, double initScale) {

    /** Validates and copies. */
    public SpikingConfig {
        hidden = List.copyOf(hidden);
        if (inputSize < 1 || classes < 2 || perClass < 1 || hidden.isEmpty() || hidden.stream().anyMatch(h -> h < 1)) {
            throw new IllegalArgumentException("a spiking network needs an input, ≥ 1 hidden layer of ≥ 1 unit, ≥ 2 classes and "
                    + "N_perclass ≥ 1; got " + inputSize + ", " + hidden + ", " + classes + ", " + perClass);
        }
        if (neuron == null || init == null || !(initScale > 0)) {
            throw new IllegalArgumentException("neuron parameters, an initialisation and a positive init scale are required");
        }
    }

    /**
     * The MNIST networks of the paper with their Table 3 neuron settings (λ 0.5, κ 2, Bernoulli spikes).
     *
     * @param hidden hidden layer sizes
     * @param perClass N_perclass
     * @return the configuration
     */
    public static SpikingConfig mnist(List<Integer> hidden, int perClass) {
        return new SpikingConfig(784, hidden, 10, perClass, StochasticSpikeParameters.bernoulli(0.5f, 2f), true, true,
                WeightInit.PYTORCH_DEFAULT, 1.0);
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

    /** Copy with another N_perclass. */
    public SpikingConfig withPerClass(int n) {
        return new SpikingConfig(inputSize, hidden, classes, n, neuron, stochastic, clampMembrane, init, initScale);
    }

    /** Copy with other neuron parameters. */
    public SpikingConfig withNeuron(StochasticSpikeParameters p) {
        return new SpikingConfig(inputSize, hidden, classes, perClass, p, stochastic, clampMembrane, init, initScale);
    }

    /** Copy with another κ. */
    public SpikingConfig withKappa(double kappa) {
        return withNeuron(neuron.withKappa((float) kappa));
    }

    /** Copy with another leak λ. */
    public SpikingConfig withLeak(double leak) {
        return withNeuron(neuron.withLeak((float) leak));
    }

    /** Copy with spikes drawn (true) or the mean-field deterministic network (false). */
    public SpikingConfig withStochastic(boolean on) {
        return new SpikingConfig(inputSize, hidden, classes, perClass, neuron, on, clampMembrane, init, initScale);
    }

    /** Copy with or without the membrane clip. */
    public SpikingConfig withClampMembrane(boolean on) {
        return new SpikingConfig(inputSize, hidden, classes, perClass, neuron, stochastic, on, init, initScale);
    }

    /** Copy with another init scale. */
    public SpikingConfig withInitScale(double s) {
        return new SpikingConfig(inputSize, hidden, classes, perClass, neuron, stochastic, clampMembrane, init, s);
    }

    /** Copy with other sizes (tests, small nets). */
    public SpikingConfig withSizes(int input, List<Integer> hiddenSizes, int nClasses) {
        return new SpikingConfig(input, hiddenSizes, nClasses, perClass, neuron, stochastic, clampMembrane, init, initScale);
    }

    @Override
    public String toString() {
        String arch = inputSize + "-" + hidden.stream().map(String::valueOf).collect(Collectors.joining("-")) + "-"
                + outputSize() + "(" + classes + "×" + perClass + ")";
        return String.format(Locale.ROOT, "SpikingEP[%s, λ=%s, κ=%s, %s, %s, %s, init=%s×%s]", arch, neuron.leak(),
                neuron.kappa(), neuron.firing() == StochasticSpikeParameters.Firing.BERNOULLI ? "bernoulli"
                        : "poisson-escape(Δt=" + neuron.dt() + ")",
                stochastic ? "stochastic" : "mean-field", clampMembrane ? "ξ clipped to [0,1/κ]" : "ξ unclipped", init,
                initScale);
    }
}
