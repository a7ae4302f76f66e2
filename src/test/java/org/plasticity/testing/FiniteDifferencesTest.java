package org.plasticity.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.plasticity.train.Parameter;

/** The derivative-check helper passes a right gradient, fails a wrong one, and restores what it nudges. */
class FiniteDifferencesTest {

    /** f(x) = Σ x_i³, ∂f/∂x_i = 3 x_i². */
    private static double cubes(float[] x) {
        double s = 0;
        for (float v : x) {
            s += (double) v * v * v;
        }
        return s;
    }

    @Test
    void aRightGradientPassesAndAWrongOneFails() {
        float[] x = {0.5f, -1.2f, 2f};
        float[] right = {0.75f, 4.32f, 12f};
        FiniteDifferences fd = FiniteDifferences.of(() -> cubes(x)).step(1e-3).relative(1e-3);
        assertEquals(3, fd.check(x, 3, right, "x"));
        assertArrayEquals(new float[] {0.5f, -1.2f, 2f}, x, 0f);
        float[] wrong = right.clone();
        wrong[2] *= 1.01f;
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> fd.check(x, 3, wrong, "x"));
        assertTrue(e.getMessage().startsWith("x[2]"), e.getMessage());
        assertEquals(2, fd.every(2).check(x, 3, right, "x"));
    }

    @Test
    void parametersAreCheckedAgainstTheirGradientsAndFiltered() {
        Parameter p = new Parameter("w", new int[] {3}, new float[] {0.5f, -1.2f, 2f}, 1.0, true);
        System.arraycopy(new float[] {0.375f, 2.16f, 6f}, 0, p.grad(), 0, 3);
        FiniteDifferences fd = FiniteDifferences.of(() -> cubes(p.value())).step(1e-3).dividedBy(2).tolerance(1e-4, 1e-3);
        assertEquals(3, fd.checkParameters(List.of(p), "f/2"));
        p.grad()[1] = 0f;
        assertThrows(AssertionFailedError.class, () -> fd.checkParameters(List.of(p), "f/2"));
        assertEquals(2, fd.only((q, i) -> i != 1).checkParameters(List.of(p), "f/2"));
    }
}
