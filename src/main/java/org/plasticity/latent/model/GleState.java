package org.plasticity.latent.model;

import java.util.Arrays;
import org.plasticity.train.LearnerState;

/**
 * The dynamic variables of a GLE network for {@code rows} parallel samples (spec §2.3), each {@code [rows × n]}
 * row-major: per layer the membrane potential u, the error neuron's low-pass v, the rate r = φ(ǔ) and φ′(ǔ) of the
 * last step, the error {@code W_ℓᵀ e_ℓ} the layer sent down in the last step, and the output error β·ε that the loss
 * of the last step's output produced (it enters the top layer at the next step: a signal moves one layer per step).
 * Plus per-step scratch (input, errors, currents), allocated once per row count so that a step allocates nothing.
 *
 * <p>All zero is rest. {@link #toLearnerState()} / {@link #restore} carry the dynamic variables through a checkpoint.
 */
public final class GleState {

    private final GleConfig config;
    private int rows;
    final float[][] u;
    final float[][] v;
    final float[][] r;
    final float[][] rp;
    float[][] eDown;
    float[][] eDownNext;
    float[] outErr;
    // scratch
    final float[][] e;
    final float[][] s;
    final float[][] udot;
    final float[][] uc;
    float[] input;
    float[] lossErr;
    float[] outSum;
    float[] target;

    /**
     * A state at rest.
     *
     * @param config the network's configuration
     * @param rows parallel samples
     */
    public GleState(GleConfig config, int rows) {
        this.config = config;
        int depth = config.depth();
        u = new float[depth][];
        v = new float[depth][];
        r = new float[depth][];
        rp = new float[depth][];
        eDown = new float[depth][];
        eDownNext = new float[depth][];
        e = new float[depth][];
        s = new float[depth][];
        udot = new float[depth][];
        uc = new float[depth][];
        allocate(rows);
    }

    private void allocate(int n) {
        this.rows = n;
        for (int l = 0; l < config.depth(); l++) {
            int k = config.size(l) * n;
            u[l] = new float[k];
            v[l] = new float[k];
            r[l] = new float[k];
            rp[l] = new float[k];
            eDown[l] = new float[config.fanIn(l) * n];
            eDownNext[l] = new float[config.fanIn(l) * n];
            e[l] = new float[k];
            s[l] = new float[k];
            udot[l] = new float[k];
            uc[l] = new float[k];
        }
        outErr = new float[config.outputs() * n];
        lossErr = new float[config.outputs() * n];
        outSum = new float[config.outputs() * n];
        input = new float[config.inputs() * n];
        target = new float[config.outputs() * n];
    }

    /** The step's input buffer ({@code [rows × inputs]}, live): fill it before {@link GleDynamics#step}. */
    public float[] inputBuffer() {
        return input;
    }

    /** A float-target buffer of the step ({@code [rows × outputs]}, live). */
    public float[] targetBuffer() {
        return target;
    }

    /** Parallel samples. */
    public int rows() {
        return rows;
    }

    /** The configuration. */
    public GleConfig config() {
        return config;
    }

    /** Back to rest (all dynamic variables zero). */
    public void reset() {
        for (int l = 0; l < config.depth(); l++) {
            Arrays.fill(u[l], 0f);
            Arrays.fill(v[l], 0f);
            Arrays.fill(r[l], 0f);
            Arrays.fill(rp[l], 0f);
            Arrays.fill(eDown[l], 0f);
        }
        Arrays.fill(outErr, 0f);
    }

    /**
     * Changes the number of parallel samples. Rows kept keep their state; new rows copy the existing rows cyclically
     * (row i takes row i mod old), so a carried state stays a state the network has been in (the authors' code tiles
     * the same way). No-op when the count is unchanged.
     *
     * @param n new row count (≥ 1)
     */
    public void resize(int n) {
        if (n == rows) {
            return;
        }
        if (n < 1) {
            throw new IllegalArgumentException("a state needs at least one row, got " + n);
        }
        int old = rows;
        float[][][] keep = {u, v, r, rp, eDown};
        int[] widths = new int[config.depth()];
        float[][][] saved = new float[keep.length][config.depth()][];
        for (int a = 0; a < keep.length; a++) {
            for (int l = 0; l < config.depth(); l++) {
                saved[a][l] = keep[a][l];
            }
        }
        float[] savedOut = outErr;
        allocate(n);
        float[][][] now = {u, v, r, rp, eDown};
        for (int a = 0; a < now.length; a++) {
            for (int l = 0; l < config.depth(); l++) {
                widths[l] = a == 4 ? config.fanIn(l) : config.size(l);
                tile(saved[a][l], now[a][l], widths[l], old, n);
            }
        }
        tile(savedOut, outErr, config.outputs(), old, n);
    }

    private static void tile(float[] src, float[] dst, int width, int oldRows, int newRows) {
        for (int i = 0; i < newRows; i++) {
            System.arraycopy(src, (i % oldRows) * width, dst, i * width, width);
        }
    }

    /** The rates of layer {@code l} after the last step ({@code [rows × n_l]}, live). */
    public float[] rates(int l) {
        return r[l];
    }

    /** The membrane potentials of layer {@code l} (live). */
    public float[] potentials(int l) {
        return u[l];
    }

    /** The errors e of layer {@code l} in the last step (live; zero when errors were off). */
    public float[] errors(int l) {
        return e[l];
    }

    /** The output rates after the last step (live). */
    public float[] output() {
        return r[config.depth() - 1];
    }

    /** The output rates summed over the steps since {@link #clearOutputSum()} (live). */
    public float[] outputSum() {
        return outSum;
    }

    /** Zeroes the output sum. */
    public void clearOutputSum() {
        Arrays.fill(outSum, 0f);
    }

    /** The dynamic variables as checkpoint entries (scratch is not part of the state). */
    public LearnerState toLearnerState() {
        LearnerState.Builder b = LearnerState.builder().putLong("rows", rows);
        for (int l = 0; l < config.depth(); l++) {
            b.put(l + ".u", u[l]).put(l + ".v", v[l]).put(l + ".r", r[l]).put(l + ".rp", rp[l]).put(l + ".e_down", eDown[l]);
        }
        return b.put("out_err", outErr).build();
    }

    /**
     * Restores {@link #toLearnerState()}; an empty state leaves this state as it is.
     *
     * @param st saved entries
     * @throws IllegalStateException when the saved state belongs to another network shape
     */
    public void restore(LearnerState st) {
        if (st.isEmpty() || !st.has("rows")) {
            return;
        }
        int n = (int) st.longValue("rows", rows);
        if (n != rows) {
            allocate(n);
        }
        for (int l = 0; l < config.depth(); l++) {
            copy(st, l + ".u", u[l]);
            copy(st, l + ".v", v[l]);
            copy(st, l + ".r", r[l]);
            copy(st, l + ".rp", rp[l]);
            copy(st, l + ".e_down", eDown[l]);
        }
        copy(st, "out_err", outErr);
    }

    private static void copy(LearnerState st, String name, float[] dst) {
        float[] a = st.floats(name);
        if (a == null || a.length != dst.length) {
            throw new IllegalStateException("saved GLE state entry '" + name + "' has " + (a == null ? "no values" : a.length
                    + " values") + ", this network needs " + dst.length + ": the checkpoint belongs to another network");
        }
        System.arraycopy(a, 0, dst, 0, a.length);
    }
}
