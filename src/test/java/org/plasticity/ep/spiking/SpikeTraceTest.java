package org.plasticity.ep.spiking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plasticity.data.Batch;
import org.plasticity.ep.model.WeightInit;
import org.plasticity.neuron.StochasticSpikeParameters;
import org.plasticity.testing.TestData;

/**
 * The trace's measurements against direct computations: densities from the rasters, the output error signal from
 * a separate relaxation of the mean-field network, the flip fraction's dependence on β, and the stability measure
 * (the mean-field network settles, the spiking one keeps fluctuating).
 */
class SpikeTraceTest {

    private static SpikingConfig config(boolean stochastic) {
        return config(stochastic, 2.0);
    }

    private static SpikingConfig config(boolean stochastic, double initScale) {
        return new SpikingConfig(8, List.of(16), 3, 4, StochasticSpikeParameters.bernoulli(0.5f, 2f), stochastic, true,
                WeightInit.PYTORCH_DEFAULT, initScale);
    }

    private static Batch batch() {
        return TestData.uniformBatch(6, 8, 3, 11);
    }

    @Test
    void firingDensityIsTheMeanOfTheRasters() {
        SpikingNetwork net = new SpikingNetwork(config(true), 3);
        SpikeTrace t = SpikeTrace.record(net, batch(), 20, 5, 0.5, 6, new SplittableRandom(1));
        for (int l = 0; l < t.layers(); l++) {
            double free = 0;
            double all = 0;
            for (int r = 0; r < 6; r++) {
                double[][] m = t.raster(l, r, t.layerSize(l));
                for (double[] unit : m) {
                    for (int s = 1; s <= t.steps(); s++) {
                        all += unit[s];
                        free += s <= t.tFree() ? unit[s] : 0;
                    }
                }
            }
            double n = 6.0 * t.layerSize(l);
            assertEquals(all / (n * t.steps()), t.firingDensity(l, true), 1e-12);
            assertEquals(free / (n * t.tFree()), t.firingDensity(l, false), 1e-12);
        }
        assertTrue(t.firingDensity(0, true) > 0, "a spiking net with scaled-up weights fires");
        assertThrows(IllegalArgumentException.class, () -> t.raster(0, 6, 4));
    }

    @Test
    void theOutputErrorSignalIsTheLossGradientAtTheFreeEquilibrium() {
        SpikingNetwork net = new SpikingNetwork(config(false), 5);
        Batch b = batch();
        SpikeTrace t = SpikeTrace.record(net, b, 30, 5, 0.5, 0, new SplittableRandom(1));
        net.bind(b);
        SpikeState s = net.newState();
        net.reset(s);
        net.relax(s, 0, 30, new SplittableRandom(2));
        int out = s.layers() - 1;
        int n = s.size(out);
        double magnitude = 0;
        int nonZero = 0;
        for (int r = 0; r < 6; r++) {
            for (int u = 0; u < n; u++) {
                int i = r * n + u;
                double y = u / 4 == b.labels()[r] ? 1 : 0;
                double e = net.rhoPrime(s.potentials(out)[i]) * (s.rates(out)[i] - y);
                magnitude += Math.abs(e);
                nonZero += e != 0 ? 1 : 0;
            }
        }
        assertEquals(magnitude / 6, t.errorMagnitude(), 1e-4 * Math.max(1, magnitude));
        assertEquals(nonZero / (6.0 * n), t.errorNonZeroFraction(), 1e-12);
        assertTrue(t.errorMagnitude() > 0);
    }

    @Test
    void moreNudgeMovesMoreOutputUnitsAndTheSameStreamGivesTheSameTrace() {
        // the nudged step contracts while (1 − λ) − λκ²β > −1, i.e. β < 0.75 at λ 0.5, κ 2 (the paper's 1FC β is the edge)
        SpikingNetwork net = new SpikingNetwork(config(false, 0.5), 7);
        double small = SpikeTrace.record(net, batch(), 30, 10, 1e-3, 0, new SplittableRandom(1)).flipFraction();
        double large = SpikeTrace.record(net, batch(), 30, 10, 0.7, 0, new SplittableRandom(1)).flipFraction();
        assertEquals(0.0, small, 0.0);
        assertTrue(large > 0.1, "β = 0.7 drives output units across half their range: " + large);
        SpikingNetwork spiking = new SpikingNetwork(config(true), 7);
        SpikeTrace a = SpikeTrace.record(spiking, batch(), 20, 5, 0.5, 2, new SplittableRandom(9));
        SpikeTrace c = SpikeTrace.record(spiking, batch(), 20, 5, 0.5, 2, new SplittableRandom(9));
        assertEquals(a.firingDensity(0, true), c.firingDensity(0, true), 0.0);
        assertEquals(a.errorMagnitude(), c.errorMagnitude(), 0.0);
    }

    @Test
    void theMeanFieldNetworkSettlesWhileSpikesKeepTheMembranesMoving() {
        double meanField = SpikeTrace.record(new SpikingNetwork(config(false, 1.0), 7), batch(), 60, 5, 0.5, 0,
                new SplittableRandom(1)).fluctuation(0, false, 10);
        double spiking = SpikeTrace.record(new SpikingNetwork(config(true, 1.0), 7), batch(), 60, 5, 0.5, 0,
                new SplittableRandom(1)).fluctuation(0, false, 10);
        assertTrue(meanField < 1e-4, "mean-field fluctuation " + meanField);
        assertTrue(spiking > 100 * meanField && spiking > 1e-3, "spiking " + spiking + " vs mean-field " + meanField);
    }
}
