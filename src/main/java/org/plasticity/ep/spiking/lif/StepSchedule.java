package org.plasticity.ep.spiking.lif;

import java.util.Locale;

/**
 * An annealed step size {@code ε_t = min(1, c / t^a)} for {@code t = 1, 2, …} (O'Connor, Gavves &amp; Welling
 * 2019: the step sizes of their sigma-delta spiking EP decay as a power of the time step counted from the start
 * of the free phase; {@code a = 0} is a constant step). Immutable.
 *
 * @param c the step at {@code t = 1}, in (0, 1]
 * @param a the decay exponent, ≥ 0
 */
public record StepSchedule(double c, double a) {

    /**
     * O'Connor et al.'s best membrane step found in their convergence search, {@code ε_t = 0.843 / t^0.0923}
     * (the paper under reproduction's λ in eq. 17).
     */
    public static final StepSchedule OCONNOR_STEP = new StepSchedule(0.843, 0.0923);

    /**
     * O'Connor et al.'s best predictive-coding factor from the same search, {@code λ_t = 0.832 / t^0.584} (the
     * paper's α in eq. 17: the decoder's and encoder's smoothing factor).
     */
    public static final StepSchedule OCONNOR_ALPHA = new StepSchedule(0.832, 0.584);

    /** Validates the ranges. */
    public StepSchedule {
        if (!(c > 0 && c <= 1) || !(a >= 0) || Double.isInfinite(a)) {
            throw new IllegalArgumentException("a step schedule needs 0 < c ≤ 1 and a finite a ≥ 0; got c=" + c + ", a=" + a);
        }
    }

    /** The constant step {@code c}. */
    public static StepSchedule constant(double c) {
        return new StepSchedule(c, 0);
    }

    /**
     * The step at time step {@code t}.
     *
     * @param t the time step, 1 at the first step of a free phase
     * @return {@code min(1, c / t^a)}
     */
    public float at(int t) {
        if (t < 1) {
            throw new IllegalArgumentException("time steps count from 1, got " + t);
        }
        return (float) Math.min(1.0, a == 0 ? c : c / Math.pow(t, a));
    }

    /** Whether the step is the same at every t. */
    public boolean isConstant() {
        return a == 0;
    }

    @Override
    public String toString() {
        return a == 0 ? String.format(Locale.ROOT, "%s", c) : String.format(Locale.ROOT, "%s/t^%s", c, a);
    }
}
