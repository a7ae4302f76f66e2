package org.plasticity.ep.spiking;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.plasticity.ep.model.ConvSpec;
import org.plasticity.ep.model.Pooling;
import org.plasticity.ep.model.WeightInit;
import org.plasticity.neuron.StochasticSpikeParameters;

/**
 * The architecture and neuron settings of a {@link SpikingConvNetwork} (stochastic spiking EP with convolutional
 * layers; spec ep-family §3.2): an analog input map {@code C × H × W} → convolutional layers of stochastic spiking
 * neurons (each a pooled feature map, channel-major) → optional fully connected hidden layers → an output layer
 * of {@code classes × perClass} stochastic neurons (output inflation, read out as the group mean), every coupling
 * symmetric, neurons that talk to each other only through their spikes.
 *
 * <p>The paper's nets ({@link #mnist2c}, {@link #dvs3c}, {@link #cifar5c}) pool with max-pool, as its text says;
 * {@link #withPooling} switches every conv layer to {@link Pooling#AVG} (average pool, whose top-down adjoint is
 * nearest-neighbour upsampling scaled by 1/p²), the option the authors' earlier paper argues for (Lin et al.
 * 2024, spec §3.5 item 5).
 *
 * @param inChannels channels of the analog input (1 for MNIST)
 * @param height input height
 * @param width input width
 * @param conv the convolutional layers, at least one
 * @param hidden sizes of fully connected hidden layers after the last conv layer (empty for the paper's nets)
 * @param classes number of classes
 * @param perClass output neurons per class N_perclass (Table 3: 70 for MNIST 2C, 50 for CIFAR-10 5C / DVS 3C)
 * @param neuron leak/Euler step λ, slope κ and firing law (Bernoulli or Poisson escape)
 * @param stochastic draw spikes (true) or pass the firing probabilities themselves (false: the mean-field
 *     deterministic network of Theorem 3.1, for checks)
 * @param clampMembrane clip ξ to [0, 1/κ] after each step (our decision, as for {@link SpikingConfig})
 * @param init weight initialisation (the paper does not say; PyTorch's default, fan-in {@code Cin·k²} for convs)
 * @param initScale multiplier on the initial weights and biases
 */
