package org.plasticity.ep.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.ObjIntConsumer;
import org.plasticity.data.Batch;

/**
 * The batch a model has bound, and the states that live on it: a copy of the input {@code [rows ×
 * inputSize]} and of the labels, the capacity every per-batch buffer is sized for (it only grows), and a
 * pool of states (one per slot, made for the capacity, reused across batches). The bookkeeping the layered
 * families share ({@link LayeredNetwork}, the spiking and dendritic networks): each owns its model buffers
 * and resizes them when {@link #bind} reports that the capacity grew.
 *
 * @param <S> the family's state type
 */
public final class BoundBatch<S extends EpState> {

    private final int inputSize;
    private final int classes;
    private final IntFunction<S> newState;
    private final ObjIntConsumer<S> setRows;
    private final List<S> pool = new ArrayList<>();
    private int capacity;
    private int rows;
    private float[] x = new float[0];
    private int[] labels = new int[0];

    /**
     * @param inputSize features per sample the model's input layer takes
     * @param classes number of classes (labels must lie in {@code [0, classes)})
     * @param newState makes a state for a capacity (rows)
     * @param setRows sets a state's rows in use
     */
    public BoundBatch(int inputSize, int classes, IntFunction<S> newState, ObjIntConsumer<S> setRows) {
        this.inputSize = inputSize;
        this.classes = classes;
        this.newState = newState;
        this.setRows = setRows;
    }

    /**
     * Checks a batch, then copies its input and labels; on a larger batch than ever before the capacity
     * grows (the input and label buffers are reallocated and the state pool is emptied). A rejected batch
     * changes nothing.
     *
     * @param batch the batch
     * @param shape how the model describes its layers, for the error message
     * @return whether the capacity grew (the caller then resizes its own per-batch buffers to {@link #capacity()})
     * @throws IllegalArgumentException on a wrong feature count or a label outside {@code [0, classes)}
     */
    public boolean bind(Batch batch, Object shape) {
        if (batch.featureCount() != inputSize) {
            throw new IllegalArgumentException("batch has " + batch.featureCount() + " features per sample but the network's "
                    + "input layer has " + inputSize + " (" + shape + "); flatten or resize the input");
        }
        int n = batch.size();
        int[] y = batch.labels();
        for (int r = 0; r < n; r++) {
            if (y[r] < 0 || y[r] >= classes) {
                throw new IllegalArgumentException("label " + y[r] + " of sample " + r + " is outside [0, " + classes + ")");
            }
        }
        boolean grew = n > capacity;
        if (grew) {
            capacity = n;
            x = new float[n * inputSize];
            labels = new int[n];
            pool.clear();
        }
        rows = n;
        System.arraycopy(batch.features(), 0, x, 0, n * inputSize);
        System.arraycopy(y, 0, labels, 0, n);
        return grew;
    }

    /** Samples of the bound batch. */
    public int rows() {
        return rows;
    }

    /** The largest batch bound so far: the rows every per-batch buffer holds. */
    public int capacity() {
        return capacity;
    }

    /** The bound input, row-major {@code [rows × inputSize]} (the live buffer). */
    public float[] input() {
        return x;
    }

    /** The bound labels (the live buffer; the first {@link #rows()} are in use). */
    public int[] labels() {
        return labels;
    }

    /** The pooled state of {@code slot}, set to the bound rows (made on first use). */
    public S state(int slot) {
        while (pool.size() <= slot) {
            pool.add(newState.apply(Math.max(1, capacity)));
        }
        S s = pool.get(slot);
        setRows.accept(s, rows);
        return s;
    }

    /** A fresh state outside the pool, set to the bound rows. */
    public S newState() {
        S s = newState.apply(Math.max(1, capacity));
        setRows.accept(s, rows);
        return s;
    }
}
