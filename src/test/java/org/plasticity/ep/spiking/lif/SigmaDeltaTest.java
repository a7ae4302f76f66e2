package org.plasticity.ep.spiking.lif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The predictive sigma-delta code's reconstruction invariants and the step schedules. */
class SigmaDeltaTest {

    /** A smooth signal in [0.05, 0.95] with a jump at t = 40. */
    private static float signal(int t, SplittableRandom noise) {
        double base = t < 40 ? 0.3 : 0.8;
        return (float) Math.min(0.95, Math.max(0.05, base + 0.1 * Math.sin(t / 7.0) + 0.02 * (noise.nextDouble() - 0.5)));
    }

    @Test
    void decoderInvertsTheEncoderUpToTheModulatorsError() {
        StepSchedule alpha = StepSchedule.OCONNOR_ALPHA;
        SplittableRandom noise = new SplittableRandom(4);
        float[] x = new float[1];
        float[] prev = {0f};
        float[] acc = {SigmaDelta.REST};
        float[] enc = new float[1];
        float[] spike = new float[1];
        float[] dec = {0f};
        double error = 0;      // e_{t−1} = Dec_{t−1} − x_{t−1}
        double vPrev = 0;      // V_{t−1}
        for (int t = 1; t <= 100; t++) {
            float a = alpha.at(t);
            x[0] = signal(t, noise);
            SigmaDelta.encode(a, x, prev, acc, enc, spike, 1);
            SigmaDelta.decode(a, dec, spike, 1);
            double v = acc[0] - SigmaDelta.REST;
            double predicted = (1 - a) * error - a * (v - vPrev);
            double e = dec[0] - x[0];
            assertEquals(predicted, e, 2e-5, "e_t = (1 − α_t) e_{t−1} − α_t (V_t − V_{t−1}) at t = " + t);
            error = e;
            vPrev = v;
        }
    }

    @Test
    void withoutPredictionTheSpikeCountTracksTheSignalsIntegral() {
        SplittableRandom noise = new SplittableRandom(9);
        float[] x = new float[1];
        float[] prev = {0f};
        float[] acc = {SigmaDelta.REST};
        float[] enc = new float[1];
        float[] spike = new float[1];
        double integral = 0;
        double spikes = 0;
        for (int t = 1; t <= 200; t++) {
            x[0] = signal(t, noise);
            SigmaDelta.encode(1f, x, prev, acc, enc, spike, 1);
            integral += x[0];
            spikes += spike[0];
            double v = acc[0] - SigmaDelta.REST;
            assertTrue(v >= -0.5 - 1e-6 && v < 0.5 + 1e-6, "|V| ≤ ½ at t = " + t + ": " + v);
            assertEquals(integral, spikes + v, 1e-4, "Σ x = Σ s + V at t = " + t);
        }
        assertTrue(spikes > 50 && spikes < 150, "spikes " + spikes);
    }

    @Test
    void schedulesAnnealAsPowersOfTheStep() {
        assertEquals(0.843, StepSchedule.OCONNOR_STEP.at(1), 1e-6);
        assertEquals(0.843 / Math.pow(60, 0.0923), StepSchedule.OCONNOR_STEP.at(60), 1e-6);
        assertEquals(0.832 / Math.pow(10, 0.584), StepSchedule.OCONNOR_ALPHA.at(10), 1e-6);
        assertEquals(0.5, StepSchedule.constant(0.5).at(1000), 0);
        assertThrows(IllegalArgumentException.class, () -> StepSchedule.OCONNOR_STEP.at(0));
        assertThrows(IllegalArgumentException.class, () -> new StepSchedule(1.5, 0));
    }
}
