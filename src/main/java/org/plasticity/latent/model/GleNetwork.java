package org.plasticity.latent.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.plasticity.random.Seeds;
import org.plasticity.train.Parameter;

/**
 * The parameters of a GLE network: per layer ℓ the weights {@code W_ℓ} ({@code n_ℓ × n_{ℓ−1}}, row-major), the biases
 * {@code b_ℓ} and the membrane constants τ_m (a trained {@link Parameter} when {@link GleConfig#learnTau()}, fixed
 * otherwise); the prospective constants τ_r are fixed. Effective time constants are clamped to
 * {@code [tauMin, tauMax]} (spec §2.3).
 *
 * <p>Initialisation (our decision, the PyTorch {@code nn.Linear} default the authors' layers inherit): weights and
 * biases uniform in ±1/√fan-in, from the seed's {@link Seeds#INIT} stream.
 */
public final class GleNetwork {

    private final GleConfig config;
    private final float[][] w;
    private final float[][] b;
    private final float[][] tauM;
    private final float[][] tauR;
    private final List<Parameter> parameters;
    private final float[][] gradW;
    private final float[][] gradB;
    private final float[][] gradTau;
    private final long seed;

    private GleNetwork(GleConfig config, long seed) {
        this.config = config;
        this.seed = seed;
        int depth = config.depth();
        w = new float[depth][];
        b = new float[depth][];
        tauM = new float[depth][];
        tauR = new float[depth][];
        gradW = new float[depth][];
        gradB = new float[depth][];
        gradTau = new float[depth][];
        List<Parameter> ps = new ArrayList<>();
        SplittableRandom rng = Seeds.stream(seed, Seeds.INIT, 0x61E);
        for (int l = 0; l < depth; l++) {
            int n = config.size(l);
            int fanIn = config.fanIn(l);
            double bound = 1 / Math.sqrt(fanIn);
            w[l] = new float[n * fanIn];
            for (int i = 0; i < w[l].length; i++) {
                w[l][i] = (float) ((2 * rng.nextDouble() - 1) * bound);
            }
            b[l] = new float[n];
            if (config.bias()) {
                for (int i = 0; i < n; i++) {
                    b[l][i] = (float) ((2 * rng.nextDouble() - 1) * bound);
                }
            }
            tauM[l] = config.layers().get(l).tauM();
            tauR[l] = config.layers().get(l).tauR();
            if (config.frozen(l)) {
                continue;
            }
            Parameter pw = new Parameter("W" + l, new int[] {n, fanIn}, w[l], 1.0, true);
            ps.add(pw);
            gradW[l] = pw.grad();
            if (config.bias()) {
                Parameter pb = new Parameter("b" + l, new int[] {n}, b[l], 1.0, false);
                ps.add(pb);
                gradB[l] = pb.grad();
            }
            if (config.learnTau()) {
                Parameter pt = new Parameter("tau_m" + l, new int[] {n}, tauM[l], 1.0, false);
                ps.add(pt);
                gradTau[l] = pt.grad();
            }
        }
        this.parameters = Collections.unmodifiableList(ps);
    }

    /**
     * A network with parameters drawn from {@code seed}.
     *
     * @param config the architecture and dynamics
     * @param seed initialisation seed
     * @return the network
     */
    public static GleNetwork create(GleConfig config, long seed) {
        return new GleNetwork(config, seed);
    }

    /** The configuration. */
    public GleConfig config() {
        return config;
    }

    /** The initialisation seed. */
    public long seed() {
        return seed;
    }

    /** Trainable parameters: W0, b0, (tau_m0), W1, ... in layer order (none of frozen layers). */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** The gradient slot of W_l (live), or null for a frozen layer. */
    public float[] weightGradient(int l) {
        return gradW[l];
    }

    /** The gradient slot of b_l (live), or null without biases or for a frozen layer. */
    public float[] biasGradient(int l) {
        return gradB[l];
    }

    /** The gradient slot of τ_m of layer l (live), or null when τ_m is not learned or the layer is frozen. */
    public float[] tauGradient(int l) {
        return gradTau[l];
    }

    /** The live weights of layer {@code l}. */
    public float[] weights(int l) {
        return w[l];
    }

    /** The live biases of layer {@code l} (zeros without biases). */
    public float[] biases(int l) {
        return b[l];
    }

    /** The live (unclamped) τ_m of layer {@code l}. */
    public float[] tauM(int l) {
        return tauM[l];
    }

    /** τ_r of layer {@code l} (fixed). */
    public float[] tauR(int l) {
        return tauR[l];
    }

    /** The effective τ_m of unit {@code i} of layer {@code l}: clamped to [tauMin, tauMax]. */
    public float effectiveTauM(int l, int i) {
        return clamp(tauM[l][i]);
    }

    /** Whether the τ_m of unit {@code i} of layer {@code l} sits at a clamp (its gradient is then zero). */
    public boolean tauClamped(int l, int i) {
        float t = tauM[l][i];
        return t < (float) config.tauMin() || t > (float) config.tauMax();
    }

    /** The effective τ_r of unit {@code i} of layer {@code l}. */
    public float effectiveTauR(int l, int i) {
        return Math.max((float) config.tauMin(), tauR[l][i]);
    }

    private float clamp(float t) {
        return Math.min((float) config.tauMax(), Math.max((float) config.tauMin(), t));
    }

    /** Copies every parameter value of {@code other} (same configuration) into this network. */
    public void copyFrom(GleNetwork other) {
        if (!other.config.equals(config)) {
            throw new IllegalArgumentException("networks differ in configuration: " + other.config + " vs " + config);
        }
        for (int l = 0; l < config.depth(); l++) {
            System.arraycopy(other.w[l], 0, w[l], 0, w[l].length);
            System.arraycopy(other.b[l], 0, b[l], 0, b[l].length);
            System.arraycopy(other.tauM[l], 0, tauM[l], 0, tauM[l].length);
        }
    }

    /** One line for records. */
    public String describe() {
        return config.describe() + " params=" + config.parameterCount() + " init=" + seed;
    }
}
