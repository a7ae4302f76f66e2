package org.plasticity.neuron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LifTest {

    /** Steps one neuron with constant input and returns the steps at which it spiked. */
    private static int[] spikeTimes(LifParameters p, float input, int steps) {
        float[] v = {0f};
        int[] ref = {0};
        float[] s = new float[1];
        java.util.List<Integer> times = new java.util.ArrayList<>();
        for (int t = 1; t <= steps; t++) {
            Lif.step(p, v, new float[] {input}, ref, s, 1);
            if (s[0] == 1f) {
                times.add(t);
            }
        }
        return times.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void constantInputFiresWithTheAnalyticPeriod() {
        // v_t = I (1 − β^t) / (1 − β) with β 0.9, I 0.3: reaches θ = 1 first at t = ⌈ln(2/3)/ln 0.9⌉ = 4
        LifParameters p = LifParameters.defaults();
        assertArrayEquals(new int[] {4, 8, 12, 16, 20}, spikeTimes(p, 0.3f, 20));
        // a refractory period of 2 steps adds 2 steps to every period after the first spike
        assertArrayEquals(new int[] {4, 10, 16}, spikeTimes(p.withRefractorySteps(2), 0.3f, 20));
        // below the rheobase I = θ(1 − β) = 0.1 it never fires
        assertArrayEquals(new int[0], spikeTimes(p, 0.099f, 500));
    }

    @Test
    void subtractiveResetKeepsTheExcessCharge() {
        LifParameters p = LifParameters.defaults().withDecay(1f).withSubtractiveReset();
        float[] v = {0f};
        float[] s = new float[1];
        int spikes = 0;
        for (int t = 0; t < 10; t++) {
            spikes += Lif.step(p, v, new float[] {0.35f}, null, s, 1);
        }
        // no leak: 10 · 0.35 = 3.5 of charge → 3 spikes, 0.5 left
        assertEquals(3, spikes);
        assertEquals(0.5f, v[0], 1e-5f);
    }

    @Test
    void traceConvergesToTheFiringRate() {
        LifParameters p = LifParameters.defaults().withTraceDecay(0.99f);
        float[] v = {0f};
        float[] s = new float[1];
        float[] trace = {0f};
        double mean = 0;
        int steps = 4000;
        for (int t = 0; t < steps; t++) {
            Lif.step(p, v, new float[] {0.3f}, null, s, 1);
            Lif.trace(p, trace, s, 1);
            if (t >= steps / 2) {
                mean += trace[0];
            }
        }
        assertEquals(0.25, mean / (steps / 2), 0.01); // one spike every 4 steps
    }

    @Test
    void surrogateIsTheDerivativeOfTheFastSigmoid() {
        LifParameters p = LifParameters.defaults().withSurrogateSlope(5f);
        float h = 1e-3f;
        for (float v = -1f; v <= 3f; v += 0.137f) {
            if (Math.abs(v - p.threshold()) < 2 * h) {
                continue; // the kink of |x| at the threshold
            }
            double fd = ((double) Lif.smoothSpike(p, v + h) - Lif.smoothSpike(p, v - h)) / (2.0 * h);
            assertEquals(fd, Lif.surrogate(p, v), 2e-3, "v=" + v);
        }
        assertEquals(0.5f, Lif.smoothSpike(p, p.threshold()));
        assertEquals(2.5f, Lif.surrogate(p, p.threshold()));
    }

    @Test
    void invalidParametersAndMissingCountersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> LifParameters.defaults().withDecay(1.5f));
        assertThrows(IllegalArgumentException.class, () -> LifParameters.defaults().withResetTo(2f));
        assertThrows(IllegalArgumentException.class, () -> LifParameters.defaults().withTraceDecay(1f));
        assertThrows(IllegalArgumentException.class, () -> Lif.step(LifParameters.defaults().withRefractorySteps(1),
                new float[1], new float[1], null, new float[1], 1));
    }
}