public record SpikingConvConfig(int inChannels, int height, int width, List<ConvSpec> conv, List<Integer> hidden, int classes,
        int perClass, StochasticSpikeParameters neuron, boolean stochastic, boolean clampMembrane, WeightInit init,
        double initScale) {

    /** Validates (every layer must fit the map it receives) and copies. */
    public SpikingConvConfig {
        conv = List.copyOf(conv);
        hidden = List.copyOf(hidden);
        if (inChannels < 1 || height < 1 || width < 1 || conv.isEmpty() || classes < 2 || perClass < 1
                || hidden.stream().anyMatch(h -> h < 1)) {
            throw new IllegalArgumentException("a convolutional spiking network needs an input map, ≥ 1 conv layer, hidden "
                    + "layers of ≥ 1 unit, ≥ 2 classes and N_perclass ≥ 1; got " + inChannels + "×" + height + "×" + width
                    + ", " + conv + ", " + hidden + ", " + classes + ", " + perClass);
        }
        if (neuron == null || init == null || !(initScale > 0)) {
            throw new IllegalArgumentException("neuron parameters, an initialisation and a positive init scale are required");
        }
        int h = height;
        int w = width;
        for (ConvSpec c : conv) {
            if (c.convOutSize(h) < 1 || c.convOutSize(w) < 1 || c.outSize(h) < 1 || c.outSize(w) < 1) {
                throw new IllegalArgumentException("layer " + c + " does not fit a " + h + "×" + w + " map (" + conv + ")");
            }
            h = c.outSize(h);
            w = c.outSize(w);
        }
    }

    /**
     * MNIST 2C of the paper (appendix D, Table 3): 1×28×28 → conv 64 (k 5, stride 1, padding 1) → 3×3/3 max-pool
     * → conv 128 (same) → 3×3/3 max-pool → 10·N_perclass outputs; 28 → 26 → 8 → 6 → 2, so 128·2·2 = 512 spiking
     * features feed the output. λ 0.5, κ 2, Bernoulli spikes.
     *
     * @param perClass N_perclass (Table 3: 70)
     * @return the configuration
     */
    public static SpikingConvConfig mnist2c(int perClass) {
        return new SpikingConvConfig(1, 28, 28, List.of(new ConvSpec(64, 5, 1, 1, Pooling.MAX, 3),
                new ConvSpec(128, 5, 1, 1, Pooling.MAX, 3)), List.of(), 10, perClass,
                StochasticSpikeParameters.bernoulli(0.5f, 2f), true, true, WeightInit.PYTORCH_DEFAULT, 1.0);
    }

    /**
     * DVS Gesture 3C of the paper (appendix D, Table 3): 3 convs of 64 / 128 / 256 channels, k 5, stride 1, padding
     * 1, each followed by 2×2/2 max-pool, then the output; λ 0.25, κ 1, Bernoulli spikes, N_perclass 50. The paper
     * does not give the input resolution: 2 polarities × 32×32 here (32 → 30 → 15 → 13 → 6 → 4 → 2, 256·2·2 = 1024
     * features), our decision.
     *
     * @param classes gesture classes (11 in DVS Gesture)
     * @return the configuration
     */
    public static SpikingConvConfig dvs3c(int classes) {
        return new SpikingConvConfig(2, 32, 32, List.of(new ConvSpec(64, 5, 1, 1, Pooling.MAX),
                new ConvSpec(128, 5, 1, 1, Pooling.MAX), new ConvSpec(256, 5, 1, 1, Pooling.MAX)), List.of(), classes, 50,
                StochasticSpikeParameters.bernoulli(0.25f, 1f), true, true, WeightInit.PYTORCH_DEFAULT, 1.0);
    }

    /**
     * CIFAR-10 5C of the paper (Table 3: λ 0.3, κ 1, N_perclass 50) <b>with our geometry fix</b> (spec §3.5 item 6):
     * the paper's text gives 4 convs of 64 / 128 / 256 / 256 channels with kernel 5, <em>stride 2</em>, padding 2,
     * each followed by 2×2/2 max-pool, which shrinks 32 → 16 → 8 → 4 → 2 → 1 → 1 and leaves the fourth pool
     * nothing to pool. Here every conv has <em>stride 1</em> (kernel 5 with padding 2 keeps the size), so the
     * pools give 32 → 16 → 8 → 4 → 2 and 256·2·2 = 1024 features feed the output. A deviation from the paper's
     * text, flagged in the recipes' notes and the notebook.
     *
     * @param poissonEscape Poisson escape-rate spikes ("5CP", Δt = 1) instead of Bernoulli spikes
     * @return the configuration
     */
    public static SpikingConvConfig cifar5c(boolean poissonEscape) {
        List<ConvSpec> layers = new ArrayList<>();
        for (int ch : new int[] {64, 128, 256, 256}) {
            layers.add(new ConvSpec(ch, 5, 1, 2, Pooling.MAX));
        }
        return new SpikingConvConfig(3, 32, 32, layers, List.of(), 10, 50,
                poissonEscape ? StochasticSpikeParameters.poissonEscape(0.3f, 1f) : StochasticSpikeParameters.bernoulli(0.3f, 1f),
                true, true, WeightInit.PYTORCH_DEFAULT, 1.0);
    }

    /** Values per sample of the analog input, {@code C·H·W}. */
    public int inputSize() {
        return inChannels * height * width;
    }

    /** Number of output neurons, {@code classes · perClass}. */
    public int outputSize() {
        return classes * perClass;
    }

    /** Shapes of the dynamical layers: {@code {C, H, W}} per conv layer (after pooling), {@code {n}} per dense one. */
    public List<int[]> layerShapes() {
        List<int[]> out = new ArrayList<>();
        int h = height;
        int w = width;
        for (ConvSpec c : conv) {
            h = c.outSize(h);
            w = c.outSize(w);
            out.add(new int[] {c.channels(), h, w});
        }
        hidden.forEach(n -> out.add(new int[] {n}));
        out.add(new int[] {outputSize()});
        return out;
    }

    /** Units per sample of the dynamical layers: conv maps, hidden layers, then the inflated output. */
    public int[] layerSizes() {
        return layerShapes().stream().mapToInt(s -> {
            int n = 1;
            for (int v : s) {
                n *= v;
            }
            return n;
        }).toArray();
    }

    /** Copy with another N_perclass. */
    public SpikingConvConfig withPerClass(int n) {
        return new SpikingConvConfig(inChannels, height, width, conv, hidden, classes, n, neuron, stochastic, clampMembrane, init,
                initScale);
    }

    /** Copy with other neuron parameters. */
    public SpikingConvConfig withNeuron(StochasticSpikeParameters p) {
        return new SpikingConvConfig(inChannels, height, width, conv, hidden, classes, perClass, p, stochastic, clampMembrane,
                init, initScale);
    }

    /** Copy with another κ. */
    public SpikingConvConfig withKappa(double kappa) {
        return withNeuron(neuron.withKappa((float) kappa));
    }

    /** Copy with another leak λ. */
    public SpikingConvConfig withLeak(double leak) {
        return withNeuron(neuron.withLeak((float) leak));
    }

    /** Copy with spikes drawn (true) or the mean-field deterministic network (false). */
    public SpikingConvConfig withStochastic(boolean on) {
        return new SpikingConvConfig(inChannels, height, width, conv, hidden, classes, perClass, neuron, on, clampMembrane, init,
                initScale);
    }

    /** Copy with or without the membrane clip. */
    public SpikingConvConfig withClampMembrane(boolean on) {
        return new SpikingConvConfig(inChannels, height, width, conv, hidden, classes, perClass, neuron, stochastic, on, init,
                initScale);
    }

    /** Copy with another init scale. */
    public SpikingConvConfig withInitScale(double s) {
        return new SpikingConvConfig(inChannels, height, width, conv, hidden, classes, perClass, neuron, stochastic, clampMembrane,
                init, s);
    }

    /**
     * Copy with every conv layer pooled by {@code p} (same windows): {@link Pooling#AVG} is the documented option of
     * average pooling with (1/p²-scaled) nearest-neighbour upsampling as its top-down adjoint.
     */
    public SpikingConvConfig withPooling(Pooling p) {
        return new SpikingConvConfig(inChannels, height, width, conv.stream().map(c -> c.withPooling(p)).toList(), hidden,
                classes, perClass, neuron, stochastic, clampMembrane, init, initScale);
    }

    @Override
    public String toString() {
        String arch = inChannels + "x" + height + "x" + width + "-" + conv.stream().map(ConvSpec::toString)
                .collect(Collectors.joining("-")) + hidden.stream().map(h -> "-" + h).collect(Collectors.joining()) + "-"
                + outputSize() + "(" + classes + "×" + perClass + ")";
        return String.format(Locale.ROOT, "SpikingEP[%s, λ=%s, κ=%s, %s, %s, %s, init=%s×%s]", arch, neuron.leak(),
                neuron.kappa(), neuron.firing() == StochasticSpikeParameters.Firing.BERNOULLI ? "bernoulli"
                        : "poisson-escape(Δt=" + neuron.dt() + ")",
                stochastic ? "stochastic" : "mean-field", clampMembrane ? "ξ clipped to [0,1/κ]" : "ξ unclipped", init,
                initScale);
    }
}
