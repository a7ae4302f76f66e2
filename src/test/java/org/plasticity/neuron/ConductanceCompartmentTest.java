package org.plasticity.neuron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Eq. 3 and its derivatives (Props. 1–3) against finite differences; batched form against the per-sample one. */
class ConductanceCompartmentTest {

    private static final int N = 6;

    /** Eq. 3 in double, the reference for finite differences. */
    private static double voltage(double leak, double[] g, double[] e) {
        double num = 0;
        double den = leak;
        for (int i = 0; i < g.length; i++) {
            num += g[i] * e[i];
            den += g[i];
        }
        return num / den;
    }

    private static double[] randomConductances(SplittableRandom rng) {
        double[] g = new double[N];
        for (int i = 0; i < N; i++) {
            g[i] = 0.05 + 2 * rng.nextDouble();
        }
        return g;
    }

    private static double[] randomReversals(SplittableRandom rng) {
        double[] e = new double[N];
        for (int i = 0; i < N; i++) {
            e[i] = i % 3 == 0 ? 1 : i % 3 == 1 ? 0 : rng.nextDouble(); // excitatory, shunting, a child's output
        }
        return e;
    }

    private static float[] f(double[] a) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) a[i];
        }
        return out;
    }

    @Test
    void derivativesMatchCentralFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(3);
        double h = 1e-6;
        for (int trial = 0; trial < 25; trial++) {
            double[] g = randomConductances(rng);
            double[] e = randomReversals(rng);
            float v = ConductanceCompartment.voltage(1f, f(g), f(e), N);
            float r = ConductanceCompartment.resistance(1f, f(g), N);
            assertEquals(voltage(1, g, e), v, 1e-6);
            for (int i = 0; i < N; i++) {
                double[] gp = g.clone();
                double[] gm = g.clone();
                gp[i] += h;
                gm[i] -= h;
                double fdG = (voltage(1, gp, e) - voltage(1, gm, e)) / (2 * h);
                assertEquals(fdG, ConductanceCompartment.dVoltageDConductance((float) e[i], v, r), 1e-5,
                        "∂V/∂G, trial " + trial + ", input " + i);
                double[] ep = e.clone();
                double[] em = e.clone();
                ep[i] += h;
                em[i] -= h;
                double fdE = (voltage(1, g, ep) - voltage(1, g, em)) / (2 * h);
                assertEquals(fdE, ConductanceCompartment.dVoltageDReversal((float) g[i], r), 1e-5,
                        "∂V/∂E, trial " + trial + ", input " + i);
            }
        }
    }

    @Test
    void synapticRateDerivativeIsConductanceTimesDrivingForce() {
        // G = g·x: ∂V/∂x = g·R(E − V), ∂V/∂g = x·R(E − V) (Eq. 15)
        double g = 0.7;
        double x = 0.4;
        double[] rev = {1, 0, 0.6};
        double h = 1e-6;
        java.util.function.DoubleBinaryOperator vOf = (gg, xx) -> voltage(1, new double[] {gg * xx, 1.3, 0.2}, rev);
        float v = (float) vOf.applyAsDouble(g, x);
        float r = ConductanceCompartment.resistance(1f, new float[] {(float) (g * x), 1.3f, 0.2f}, 3);
        double fdX = (vOf.applyAsDouble(g, x + h) - vOf.applyAsDouble(g, x - h)) / (2 * h);
        double fdG = (vOf.applyAsDouble(g + h, x) - vOf.applyAsDouble(g - h, x)) / (2 * h);
        assertEquals(fdX, g * ConductanceCompartment.dVoltageDConductance(1f, v, r), 1e-5);
        assertEquals(fdG, x * ConductanceCompartment.dVoltageDConductance(1f, v, r), 1e-5);
    }

    @Test
    void voltageIsAConvexCombinationOfTheReversalsAndTheLeak() {
        // Lemma 1: V lies in the hull of {0 (leak), E_i}, R in (0, 1/g_L]
        SplittableRandom rng = new SplittableRandom(8);
        for (int trial = 0; trial < 200; trial++) {
            float[] g = f(randomConductances(rng));
            float[] e = f(randomReversals(rng));
            float v = ConductanceCompartment.voltage(1f, g, e, N);
            float r = ConductanceCompartment.resistance(1f, g, N);
            assertTrue(v >= 0 && v <= 1, "V=" + v);
            assertTrue(r > 0 && r <= 1, "R=" + r);
        }
    }

    @Test
    void batchedKernelsAgreeWithThePerSampleEquation() {
        SplittableRandom rng = new SplittableRandom(5);
        int batch = 9;
        float[][] x = new float[3][batch];
        float[] child = new float[batch];
        for (int b = 0; b < batch; b++) {
            for (float[] row : x) {
                row[b] = (float) rng.nextDouble();
            }
            child[b] = (float) rng.nextDouble();
        }
        float[] gSyn = {0.8f, 1.5f, 0.3f};
        float[] rev = {1f, 0f, 0.5f};
        float gDen = 0.9f;
        float[] drive = new float[batch];
        float[] total = new float[batch];
        for (int i = 0; i < 3; i++) {
            ConductanceCompartment.addInput(gSyn[i], rev[i], x[i], batch, drive, total);
        }
        ConductanceCompartment.addCoupling(gDen, child, batch, drive);
        float[] v = new float[batch];
        ConductanceCompartment.solve(ConductanceCompartment.UNIT_LEAK + gDen, drive, total, batch, v);
        float[] credit = new float[batch];
        for (int b = 0; b < batch; b++) {
            float[] g = {gSyn[0] * x[0][b], gSyn[1] * x[1][b], gSyn[2] * x[2][b], gDen};
            float[] e = {1f, 0f, 0.5f, child[b]};
            assertEquals(ConductanceCompartment.voltage(1f, g, e, 4), v[b], 1e-6);
            assertEquals(ConductanceCompartment.resistance(1f, g, 4), total[b], 1e-6);
            credit[b] = (float) rng.nextGaussian();
        }
        float[] out = new float[batch];
        float[] want = new float[batch];
        for (float e : new float[] {0f, 1f, 0.25f}) {
            ConductanceCompartment.conductanceCredit(e, credit, total, v, batch, out);
            for (int b = 0; b < batch; b++) {
                want[b] = credit[b] * ConductanceCompartment.dVoltageDConductance(e, v[b], total[b]);
            }
            assertArrayEquals(want, out, 1e-6f);
        }
        float[] creditR = new float[batch];
        for (int b = 0; b < batch; b++) {
            creditR[b] = credit[b] * total[b];
            want[b] = credit[b] * ConductanceCompartment.dVoltageDConductance(child[b], v[b], total[b]);
        }
        ConductanceCompartment.couplingCredit(creditR, child, v, batch, out);
        assertArrayEquals(want, out, 1e-6f);
        ConductanceCompartment.childCredit(gDen, credit, total, batch, out);
        for (int b = 0; b < batch; b++) {
            want[b] = credit[b] * ConductanceCompartment.dVoltageDReversal(gDen, total[b]);
        }
        assertArrayEquals(want, out, 1e-6f);
    }

    @Test
    void additiveControlIsLinearWithSignedSynapses() {
        float[] x = {0.5f, 1f};
        float[] v = new float[2];
        AdditiveCompartment.addInput(2f, true, x, 2, v);
        AdditiveCompartment.addInput(0.5f, false, x, 2, v);
        AdditiveCompartment.addCoupling(3f, new float[] {0.1f, 0.2f}, 2, v);
        assertArrayEquals(new float[] {2f * 0.5f - 0.5f * 0.5f + 0.3f, 2f - 0.5f + 0.6f}, v, 1e-6f);
        float[] out = new float[2];
        AdditiveCompartment.conductanceCredit(false, new float[] {1f, -2f}, 2, out);
        assertArrayEquals(new float[] {-1f, 2f}, out);
        AdditiveCompartment.childCredit(3f, new float[] {1f, -2f}, 2, out);
        assertArrayEquals(new float[] {3f, -6f}, out);
    }
}
