package org.plasticity.ep.model;

import org.plasticity.tensor.FloatKernels;

/**
 * The firing-rate functions ρ of the equilibrium-propagation literature, with the names used in the
 * Laborieux et al. (2021) reference code ({@code model_utils.py}).
 *
 * <p>The clamp family is {@code ρ(u) = clamp(a·u, lo, hi)}. Its derivative is {@code a} on the closed
 * interval {@code lo ≤ a·u ≤ hi} and 0 outside, so an energy-based state clipped to the boundary can
 * still move back in (Scellier &amp; Bengio 2017); {@link #derivativeFromOutput(float)} uses the open
 * interval, the convention of autograd for backprop-through-time.
 */
public enum Activation {
    /** {@code clamp(u, 0, 1)}: Scellier &amp; Bengio's ρ; the code's {@code hard_sigmoid}. */
    HARD_SIGMOID("hard_sigmoid", 1f, 0f, 1f),
    /** {@code ½·clamp(u, 0, 2) = clamp(u/2, 0, 1)}: the code's {@code my_hard_sig}, used for CIFAR-10. */
    MY_HARD_SIG("my_hard_sig", 0.5f, 0f, 1f),
    /** {@code ½·clamp(2u, −1, 1) = clamp(u, −½, ½)}: the code's {@code ctrd_hard_sig}. */
    CTRD_HARD_SIG("ctrd_hard_sig", 1f, -0.5f, 0.5f),
    /** {@code 1/(1 + exp(−4(u − ½)))}: the code's {@code my_sigmoid} ({@code mysig}), used for MNIST. */
    MY_SIGMOID("mysig", 4f, 0.5f, Float.NaN),
    /** The logistic function {@code 1/(1 + exp(−u))}. */
    SIGMOID("sigmoid", 1f, 0f, Float.NaN),
    /** {@code tanh(u)}. */
    TANH("tanh", 1f, 0f, Float.NaN),
    /** {@code u}: raw output neurons (cross-entropy without softmax read-out). */
    IDENTITY("identity", 1f, 0f, Float.NaN);

    private final String codeName;
    private final float a;
    private final float lo;
    private final float hi;

    Activation(String codeName, float a, float lo, float hi) {
        this.codeName = codeName;
        this.a = a;
        this.lo = lo;
        this.hi = hi;
    }

    /** The name in the reference code, e.g. {@code my_hard_sig}. */
    public String codeName() {
        return codeName;
    }

    /** Whether this is a piecewise-linear clamp {@code clamp(a·u, lo, hi)}. */
    public boolean isClamp() {
        return !Float.isNaN(hi);
    }

    /** Lower end of the state interval where a clamp is not saturated ({@code lo/a}); NaN for smooth ρ. */
    public float linearLow() {
        return isClamp() ? lo / a : Float.NaN;
    }

    /** Upper end of the state interval where a clamp is not saturated ({@code hi/a}); NaN for smooth ρ. */
    public float linearHigh() {
        return isClamp() ? hi / a : Float.NaN;
    }

    /** The values of ρ closer than this to a bound of a smooth ρ count as pinned there ({@link #isPinned}). */
    public static final float PIN_TOLERANCE = 1e-6f;

    /** The least value of ρ: {@code lo} for a clamp, 0 for the logistic family, −1 for tanh, −∞ for the identity. */
    public float lowerBound() {
        switch (this) {
            case MY_SIGMOID:
            case SIGMOID:
                return 0f;
            case TANH:
                return -1f;
            case IDENTITY:
                return Float.NEGATIVE_INFINITY;
            default:
                return lo;
        }
    }

    /** The largest value of ρ: {@code hi} for a clamp, 1 for the logistic family and tanh, +∞ for the identity. */
    public float upperBound() {
        switch (this) {
            case MY_SIGMOID:
            case SIGMOID:
            case TANH:
                return 1f;
            case IDENTITY:
                return Float.POSITIVE_INFINITY;
            default:
                return hi;
        }
    }

