package org.plasticity.neuron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StochasticSpikeTest {

    private static final StochasticSpikeParameters BERNOULLI = StochasticSpikeParameters.bernoulli(0.5f, 2f);
    private static final StochasticSpikeParameters ESCAPE = StochasticSpikeParameters.poissonEscape(0.5f, 1f)
            .withDt(1.5f);

    @Test
    void rateIsTheClippedHardSigmoid() {
        assertEquals(0f, StochasticSpike.rate(BERNOULLI, -0.3f));
        assertEquals(0.6f, StochasticSpike.rate(BERNOULLI, 0.3f), 1e-7f);
        assertEquals(1f, StochasticSpike.rate(BERNOULLI, 0.7f));
        assertEquals(2f, StochasticSpike.slope(BERNOULLI, 0.3f));
        assertEquals(0f, StochasticSpike.slope(BERNOULLI, 0.7f));
        assertEquals(0f, StochasticSpike.slope(BERNOULLI, -0.1f));
        assertEquals((float) (1 - Math.exp(-0.3 * 1.5)), StochasticSpike.probability(ESCAPE, 0.3f), 1e-7f);
    }

    @Test
    void straightThroughDerivativesMatchFiniteDifferencesOfTheProbability() {
        float h = 1e-3f;
        for (StochasticSpikeParameters p : new StochasticSpikeParameters[] {BERNOULLI, ESCAPE}) {
            for (float xi = -0.5f; xi < 1.5f; xi += 0.0371f) {
                float u = p.kappa() * xi;
                if (Math.abs(u) < 2 * h * p.kappa() || Math.abs(u - 1) < 2 * h * p.kappa()) {
                    continue; // the kinks of the clip
                }
                double fd = ((double) StochasticSpike.probability(p, xi + h) - StochasticSpike.probability(p, xi - h))
                        / (2.0 * h);
                assertEquals(fd, StochasticSpike.straightThrough(p, xi), 1e-3, p.firing() + " ξ=" + xi);
            }
        }
    }

    @Test
    void membraneStepJacobianMatchesFiniteDifferences() {
        float h = 1e-3f;
        for (float xi : new float[] {-0.2f, 0.1f, 0.3f, 0.45f, 0.8f}) {
            for (float in : new float[] {-0.7f, 0.4f, 1.2f}) {
                float[] plus = {xi + h};
                float[] minus = {xi - h};
                StochasticSpike.integrate(BERNOULLI, plus, new float[] {in}, 1);
                StochasticSpike.integrate(BERNOULLI, minus, new float[] {in}, 1);
                assertEquals(1 - BERNOULLI.leak(), (plus[0] - minus[0]) / (2 * h), 2e-3, "∂ξ'/∂ξ at " + xi);
                float[] a = {xi};
                float[] b = {xi};
                StochasticSpike.integrate(BERNOULLI, a, new float[] {in + h}, 1);
                StochasticSpike.integrate(BERNOULLI, b, new float[] {in - h}, 1);
                assertEquals(BERNOULLI.leak() * StochasticSpike.slope(BERNOULLI, xi), (a[0] - b[0]) / (2 * h), 2e-3,
                        "∂ξ'/∂I at " + xi);
            }
        }
    }

    @Test
    void meanFiringRateOfTheSamplerMatchesItsProbability() {
        int n = 40_000;
        for (StochasticSpikeParameters p : new StochasticSpikeParameters[] {BERNOULLI, ESCAPE}) {
            for (float xi : new float[] {0.02f, 0.15f, 0.3f, 0.45f}) {
                float[] membranes = new float[n];
                java.util.Arrays.fill(membranes, xi);
                float[] spikes = new float[n];
                int count = StochasticSpike.sample(p, membranes, n, new SplittableRandom(17), spikes);
                double prob = StochasticSpike.probability(p, xi);
                double sd = Math.sqrt(prob * (1 - prob) / n);
                // 5 standard deviations: a correct sampler fails this about once in 1.7 million runs
                assertEquals(prob, (double) count / n, 5 * sd, p.firing() + " ξ=" + xi);
            }
        }
    }

    @Test
    void certainAndImpossibleSpikesAndTheSameSeedGiveTheSameSpikes() {
        int n = 1000;
        float[] xi = new float[n];
        float[] spikes = new float[n];
        java.util.Arrays.fill(xi, 0.6f);
        assertEquals(n, StochasticSpike.sample(BERNOULLI, xi, n, new SplittableRandom(1), spikes));
        java.util.Arrays.fill(xi, -1f);
        assertEquals(0, StochasticSpike.sample(BERNOULLI, xi, n, new SplittableRandom(1), spikes));
        SplittableRandom rng = new SplittableRandom(9);
        for (int i = 0; i < n; i++) {
            xi[i] = (float) rng.nextDouble() * 0.5f;
        }
        float[] again = new float[n];
        StochasticSpike.sample(BERNOULLI, xi, n, new SplittableRandom(4), spikes);
        StochasticSpike.sample(BERNOULLI, xi, n, new SplittableRandom(4), again);
        assertArrayEquals(spikes, again);
        float[] rates = new float[n];
        StochasticSpike.rates(BERNOULLI, xi, n, rates);
        for (int i = 0; i < n; i++) {
            assertTrue(spikes[i] == 0f || spikes[i] == 1f);
            assertEquals(StochasticSpike.rate(BERNOULLI, xi[i]), rates[i]);
        }
    }
}
