package org.plasticity.data;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * An immutable, in-memory labelled data set: {@code n} samples of {@code featureCount} floats
 * (one contiguous row-major array, the only float copy) and one class label per sample.
 *
 * <p>Subsets made with {@link #subset(String, int[])} share nothing mutable with their parent;
 * the feature array is never modified after construction.
 */
public final class Dataset implements DataSource, org.plasticity.display.Displayable {

    private final String name;
    private final float[] features;
    private final int[] labels;
    private final int[] sampleShape;
    private final int featureCount;
    private final int classCount;

    /**
     * Creates a data set. Arrays are taken over, not copied: do not modify them afterwards.
     *
     * @param name a stable name used in result rows (e.g. {@code mnist/train})
     * @param features row-major {@code [n × prod(sampleShape)]} values
     * @param labels {@code n} class indices in {@code [0, classCount)}
     * @param sampleShape shape of one sample, e.g. {@code {1, 28, 28}} or {@code {784}}
     * @param classCount number of classes
     */
    public Dataset(String name, float[] features, int[] labels, int[] sampleShape, int classCount) {
        this.name = Objects.requireNonNull(name, "name");
        this.features = Objects.requireNonNull(features, "features");
        this.labels = Objects.requireNonNull(labels, "labels");
        this.sampleShape = sampleShape.clone();
        int d = 1;
        for (int s : sampleShape) {
            if (s <= 0) {
                throw new IllegalArgumentException(name + ": bad sample shape " + Arrays.toString(sampleShape));
            }
            d *= s;
        }
        this.featureCount = d;
        this.classCount = classCount;
        if (classCount < 1) {
            throw new IllegalArgumentException(name + ": classCount must be ≥ 1, got " + classCount);
        }
        if ((long) labels.length * d != features.length) {
            throw new IllegalArgumentException(name + ": " + features.length + " feature values do not hold "
                    + labels.length + " samples of " + d + " values");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classCount) {
                throw new IllegalArgumentException(name + ": label " + labels[i] + " of sample " + i
                        + " is outside [0, " + classCount + ")");
            }
        }
    }

    @Override
    public Dataset forEpoch(int epoch, long seed) {
        return this;
    }

    /** The data set's name. */
    public String name() {
        return name;
    }

    /** Number of samples. */
    public int size() {
        return labels.length;
    }

    /** Values per sample. */
    public int featureCount() {
        return featureCount;
    }

    /** Number of classes. */
    public int classCount() {
        return classCount;
    }

    /** Shape of one sample (a copy). */
    public int[] sampleShape() {
        return sampleShape.clone();
    }

    /** Read-only view contract: the backing row-major feature array. Do not modify it. */
    public float[] features() {
        return features;
    }

    /** Read-only view contract: the backing label array. Do not modify it. */
    public int[] labels() {
        return labels;
    }

    /** Label of sample {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** Count of samples per class. */
    public int[] classCounts() {
        int[] c = new int[classCount];
        for (int l : labels) {
            c[l]++;
        }
        return c;
    }

    /**
     * The samples at the given indices, in that order, as a new data set (one copy of those rows).
     *
     * @param subsetName name of the result
     * @param indices sample indices in {@code [0, size())}
     * @return the subset
     */
    public Dataset subset(String subsetName, int[] indices) {
        float[] f = new float[indices.length * featureCount];
        int[] l = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            System.arraycopy(features, i * featureCount, f, k * featureCount, featureCount);
            l[k] = labels[i];
        }
        return new Dataset(subsetName, f, l, sampleShape, classCount);
    }

    /** The first {@code n} samples (or all, if fewer). */
    public Dataset head(int n) {
        int m = Math.min(n, size());
        int[] idx = new int[m];
        for (int i = 0; i < m; i++) {
            idx[i] = i;
        }
        return subset(name + "[:" + m + "]", idx);
    }

    /**
     * Mini-batches in a seeded random order. The same seed always gives the same order.
     *
     * @param batchSize samples per batch (the last batch may be short)
     * @param shuffleSeed seed of the permutation
     * @return the batches of one pass; each batch reuses one buffer, consume it before the next
     */
    public Iterable<Batch> batches(int batchSize, long shuffleSeed) {
        return () -> new BatchIterator(permutation(size(), new SplittableRandom(shuffleSeed)), batchSize);
    }

    /** Mini-batches in storage order. */
    public Iterable<Batch> batchesInOrder(int batchSize) {
        int[] order = new int[size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        return () -> new BatchIterator(order, batchSize);
    }

    /** A uniformly random permutation of {@code 0..n-1} (Fisher–Yates). */
    public static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** HTML: a grid of samples per class (PNG data: URI) and the class counts. */
    @Override
    public String toHtml() {
        return DatasetHtml.dataset(this);
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ": " + size() + " samples × " + Arrays.toString(sampleShape) + ", "
                + classCount + " classes]";
    }

    /**
     * The length of a row-major {@code [rows × featureCount]} buffer, computed in long arithmetic.
     *
     * @throws IllegalArgumentException when the buffer cannot be a Java array
     */
    static int bufferLength(String name, int rows, int featureCount) {
        long n = (long) rows * featureCount;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(name + ": a batch of " + rows + " samples × " + featureCount
                    + " features needs " + n + " floats, more than a Java array holds (" + (Integer.MAX_VALUE - 8)
                    + "); use a smaller batch size");
        }
        return (int) n;
    }

    private final class BatchIterator implements Iterator<Batch> {
        private final int[] order;
        private final int batchSize;
        private final float[] xBuf;
        private final int[] yBuf;
        private int next;

        BatchIterator(int[] order, int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be ≥ 1, got " + batchSize);
            }
            this.order = order;
            this.batchSize = batchSize;
            // buffers hold the largest batch this pass can produce, never more than the data set
            int rows = Math.min(batchSize, order.length);
            this.xBuf = new float[bufferLength(name, rows, featureCount)];
            this.yBuf = new int[rows];
        }

        @Override
        public boolean hasNext() {
            return next < order.length;
        }

        @Override
        public Batch next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int b = Math.min(batchSize, order.length - next);
            for (int k = 0; k < b; k++) {
                int i = order[next + k];
                System.arraycopy(features, i * featureCount, xBuf, k * featureCount, featureCount);
                yBuf[k] = labels[i];
            }
            next += b;
            return new Batch(xBuf, yBuf, b, featureCount);
        }
    }
}
