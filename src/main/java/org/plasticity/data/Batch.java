package org.plasticity.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * One mini-batch of {@code size} samples.
 *
 * <p><b>Inputs</b>: {@link #features()} holds {@code featureCount} floats per sample, row-major
 * {@code [size × featureCount]}. A batch of sequences (MNIST-1D, event frames, token sequences) has a time axis:
 * {@link #timeSteps()} {@code T > 1} steps of {@link #featuresPerStep()} {@code = featureCount / T} values each,
 * stored sample-major then time-major, i.e. {@code [size × T × featuresPerStep]}: step {@code t} of sample {@code i}
 * starts at {@link #offset(int, int) offset(i, t)}. A learner that ignores the time axis sees each sequence as one
 * flat vector of {@code featureCount} values. {@code T = 1} (the default) is a batch without a time axis.
 *
 * <p><b>Targets</b>: integer class labels ({@link #labels()}, classification), float targets ({@link #targets()},
 * {@code targetCount} per sample, row-major {@code [size × targetCount]}: regression, teacher–student), or both. With a
 * time axis, per-step targets are laid out like the inputs: {@code targetCount = T × targetsPerStep}.
 *
 * <p>The arrays may be buffers reused by the iterator that produced the batch: consume a batch before asking for the
 * next one, or {@link #copy()} it.
 *
 * @param features row-major {@code [size × featureCount]} values (length ≥ size·featureCount)
 * @param labels class index per sample (length ≥ size), or null for a batch with float targets only
 * @param size number of samples in this batch (the last batch of an epoch may be short)
 * @param featureCount values per sample (all time steps)
 * @param targets row-major {@code [size × targetCount]} float targets, or null
 * @param targetCount float targets per sample (0 when {@code targets} is null)
 * @param timeSteps time steps per sample (≥ 1, divides {@code featureCount})
 */
public record Batch(float[] features, int[] labels, int size, int featureCount, float[] targets, int targetCount,
        int timeSteps) {

    /** Validates the shape. */
    public Batch {
        Objects.requireNonNull(features, "features");
        if (labels == null && targets == null) {
            throw new IllegalArgumentException("a batch needs labels, float targets or both");
        }
        if (size < 0 || featureCount <= 0) {
            throw new IllegalArgumentException("bad batch shape: size=" + size + ", featureCount=" + featureCount);
        }
        if (features.length < (long) size * featureCount || (labels != null && labels.length < size)) {
            throw new IllegalArgumentException("batch buffers too small for " + size + "×" + featureCount);
        }
        if (targets == null ? targetCount != 0
                : targetCount <= 0 || targets.length < (long) size * targetCount) {
            throw new IllegalArgumentException("float targets must hold size × targetCount = " + size + "×" + targetCount
                    + " values (targetCount 0 without targets), got " + (targets == null ? "none" : targets.length));
        }
        if (timeSteps < 1 || featureCount % timeSteps != 0) {
            throw new IllegalArgumentException("timeSteps must be ≥ 1 and divide featureCount " + featureCount + ", got "
                    + timeSteps);
        }
    }

    /**
     * A classification batch without a time axis (the form every existing learner uses).
     *
     * @param features row-major {@code [size × featureCount]} values
     * @param labels class index per sample
     * @param size samples
     * @param featureCount values per sample
     */
    public Batch(float[] features, int[] labels, int size, int featureCount) {
        this(features, labels, size, featureCount, null, 0, 1);
    }

    /** A classification batch; see {@link #Batch(float[], int[], int, int)}. */
    public static Batch classification(float[] features, int[] labels, int size, int featureCount) {
        return new Batch(features, labels, size, featureCount);
    }

    /**
     * A regression (or teacher–student) batch with float targets and no labels.
     *
     * @param features row-major {@code [size × featureCount]} inputs
     * @param targets row-major {@code [size × targetCount]} targets
     * @param size samples
     * @param featureCount inputs per sample
     * @param targetCount targets per sample
     * @return the batch
     */
    public static Batch regression(float[] features, float[] targets, int size, int featureCount, int targetCount) {
        return new Batch(features, null, size, featureCount, targets, targetCount, 1);
    }

    /**
     * The class labels.
     *
     * @throws IllegalStateException when this batch has float targets only
     */
    @Override
    public int[] labels() {
        if (labels == null) {
            throw new IllegalStateException("this batch has float targets only (" + targetCount
                    + " per sample), no class labels: use targets(), or a classification data set");
        }
        return labels;
    }

    /** Whether the batch carries class labels. */
    public boolean hasLabels() {
        return labels != null;
    }

    /** Whether the batch carries float targets. */
    public boolean hasTargets() {
        return targets != null;
    }

    /** Whether the samples are sequences ({@code timeSteps > 1}). */
    public boolean hasTimeAxis() {
        return timeSteps > 1;
    }

    /** Values per time step ({@code featureCount / timeSteps}). */
    public int featuresPerStep() {
        return featureCount / timeSteps;
    }

    /** Index in {@link #features()} of time step {@code t} of sample {@code i}. */
    public int offset(int i, int t) {
        return i * featureCount + t * featuresPerStep();
    }

    /** Feature {@code j} of sample {@code i} (flat index over all time steps). */
    public float get(int i, int j) {
        return features[i * featureCount + j];
    }

    /** Float target {@code k} of sample {@code i}. */
    public float target(int i, int k) {
        if (targets == null) {
            throw new IllegalStateException("this batch has no float targets");
        }
        return targets[i * targetCount + k];
    }

    /**
     * The same batch read as {@code steps} time steps per sample (the arrays are shared, not copied).
     *
     * @param steps time steps per sample; must divide {@link #featureCount()}
     * @return the batch with a time axis
     */
    public Batch withTimeSteps(int steps) {
        return new Batch(features, labels, size, featureCount, targets, targetCount, steps);
    }

    /**
     * The same batch with float targets added (arrays shared).
     *
     * @param values row-major {@code [size × count]} targets
     * @param count targets per sample
     * @return the batch
     */
    public Batch withTargets(float[] values, int count) {
        return new Batch(features, labels, size, featureCount, values, count, timeSteps);
    }

    /** A copy whose arrays are exactly sized and owned by the caller. */
    public Batch copy() {
        return slice(0, size);
    }

    /**
     * Samples {@code [from, to)} as a new batch with exactly sized, caller-owned arrays (e.g. the time steps between
     * two online updates).
     *
     * @param from first sample
     * @param to one past the last sample
     * @return the slice
     */
    public Batch slice(int from, int to) {
        if (from < 0 || to > size || from > to) {
            throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") of a batch of " + size);
        }
        float[] f = Arrays.copyOfRange(features, from * featureCount, to * featureCount);
        int[] l = labels == null ? null : Arrays.copyOfRange(labels, from, to);
        float[] t = targets == null ? null : Arrays.copyOfRange(targets, from * targetCount, to * targetCount);
        return new Batch(f, l, to - from, featureCount, t, targetCount, timeSteps);
    }

    @Override
    public String toString() {
        return "Batch[" + size + "×" + featureCount + (timeSteps > 1 ? " (" + timeSteps + " steps)" : "")
                + (targets != null ? ", " + targetCount + " targets" : "") + "]";
    }
}
