package org.plasticity.localca.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.plasticity.random.Seeds;
import org.plasticity.train.Parameter;

/**
 * A layer of compartmental dendritic neurons with a linear decoder (spec §1.1–1.2): the
 * parameters and the batched forward pass. Learners ({@code BackpropLearner}, the local rules)
 * read the {@link ForwardPass} and write gradients into a {@link TreeGradients}.
 *
 * <pre>{@code
 * var net = DendriticNetwork.create(TreeConfig.headline(), 42);
 * var pass = net.newPass(256);
 * net.forward(batch.features(), batch.size(), pass);   // pass.logits() now holds the outputs
 * }</pre>
 *
 * <p>Parameters ({@link Parameter}s sharing the network's storage), in the stable order of
 * {@link #parameters()}: for every non-soma layer l the
 * excitatory and inhibitory synaptic rows θ ({@code [n_l × inputSize]}, g = softplus(θ), Xavier
 * normal init) and the log dendritic conductances of its edges to the parent layer; for every
 * layer the reactivation log m and log b; the decoder weight {@code [classes × neurons]} and bias.
 */
public final class DendriticNetwork {

    private final TreeConfig config;
    private final TreeTopology topology;
    private final float[][] thetaE;
    private final float[][] thetaI;
    private final float[][] logDen;
    private final float[][] logM;
    private final float[][] logB;
    private final float[] decoderW;
    private final float[] decoderB;
    private final List<Parameter> params;
    private final ParameterGroup[] groups;
    private final int[] layerOf;
    private long initSeed;
    private final MaskCache masksE;
    private final MaskCache masksI;

    private DendriticNetwork(TreeConfig config) {
        this.config = config;
        this.topology = new TreeTopology(config.neurons(), config.branchFactors());
        int layers = topology.layers();
        int d = config.inputSize();
        thetaE = new float[layers][];
        thetaI = new float[layers][];
        logDen = new float[layers][];
        logM = new float[layers][];
        logB = new float[layers][];
        List<Parameter> ts = new ArrayList<>();
        List<ParameterGroup> gs = new ArrayList<>();
        List<Integer> ls = new ArrayList<>();
        for (int l = 1; l < layers; l++) {
            int n = topology.size(l);
            thetaE[l] = new float[n * d];
            add(ts, gs, ls, "d" + l + ".exc.theta", ParameterGroup.EXCITATORY_SYNAPSE, l, thetaE[l], new int[] {n, d});
            if (config.inhibitorySynapses() > 0) {
                thetaI[l] = new float[n * d];
                add(ts, gs, ls, "d" + l + ".inh.theta", ParameterGroup.INHIBITORY_SYNAPSE, l, thetaI[l], new int[] {n, d});
            }
            logDen[l] = new float[n];
            add(ts, gs, ls, "d" + l + ".den.logw", ParameterGroup.DENDRITIC_CONDUCTANCE, l, logDen[l], new int[] {n});
        }
        if (config.reactivation()) {
            for (int l = 0; l < layers; l++) {
                int n = topology.size(l);
                logM[l] = new float[n];
                logB[l] = new float[n];
                add(ts, gs, ls, "d" + l + ".react.logm", ParameterGroup.REACTIVATION, l, logM[l], new int[] {n});
                add(ts, gs, ls, "d" + l + ".react.logb", ParameterGroup.REACTIVATION, l, logB[l], new int[] {n});
            }
        }
        decoderW = new float[config.classes() * config.neurons()];
        decoderB = new float[config.classes()];
        add(ts, gs, ls, "decoder.W", ParameterGroup.DECODER, -1, decoderW, new int[] {config.classes(), config.neurons()});
        add(ts, gs, ls, "decoder.b", ParameterGroup.DECODER, -1, decoderB, new int[] {config.classes()});
        params = Collections.unmodifiableList(ts);
        groups = gs.toArray(new ParameterGroup[0]);
        layerOf = ls.stream().mapToInt(Integer::intValue).toArray();
        int[] rows = new int[layers];
        for (int l = 0; l < layers; l++) {
            rows[l] = topology.size(l);
        }
        masksE = new MaskCache(layers, rows, config.excitatorySynapses());
        masksI = new MaskCache(layers, rows, config.inhibitorySynapses());
    }

    private static void add(List<Parameter> ps, List<ParameterGroup> gs, List<Integer> ls, String name,
            ParameterGroup group, int layer, float[] value, int[] shape) {
        boolean decayed = group != ParameterGroup.REACTIVATION && !name.equals("decoder.b");
        ps.add(new Parameter(name, shape, value, 1.0, decayed));
        gs.add(group);
        ls.add(layer);
    }

    MaskCache excitatoryMasks() {
        return masksE;
    }

    MaskCache inhibitoryMasks() {
        return masksI;
    }

    /**
     * A freshly initialised network.
     *
     * @param config the architecture
     * @param seed initialisation seed (all draws derive from it via {@link Seeds})
     * @return the network
     */
    public static DendriticNetwork create(TreeConfig config, long seed) {
        DendriticNetwork net = new DendriticNetwork(config);
        net.initialise(seed);
        return net;
    }

