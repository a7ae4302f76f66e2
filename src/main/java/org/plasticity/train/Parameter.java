package org.plasticity.train;

import java.util.Arrays;
import java.util.Objects;

/**
 * A named trainable tensor with its gradient slot. Learners write a descent direction into
 * {@link #grad()} (a true gradient, an EP estimate or a local-rule pseudo-gradient); the trainer's
 * {@link Optimizer} then updates {@link #value()} in place.
 *
 * <p>{@code lrScale} implements layer-wise learning rates (Laborieux et al. 2021) and per-group
 * rates (LocalCA): the effective rate is {@code schedule(epoch) · baseRate · lrScale}.
 */
public final class Parameter {

    private final String name;
    private final int[] shape;
    private final float[] value;
    private final float[] grad;
    private final double lrScale;
    private final boolean decayed;

    /**
     * @param name unique name within the model, e.g. {@code W1} or {@code leaf.exc.theta}
     * @param shape logical shape, row-major
     * @param value storage (taken over, not copied)
     * @param lrScale multiplier on the optimizer's base learning rate
     * @param decayed whether weight decay applies (false for biases and gains, by convention)
     */
    public Parameter(String name, int[] shape, float[] value, double lrScale, boolean decayed) {
        this.name = Objects.requireNonNull(name, "name");
        this.shape = shape.clone();
        this.value = Objects.requireNonNull(value, "value");
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        if (n != value.length) {
            throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " holds " + n
                    + " values, storage has " + value.length);
        }
        if (!(lrScale >= 0) || Double.isInfinite(lrScale)) {
            throw new IllegalArgumentException(name + ": lrScale must be finite and ≥ 0, got " + lrScale);
        }
        this.grad = new float[value.length];
        this.lrScale = lrScale;
        this.decayed = decayed;
    }

    /** A parameter with learning-rate scale 1 that is subject to weight decay. */
    public static Parameter of(String name, float[] value, int... shape) {
        return new Parameter(name, shape, value, 1.0, true);
    }

    /** Name, unique within a model. */
    public String name() {
        return name;
    }

    /** Logical shape (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    /** Number of scalars. */
    public int size() {
        return value.length;
    }

    /** The live values (mutated by the optimizer). */
    public float[] value() {
        return value;
    }

    /** The live gradient slot (written by the learner, read by the optimizer). */
    public float[] grad() {
        return grad;
    }

    /** Multiplier on the base learning rate. */
    public double lrScale() {
        return lrScale;
    }

    /** Whether weight decay applies. */
    public boolean decayed() {
        return decayed;
    }

    /** A copy of this parameter with another learning-rate scale, sharing the value storage. */
    public Parameter withLrScale(double scale) {
        return new Parameter(name, shape, value, scale, decayed);
    }

    /** Sets the gradient slot to zero. */
    public void zeroGrad() {
        Arrays.fill(grad, 0f);
    }

    @Override
    public String toString() {
        return "Parameter[" + name + " " + Arrays.toString(shape) + ", lr×" + lrScale + "]";
    }
}
