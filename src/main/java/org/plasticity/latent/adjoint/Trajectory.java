package org.plasticity.latent.adjoint;

import org.plasticity.latent.model.GleConfig;
import org.plasticity.latent.model.StepRecorder;

/**
 * A window of up to {@code capacity} recorded forward steps (what {@link DiscreteAdjoint} runs backwards): per step
 * and layer the input, the membrane before the step, u̇ and φ′(ǔ); per step −∂ℓ_t/∂r_L. Buffers are allocated once
 * for a row count and reused window after window.
 */
public final class Trajectory implements StepRecorder {

    private final GleConfig config;
    private final int capacity;
    private int rows;
    private int length;
    private float[][][] rIn;
    private float[][][] uOld;
    private float[][][] udot;
    private float[][][] rp;
    private float[][] lossErr;
    private final boolean[] layerSeen;

    /**
     * @param config the network's configuration
     * @param capacity steps per window (≥ 1)
     * @param rows parallel samples
     */
    public Trajectory(GleConfig config, int capacity, int rows) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a trajectory holds at least one step, got " + capacity);
        }
        this.config = config;
        this.capacity = capacity;
        this.layerSeen = new boolean[config.depth()];
        allocate(rows);
    }

    private void allocate(int n) {
        rows = n;
        int depth = config.depth();
        rIn = new float[capacity][depth][];
        uOld = new float[capacity][depth][];
        udot = new float[capacity][depth][];
        rp = new float[capacity][depth][];
        lossErr = new float[capacity][config.outputs() * n];
        for (int t = 0; t < capacity; t++) {
            for (int l = 0; l < depth; l++) {
                int k = config.size(l) * n;
                rIn[t][l] = new float[config.fanIn(l) * n];
                uOld[t][l] = new float[k];
                udot[t][l] = new float[k];
                rp[t][l] = new float[k];
            }
        }
        length = 0;
    }

    /** Empties the window, resizing it to {@code n} rows when they differ. */
    public void clear(int n) {
        if (n != rows) {
            allocate(n);
        }
        length = 0;
    }

    /** Recorded steps. */
    public int length() {
        return length;
    }

    /** Steps the window can hold. */
    public int capacity() {
        return capacity;
    }

    /** Whether no more step fits. */
    public boolean full() {
        return length == capacity;
    }

    /** Parallel samples. */
    public int rows() {
        return rows;
    }

    @Override
    public void layer(int l, float[] in, float[] u, float[] ud, float[] rpNew, int n) {
        if (n != rows) {
            throw new IllegalStateException("trajectory holds " + rows + " rows, the step has " + n + ": clear(" + n + ") first");
        }
        if (length == capacity) {
            throw new IllegalStateException("trajectory window of " + capacity + " steps is full: run the adjoint and clear it");
        }
        System.arraycopy(in, 0, rIn[length][l], 0, rIn[length][l].length);
        System.arraycopy(u, 0, uOld[length][l], 0, uOld[length][l].length);
        System.arraycopy(ud, 0, udot[length][l], 0, udot[length][l].length);
        System.arraycopy(rpNew, 0, rp[length][l], 0, rp[length][l].length);
        layerSeen[l] = true;
    }

    @Override
    public void output(float[] err, int n) {
        for (boolean seen : layerSeen) {
            if (!seen) {
                throw new IllegalStateException("the loss of a step was recorded before all of its layers");
            }
        }
        System.arraycopy(err, 0, lossErr[length], 0, lossErr[length].length);
        java.util.Arrays.fill(layerSeen, false);
        length++;
    }

    float[] input(int t, int l) {
        return rIn[t][l];
    }

    float[] potential(int t, int l) {
        return uOld[t][l];
    }

    float[] velocity(int t, int l) {
        return udot[t][l];
    }

    float[] slope(int t, int l) {
        return rp[t][l];
    }

    float[] lossError(int t) {
        return lossErr[t];
    }
}