    private void initialise(long seed) {
        this.initSeed = seed;
        int d = config.inputSize();
        for (int l = 1; l < topology.layers(); l++) {
            double std = Math.sqrt(2.0 / (d + topology.size(l)));
            gaussian(thetaE[l], std, Seeds.stream(seed, Seeds.INIT, l, 0));
            if (thetaI[l] != null) {
                gaussian(thetaI[l], std, Seeds.stream(seed, Seeds.INIT, l, 1));
            }
        }
        // Dendritic conductance init (spec §1.1): each child→parent conductance starts at the
        // parent's total active synaptic conductance; 1 where the parent has no synapses (soma).
        // Our decision for the additive core: 1 everywhere (the sum would saturate the reactivation).
        for (int l = 1; l < topology.layers(); l++) {
            int parentLayer = l - 1;
            for (int c = 0; c < topology.size(l); c++) {
                int p = topology.parent(l, c);
                double g = parentLayer == 0 || config.core() == Core.ADDITIVE ? 1.0 : activeConductance(parentLayer, p);
                logDen[l][c] = (float) Math.log(g);
            }
        }
        if (config.reactivation()) {
            for (int l = 0; l < topology.layers(); l++) {
                java.util.Arrays.fill(logM[l], (float) Math.log(config.reactivationSlope()));
                java.util.Arrays.fill(logB[l], (float) Math.log(config.reactivationOffset()));
            }
        }
        SplittableRandom rng = Seeds.stream(seed, Seeds.INIT, 1000);
        double bound = 1.0 / Math.sqrt(config.neurons());
        for (int i = 0; i < decoderW.length; i++) {
            decoderW[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
        }
        for (int i = 0; i < decoderB.length; i++) {
            decoderB[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
        }
    }

    private double activeConductance(int l, int c) {
        int d = config.inputSize();
        float[] scratch = new float[d];
        double sum = 0;
        int[] idx = new int[Math.max(config.excitatorySynapses(), config.inhibitorySynapses())];
        TopK.select(thetaE[l], c * d, d, config.excitatorySynapses(), idx, scratch);
        for (int k = 0; k < config.excitatorySynapses(); k++) {
            sum += config.synapseTransform().apply(thetaE[l][c * d + idx[k]]);
        }
        if (thetaI[l] != null) {
            TopK.select(thetaI[l], c * d, d, config.inhibitorySynapses(), idx, scratch);
            for (int k = 0; k < config.inhibitorySynapses(); k++) {
                sum += config.synapseTransform().apply(thetaI[l][c * d + idx[k]]);
            }
        }
        return sum;
    }

    private static void gaussian(float[] a, double std, SplittableRandom rng) {
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (rng.nextGaussian() * std);
        }
    }

    /** The seed this network was initialised with. */
    public long initSeed() {
        return initSeed;
    }

    /** The architecture. */
    public TreeConfig config() {
        return config;
    }

    /** Index arithmetic of the trees. */
    public TreeTopology topology() {
        return topology;
    }

    /**
     * All parameters in their stable order, sharing this network's storage (learning-rate scale 1; their
     * gradient slots are not used by the network).
     */
    public List<Parameter> parameters() {
        return params;
    }

    /** The component group of parameter {@code index} (in {@link #parameters()} order). */
    public ParameterGroup group(int index) {
        return groups[index];
    }

    /** The compartment layer of parameter {@code index}, −1 for the decoder. */
    public int layer(int index) {
        return layerOf[index];
    }

    /** Total number of scalar parameters. */
    public long parameterCount() {
        return params.stream().mapToLong(Parameter::size).sum();
    }

    /**
     * The parameters as trainer {@link Parameter}s sharing this network's storage, each with the
     * learning-rate scale its group gets from {@code lrScale}.
     *
     * @param lrScale multiplier on the optimizer's base rate per group
     * @return new Parameter objects (fresh gradient slots) in {@link #parameters()} order
     */
    public List<Parameter> parameters(java.util.function.ToDoubleFunction<ParameterGroup> lrScale) {
        List<Parameter> ps = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            ps.add(params.get(i).withLrScale(lrScale.applyAsDouble(groups[i])));
        }
        return List.copyOf(ps);
    }

    /** Excitatory θ of layer {@code l ≥ 1} ({@code [n_l × inputSize]}). */
    public float[] excitatoryTheta(int l) {
        return thetaE[l];
    }

    /** Inhibitory θ of layer {@code l ≥ 1}, or null when K_I = 0. */
    public float[] inhibitoryTheta(int l) {
        return thetaI[l];
    }

    /** log g^den of the edges from layer {@code l ≥ 1} to their parents. */
    public float[] logDendritic(int l) {
        return logDen[l];
    }

    /** Reactivation log m of layer {@code l}, or null without reactivation. */
    public float[] logSlope(int l) {
        return logM[l];
    }

    /** Reactivation log b of layer {@code l}, or null without reactivation. */
    public float[] logOffset(int l) {
        return logB[l];
    }

    /** Decoder weights, row-major {@code [classes × neurons]}. */
    public float[] decoderWeights() {
        return decoderW;
    }

    /** Decoder bias. */
    public float[] decoderBias() {
        return decoderB;
    }

    /** A pass buffer for batches of up to {@code capacity} samples. */
    public ForwardPass newPass(int capacity) {
        return new ForwardPass(this, capacity);
    }

    /**
     * The steady-state forward pass (paper Eq. 3 per compartment, leaves first) and the decoder.
     *
     * @param features row-major {@code [batch × inputSize]} inputs (≥ 0)
     * @param batch number of samples
     * @param pass buffers, filled in place
     */
    public void forward(float[] features, int batch, ForwardPass pass) {
        Forward.run(this, features, batch, pass);
    }

    /** Copies all parameter values from {@code other} (same architecture). */
    public void copyFrom(DendriticNetwork other) {
        if (!other.config.describe().equals(config.describe()) || other.config.classes() != config.classes()) {
            throw new IllegalArgumentException("architectures differ: " + config + " vs " + other.config);
        }
        for (int i = 0; i < params.size(); i++) {
            float[] src = other.params.get(i).value();
            System.arraycopy(src, 0, params.get(i).value(), 0, src.length);
        }
    }

    @Override
    public String toString() {
        return "DendriticNetwork[" + config.describe() + ", " + topology.totalCompartments() + " compartments, "
                + parameterCount() + " parameters]";
    }
}
