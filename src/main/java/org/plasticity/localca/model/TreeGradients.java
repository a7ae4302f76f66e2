package org.plasticity.localca.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.plasticity.train.Parameter;

/**
 * Gradient (or pseudo-gradient) buffers shaped like a network's parameters, addressed by layer.
 * Either fresh arrays ({@link #zeros}) or views of existing slots, e.g. the trainer's
 * {@code Parameter.grad()} arrays ({@link #over}).
 */
public final class TreeGradients {

    private final DendriticNetwork net;
    private final List<float[]> arrays;
    private final float[][] exc;
    private final float[][] inh;
    private final float[][] den;
    private final float[][] logM;
    private final float[][] logB;
    private final float[] decW;
    private final float[] decB;

    private TreeGradients(DendriticNetwork net, List<float[]> arrays) {
        this.net = net;
        this.arrays = List.copyOf(arrays);
        int layers = net.topology().layers();
        exc = new float[layers][];
        inh = new float[layers][];
        den = new float[layers][];
        logM = new float[layers][];
        logB = new float[layers][];
        float[] w = null;
        float[] bias = null;
        List<Parameter> ts = net.parameters();
        if (arrays.size() != ts.size()) {
            throw new IllegalArgumentException("need " + ts.size() + " gradient arrays, got " + arrays.size());
        }
        for (int i = 0; i < ts.size(); i++) {
            Parameter t = ts.get(i);
            float[] a = arrays.get(i);
            if (a.length != t.size()) {
                throw new IllegalArgumentException("gradient for " + t.name() + " has " + a.length + " values, need "
                        + t.size());
            }
            String n = t.name();
            int l = net.layer(i);
            if (n.endsWith(".exc.theta")) {
                exc[l] = a;
            } else if (n.endsWith(".inh.theta")) {
                inh[l] = a;
            } else if (n.endsWith(".den.logw")) {
                den[l] = a;
            } else if (n.endsWith(".react.logm")) {
                logM[l] = a;
            } else if (n.endsWith(".react.logb")) {
                logB[l] = a;
            } else if (n.equals("decoder.W")) {
                w = a;
            } else {
                bias = a;
            }
        }
        decW = w;
        decB = bias;
    }

    /** Fresh zero buffers for {@code net}. */
    public static TreeGradients zeros(DendriticNetwork net) {
        List<float[]> a = new ArrayList<>();
        for (Parameter t : net.parameters()) {
            a.add(new float[t.size()]);
        }
        return new TreeGradients(net, a);
    }

    /** Views of existing arrays, one per parameter of {@code net} in {@link DendriticNetwork#parameters()} order. */
    public static TreeGradients over(DendriticNetwork net, List<float[]> arrays) {
        return new TreeGradients(net, arrays);
    }

    /** The network these gradients belong to. */
    public DendriticNetwork network() {
        return net;
    }

    /** The arrays in tensor order. */
    public List<float[]> arrays() {
        return arrays;
    }

    /** Gradient of tensor {@code i} (tensor order). */
    public float[] array(int i) {
        return arrays.get(i);
    }

    /** Excitatory θ gradient of layer l ≥ 1. */
    public float[] excitatory(int l) {
        return exc[l];
    }

    /** Inhibitory θ gradient of layer l ≥ 1 (null when K_I = 0). */
    public float[] inhibitory(int l) {
        return inh[l];
    }

    /** log g^den gradient of layer l ≥ 1. */
    public float[] dendritic(int l) {
        return den[l];
    }

    /** log m gradient of layer l (null without reactivation). */
    public float[] logSlope(int l) {
        return logM[l];
    }

    /** log b gradient of layer l (null without reactivation). */
    public float[] logOffset(int l) {
        return logB[l];
    }

    /** Decoder weight gradient. */
    public float[] decoderWeights() {
        return decW;
    }

    /** Decoder bias gradient. */
    public float[] decoderBias() {
        return decB;
    }

    /** Sets every entry to zero. */
    public void clear() {
        for (float[] a : arrays) {
            Arrays.fill(a, 0f);
        }
    }

    @Override
    public String toString() {
        return "TreeGradients[" + arrays.size() + " tensors of " + net.config().describe() + "]";
    }
}
