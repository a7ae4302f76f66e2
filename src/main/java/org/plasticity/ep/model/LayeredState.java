package org.plasticity.ep.model;

import java.util.Arrays;

/**
 * The state of a layered network for one batch: per dynamical layer {@code l} (0 = first hidden layer) a
 * block of {@link #size(int)} units per sample, stored row-major {@code [rows × size_l]} in buffers sized
 * for a capacity and reused across batches; {@link #rows()} is the batch in use. What the layered families
 * share ({@link NeuronState}, the spiking network's state); each adds its own variables, among them the
 * rates that enter Φ's couplings.
 */
public abstract class LayeredState implements EpState {

    private final int[] sizes;
    private int rows;

    /**
     * @param sizes units per sample of each dynamical layer (copied)
     */
    protected LayeredState(int[] sizes) {
        this.sizes = sizes.clone();
    }

    /** Number of dynamical layers. */
    public final int layers() {
        return sizes.length;
    }

    /** Units per sample of dynamical layer {@code l} (0 = first hidden layer). */
    public final int size(int l) {
        return sizes[l];
    }

    /** Samples in use. */
    @Override
    public final int rows() {
        return rows;
    }

    /** Sets the number of rows in use. */
    public final void rows(int n) {
        rows = n;
    }

    /**
     * The live buffer of layer {@code l}'s rates, what the couplings of Φ see (row-major; only the first
     * {@code rows · size} values are in use).
     */
    public abstract float[] rates(int l);

    /** The sizes, for {@code toString}. */
    protected final String shape() {
        return Arrays.toString(sizes);
    }
}