    /**
     * Whether an output {@code s = ρ(u)} sits at a bound of ρ, where ρ' vanishes: exactly at {@code lo} or
     * {@code hi} for a clamp, within {@link #PIN_TOLERANCE} of a bound for a smooth ρ (there ρ' is below
     * about {@code 4e-6·a}); never for the identity.
     *
     * @return −1 pinned at the lower bound, +1 at the upper bound, 0 not pinned
     */
    public int pinned(float s) {
        if (this == IDENTITY) {
            return 0;
        }
        float tol = isClamp() ? 0f : PIN_TOLERANCE;
        if (s <= lowerBound() + tol) {
            return -1;
        }
        return s >= upperBound() - tol ? 1 : 0;
    }

    /** ρ(u). */
    public float apply(float u) {
        switch (this) {
            case MY_SIGMOID:
            case SIGMOID:
                return (float) (1.0 / (1.0 + Math.exp(-a * (u - lo))));
            case TANH:
                return (float) Math.tanh(u);
            case IDENTITY:
                return u;
            default:
                return Math.min(hi, Math.max(lo, a * u));
        }
    }

    /** ρ'(u), with the closed-interval convention for clamps (see the class comment). */
    public float derivative(float u) {
        switch (this) {
            case MY_SIGMOID:
            case SIGMOID: {
                float s = apply(u);
                return a * s * (1 - s);
            }
            case TANH: {
                float t = (float) Math.tanh(u);
                return 1 - t * t;
            }
            case IDENTITY:
                return 1f;
            default: {
                float v = a * u;
                return v >= lo && v <= hi ? a : 0f;
            }
        }
    }

    /** ρ''(u): zero almost everywhere for clamps and the identity. */
    public float secondDerivative(float u) {
        switch (this) {
            case MY_SIGMOID:
            case SIGMOID: {
                float s = apply(u);
                return a * a * s * (1 - s) * (1 - 2 * s);
            }
            case TANH: {
                float t = (float) Math.tanh(u);
                return -2 * t * (1 - t * t);
            }
            default:
                return 0f;
        }
    }

    /**
     * ρ'(u) expressed through the output {@code s = ρ(u)} (what backprop-through-time stores): for a
     * clamp, {@code a} strictly inside the range and 0 on a saturated boundary.
     */
    public float derivativeFromOutput(float s) {
        switch (this) {
            case MY_SIGMOID:
            case SIGMOID:
                return a * s * (1 - s);
            case TANH:
                return 1 - s * s;
            case IDENTITY:
                return 1f;
            default:
                return s > lo && s < hi ? a : 0f;
        }
    }

    /**
     * {@code dst = ρ(src)} over {@code n} values, with the given kernels.
     *
     * @param k kernels
     * @param src pre-activations
     * @param srcOff offset in src
     * @param dst output (may be src at the same offset)
     * @param dstOff offset in dst
     * @param n count
     */
    public void apply(FloatKernels k, float[] src, int srcOff, float[] dst, int dstOff, int n) {
        switch (this) {
            case MY_SIGMOID:
            case SIGMOID:
                k.logistic(src, srcOff, dst, dstOff, n, a, lo);
                break;
            case TANH:
                k.tanh(src, srcOff, dst, dstOff, n);
                break;
            case IDENTITY:
                if (src != dst || srcOff != dstOff) {
                    System.arraycopy(src, srcOff, dst, dstOff, n);
                }
                break;
            default:
                k.clampScaled(src, srcOff, dst, dstOff, n, a, lo, hi);
        }
    }

    /** Looks an activation up by its reference-code name ({@code mysig}, {@code my_hard_sig}, ...) or enum name. */
    public static Activation byName(String name) {
        for (Activation act : values()) {
            if (act.codeName.equalsIgnoreCase(name) || act.name().equalsIgnoreCase(name)) {
                return act;
            }
        }
        if ("my_sigmoid".equalsIgnoreCase(name)) {
            return MY_SIGMOID;
        }
        throw new IllegalArgumentException("unknown activation '" + name + "'; use one of hard_sigmoid, my_hard_sig, "
                + "ctrd_hard_sig, mysig, sigmoid, tanh, identity");
    }

    @Override
    public String toString() {
        return codeName;
    }
}
