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
    private final float[] targets;
    private final int targetCount;
    private final int timeSteps;

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
        this(name, features, labels, sampleShape, classCount, null, 0, 1);
    }

    /**
     * A regression (or teacher–student) data set: float targets per sample and no classes (every label is 0,
     * {@code classCount} 1). Arrays are taken over, not copied.
     *
     * @param name a stable name used in result rows
     * @param features row-major {@code [n × prod(sampleShape)]} inputs
     * @param targets row-major {@code [n × targetCount]} targets
     * @param sampleShape shape of one input sample
     * @param targetCount targets per sample
     * @return the data set; its batches carry {@link Batch#targets()}
     */
    public static Dataset regression(String name, float[] features, float[] targets, int[] sampleShape, int targetCount) {
        int d = 1;
        for (int v : sampleShape) {
            d *= v;
        }
        int n = d <= 0 ? 0 : features.length / d;
        return new Dataset(name, features, new int[n], sampleShape, 1, targets, targetCount, 1);
    }

    private Dataset(String name, float[] features, int[] labels, int[] sampleShape, int classCount, float[] targets,
            int targetCount, int timeSteps) {
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
        this.targets = targets;
        this.targetCount = targets == null ? 0 : targetCount;
        this.timeSteps = timeSteps;
        if (targets != null && (targetCount < 1 || (long) labels.length * targetCount != targets.length)) {
            throw new IllegalArgumentException(name + ": " + targets.length + " target values do not hold "
                    + labels.length + " samples of " + targetCount + " targets");
        }
        if (timeSteps < 1 || d % timeSteps != 0) {
            throw new IllegalArgumentException(name + ": " + timeSteps + " time steps do not divide the " + d
                    + " values of a sample");
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

    /**
     * The same samples with float targets added (regression heads, teacher–student, auxiliary outputs); the batches
     * then carry them ({@link Batch#targets()}). The array is taken over.
     *
     * @param values row-major {@code [size() × count]} targets
     * @param count targets per sample (≥ 1)
     * @return the data set
     */
    public Dataset withTargets(float[] values, int count) {
        return new Dataset(name, features, labels, sampleShape, classCount, Objects.requireNonNull(values, "values"),
                count, timeSteps);
    }

    /**
     * The same samples read as sequences of {@code steps} time steps (MNIST-1D, event frames, tokens): batches carry
     * {@link Batch#timeSteps()} and a learner reads step {@code t} of sample {@code i} at {@link Batch#offset}.
     *
     * @param steps time steps per sample; must divide {@link #featureCount()}
     * @return the data set
     */
    public Dataset withTimeSteps(int steps) {
        return new Dataset(name, features, labels, sampleShape, classCount, targets, targetCount, steps);
    }

    /** Float targets per sample (0 without targets). */
    public int targetCount() {
        return targetCount;
    }

    /** The row-major float targets, or null. Do not modify. */
    public float[] targets() {
        return targets;
    }

    /** Time steps per sample (1 = no time axis). */
    public int timeSteps() {
        return timeSteps;
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
        float[] f = new float[bufferLength(subsetName, indices.length, featureCount)];
        int[] l = new int[indices.length];
        float[] t = targets == null ? null : new float[indices.length * targetCount];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            System.arraycopy(features, i * featureCount, f, k * featureCount, featureCount);
            l[k] = labels[i];
            if (t != null) {
                System.arraycopy(targets, i * targetCount, t, k * targetCount, targetCount);
            }
        }
        return new Dataset(subsetName, f, l, sampleShape, classCount, t, targetCount, timeSteps);
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
        private final float[] tBuf;
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
            this.tBuf = targets == null ? null : new float[bufferLength(name, rows, targetCount)];
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
                if (tBuf != null) {
                    System.arraycopy(targets, i * targetCount, tBuf, k * targetCount, targetCount);
                }
            }
            next += b;
            return new Batch(xBuf, yBuf, b, featureCount, tBuf, targetCount, timeSteps);
        }
    }
}
