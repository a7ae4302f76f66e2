package org.plasticity.localca.model;

import org.plasticity.tensor.FloatKernels;

/**
 * The recorded state of one batched forward pass, as the learning rules need it (spec §1.3 step 1):
 * per compartment and sample the voltage V_n, input resistance R_n = 1/g_n^tot, output r_n, the
 * active synapses with their conductances, and the decoder's logits. Arrays are
 * compartment-major ({@code [compartment][sample]}) so that per-compartment loops over the batch
 * run over contiguous memory.
 *
 * <p>The arrays are live buffers, overwritten by the next {@link DendriticNetwork#forward}; treat
 * them as read-only.
 */
public final class ForwardPass {

    final int capacity;
    int size;
    final float[][] inputT;
    final float[][][] voltage;
    final float[][][] resistance;
    final float[][][] output;
    final int[][][] activeE;
    final int[][][] activeI;
    final float[][][] condE;
    final float[][][] condI;
    final float[][][] condSlopeE;
    final float[][][] condSlopeI;
    final float[][] dendritic;
    final float[][] slope;
    final float[][] offset;
    final float[][] logits;
    /** The network's Vector-API kernels, or null for LocalCA's scalar loops. */
    final FloatKernels vector;

    ForwardPass(DendriticNetwork net, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("pass capacity must be ≥ 1, got " + capacity);
        }
        TreeConfig cfg = net.config();
        TreeTopology topo = net.topology();
        int layers = topo.layers();
        this.capacity = capacity;
        this.vector = cfg.vectorKernels();
        inputT = new float[cfg.inputSize()][capacity];
        voltage = new float[layers][][];
        resistance = new float[layers][][];
        output = new float[layers][][];
        activeE = new int[layers][][];
        activeI = new int[layers][][];
        condE = new float[layers][][];
        condI = new float[layers][][];
        condSlopeE = new float[layers][][];
        condSlopeI = new float[layers][][];
        dendritic = new float[layers][];
        slope = new float[layers][];
        offset = new float[layers][];
        for (int l = 0; l < layers; l++) {
            int n = topo.size(l);
            voltage[l] = new float[n][capacity];
            resistance[l] = cfg.core() == Core.SHUNTING ? new float[n][capacity] : null;
            output[l] = cfg.reactivation() ? new float[n][capacity] : voltage[l];
            if (cfg.reactivation()) {
                slope[l] = new float[n];
                offset[l] = new float[n];
            }
            if (l >= 1) {
                activeE[l] = new int[n][cfg.excitatorySynapses()];
                condE[l] = new float[n][cfg.excitatorySynapses()];
                condSlopeE[l] = new float[n][cfg.excitatorySynapses()];
                activeI[l] = new int[n][cfg.inhibitorySynapses()];
                condI[l] = new float[n][cfg.inhibitorySynapses()];
                condSlopeI[l] = new float[n][cfg.inhibitorySynapses()];
                dendritic[l] = new float[n];
            }
        }
        logits = new float[capacity][cfg.classes()];
    }

    /** Samples in the last forward pass. */
    public int size() {
        return size;
    }

    /** Maximum batch size. */
    public int capacity() {
        return capacity;
    }

    /** Inputs transposed: {@code [inputSize][sample]}. */
    public float[][] inputT() {
        return inputT;
    }

    /** Voltages V of layer {@code l}: {@code [compartment][sample]}. */
    public float[][] voltage(int l) {
        return voltage[l];
    }

    /** Input resistances R = 1/g^tot of layer {@code l} (null for the additive core, where R ≡ 1). */
    public float[][] resistance(int l) {
        return resistance[l];
    }

    /** Outputs r (after reactivation; the voltage itself when reactivation is off) of layer {@code l}. */
    public float[][] output(int l) {
        return output[l];
    }

    /** Active excitatory input indices of layer {@code l ≥ 1}: {@code [compartment][K_E]}, ascending. */
    public int[][] activeExcitatory(int l) {
        return activeE[l];
    }

    /** Active inhibitory input indices of layer {@code l ≥ 1}: {@code [compartment][K_I]}. */
    public int[][] activeInhibitory(int l) {
        return activeI[l];
    }

    /** Conductances g = f(θ) of the active excitatory synapses of layer {@code l ≥ 1}. */
    public float[][] excitatoryConductance(int l) {
        return condE[l];
    }

    /** Conductances of the active inhibitory synapses of layer {@code l ≥ 1}. */
    public float[][] inhibitoryConductance(int l) {
        return condI[l];
    }

    /** Dendritic conductances g^den = exp(log w) of the edges from layer {@code l ≥ 1} to their parents. */
    public float[] dendritic(int l) {
        return dendritic[l];
    }

    /** Reactivation slopes m = exp(log m) of layer {@code l} (null without reactivation). */
    public float[] slope(int l) {
        return slope[l];
    }

    /** Reactivation offsets b = exp(log b) of layer {@code l} (null without reactivation). */
    public float[] offset(int l) {
        return offset[l];
    }

    /** Decoder outputs: {@code [sample][class]}. */
    public float[][] logits() {
        return logits;
    }

    /**
     * dr/dV of compartment {@code c} of layer {@code l} for sample {@code b}: the reactivation slope
     * 2m·r(1 − r) (1 without reactivation).
     */
    public float reactivationSlope(int l, int c, int b) {
        if (slope[l] == null) {
            return 1f;
        }
        float r = output[l][c][b];
        return 2f * slope[l][c] * r * (1f - r);
    }

    @Override
    public String toString() {
        return "ForwardPass[" + size + "/" + capacity + " samples, " + voltage.length + " layers]";
    }
}
