package org.plasticity.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.DoubleSupplier;
import org.plasticity.train.Parameter;

/**
 * Derivative checks against central finite differences, the loop every gradient test repeats: nudge one float
 * of a live buffer by ±h, evaluate a scalar function, compare {@code (f(x+h) − f(x−h)) / 2h} (divided by an
 * optional normaliser, e.g. the batch rows) with the analytic derivative. Immutable; {@code withX} returns a
 * changed copy:
 *
 * <pre>{@code
 * FiniteDifferences.of(() -> net.phi(s, beta)).step(1e-2).relative(2e-3)
 *         .check(s.rates(l), s.rows() * net.layerSize(l), net.acc(l), "layer " + l);
 * FiniteDifferences.of(() -> lossAfter(net, b, 7)).step(2e-3).tolerance(2e-3, 2e-2).every(2)
 *         .checkParameters(net.parameters(), loss.toString());
 * }</pre>
 *
 * Tolerances: {@link #relative(double) relative(r)} allows {@code r · max(1, |numeric|)}, {@link #tolerance(double,
 * double) tolerance(a, r)} allows {@code a + r · |numeric|}.
 */
public final class FiniteDifferences {

    private final DoubleSupplier f;
    private final double h;
    private final double divisor;
    private final double absolute;
    private final double relative;
    private final boolean floorAtOne;
    private final int stride;
    private final BiPredicate<Parameter, Integer> include;

    private FiniteDifferences(DoubleSupplier f, double h, double divisor, double absolute, double relative, boolean floorAtOne,
            int stride, BiPredicate<Parameter, Integer> include) {
        this.f = f;
        this.h = h;
        this.divisor = divisor;
        this.absolute = absolute;
        this.relative = relative;
        this.floorAtOne = floorAtOne;
        this.stride = stride;
        this.include = include;
    }

    /** Checks derivatives of {@code f} (step 1e-2, tolerance 2e-3 · max(1, |numeric|), every element). */
    public static FiniteDifferences of(DoubleSupplier f) {
        return new FiniteDifferences(f, 1e-2, 1, 0, 2e-3, true, 1, (p, i) -> true);
    }

    /**
     * The central difference {@code (f(x + h) − f(x − h)) / 2h} with respect to {@code values[i]}, evaluated in
     * float as the model sees it; {@code values[i]} is restored afterwards.
     */
    public static double centralDifference(float[] values, int i, double h, DoubleSupplier f) {
        float keep = values[i];
        values[i] = (float) (keep + h);
        double up = f.getAsDouble();
        values[i] = (float) (keep - h);
        double down = f.getAsDouble();
        values[i] = keep;
        return (up - down) / (2 * h);
    }

    /** The step h. */
    public FiniteDifferences step(double step) {
        return new FiniteDifferences(f, step, divisor, absolute, relative, floorAtOne, stride, include);
    }

    /** Divides every difference by {@code d} (e.g. the rows, when {@code f} sums over a batch). */
    public FiniteDifferences dividedBy(double d) {
        return new FiniteDifferences(f, h, d, absolute, relative, floorAtOne, stride, include);
    }

    /** Allows {@code r · max(1, |numeric|)}. */
    public FiniteDifferences relative(double r) {
        return new FiniteDifferences(f, h, divisor, 0, r, true, stride, include);
    }

    /** Allows {@code a + r · |numeric|}. */
    public FiniteDifferences tolerance(double a, double r) {
        return new FiniteDifferences(f, h, divisor, a, r, false, stride, include);
    }

    /** Checks every {@code n}-th element only (0, n, 2n, ...). */
    public FiniteDifferences every(int n) {
        return new FiniteDifferences(f, h, divisor, absolute, relative, floorAtOne, n, include);
    }

    /** In {@link #checkParameters}, checks only the elements {@code (parameter, index)} that pass {@code test}. */
    public FiniteDifferences only(BiPredicate<Parameter, Integer> test) {
        return new FiniteDifferences(f, h, divisor, absolute, relative, floorAtOne, stride, test);
    }

    /** The numeric derivative with respect to {@code values[i]} (divided by the divisor). */
    public double at(float[] values, int i) {
        return centralDifference(values, i, h, f) / divisor;
    }

    /** The tolerance allowed at a numeric derivative. */
    public double allowed(double numeric) {
        return floorAtOne ? relative * Math.max(1, Math.abs(numeric)) : absolute + relative * Math.abs(numeric);
    }

    /**
     * Asserts {@code analytic[i] ≈ ∂f/∂values[i]} for the selected {@code i < count}.
     *
     * @return how many elements were checked
     */
    public int check(float[] values, int count, float[] analytic, String label) {
        int checked = 0;
        for (int i = 0; i < count; i += stride) {
            double numeric = at(values, i);
            assertEquals(numeric, analytic[i], allowed(numeric), label + "[" + i + "]");
            checked++;
        }
        return checked;
    }

    /**
     * Asserts {@code grad ≈ ∂f/∂value} for the selected elements of every parameter (the gradients as they are when
     * each element is checked: {@code f} must not touch them).
     *
     * @return how many elements were checked
     */
    public int checkParameters(List<Parameter> parameters, String label) {
        int checked = 0;
        for (Parameter p : parameters) {
            for (int i = 0; i < p.size(); i += stride) {
                if (!include.test(p, i)) {
                    continue;
                }
                double numeric = at(p.value(), i);
                assertEquals(numeric, p.grad()[i], allowed(numeric), label + " " + p.name() + "[" + i + "]");
                checked++;
            }
        }
        return checked;
    }
}
