package org.plasticity.data;

import java.util.Objects;

/**
 * One mini-batch: {@code size} samples of {@code featureCount} floats stored row-major in
 * {@link #features()}, and their integer class labels.
 *
 * <p>The arrays may be buffers reused by the iterator that produced the batch: consume a batch
 * before asking for the next one, or {@link #copy()} it.
 *
 * @param features row-major {@code [size × featureCount]} values (length ≥ size·featureCount)
 * @param labels class index per sample (length ≥ size)
 * @param size number of samples in this batch (the last batch of an epoch may be short)
 * @param featureCount values per sample
 */
public record Batch(float[] features, int[] labels, int size, int featureCount) {

    /** Validates the shape. */
    public Batch {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(labels, "labels");
        if (size < 0 || featureCount <= 0) {
            throw new IllegalArgumentException("bad batch shape: size=" + size + ", featureCount=" + featureCount);
        }
        if (features.length < (long) size * featureCount || labels.length < size) {
            throw new IllegalArgumentException("batch buffers too small for " + size + "×" + featureCount);
        }
    }

    /** Feature {@code j} of sample {@code i}. */
    public float get(int i, int j) {
        return features[i * featureCount + j];
    }

    /** A copy whose arrays are exactly sized and owned by the caller. */
    public Batch copy() {
        float[] f = java.util.Arrays.copyOf(features, size * featureCount);
        int[] l = java.util.Arrays.copyOf(labels, size);
        return new Batch(f, l, size, featureCount);
    }

    @Override
    public String toString() {
        return "Batch[" + size + "×" + featureCount + "]";
    }
}
