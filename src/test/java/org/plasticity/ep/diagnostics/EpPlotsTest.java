package org.plasticity.ep.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plasticity.data.Batch;
import org.plasticity.ep.EqProp;
import org.plasticity.ep.model.Activation;
import org.plasticity.ep.model.LayeredNetwork;
import org.plasticity.plot.ChartExport;

/** The EP plots render, carry the right series, and reject bad arguments. */
class EpPlotsTest {

    private static Batch batch(int rows, int features) {
        SplittableRandom rng = new SplittableRandom(1);
        float[] x = new float[rows * features];
        int[] y = new int[rows];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble();
        }
        for (int r = 0; r < rows; r++) {
            y[r] = rng.nextInt(3);
        }
        return new Batch(x, y, rows, features);
    }

    @Test
    void freePhasePlotsRender() {
        LayeredNetwork net = EqProp.network(10, 8, 3).network(1);
        FreePhaseTrace trace = FreePhaseTrace.record(net, batch(4, 10), 15);
        var hist = EpPlots.activationHistograms(trace, 15, 20);
        assertEquals(2, hist.getSeriesMap().size());
        assertTrue(ChartExport.pngBytes(hist).length > 1000);
        var heat = EpPlots.trajectory(trace, 0, 1, 6);
        assertTrue(ChartExport.pngBytes(heat).length > 1000);
        var conv = EpPlots.convergence(List.of("init"), List.of(trace));
        assertTrue(ChartExport.pngBytes(conv).length > 1000);
        assertTrue(trace.convergence()[15] < trace.convergence()[1], "the free phase converges");
        assertThrows(IllegalArgumentException.class, () -> EpPlots.activationHistograms(trace, 16, 20));
    }

    @Test
    void gduAndBiasPlotsRender() {
        LayeredNetwork net = EqProp.network(6, 7, 3).activation(Activation.TANH).network(2);
        GduResult r = GduCheck.run(net, batch(3, 6), 60, 8, 0.01, true);
        var chart = EpPlots.gdu(r, "W1", 3);
        assertEquals(6, chart.getSeriesMap().size());
        assertTrue(ChartExport.pngBytes(chart).length > 1000);
        assertTrue(ChartExport.pngBytes(EpPlots.gduSummary(r)).length > 1000);
        EstimatorBias b = EstimatorBias.measure(EqProp.network(6, 7, 3).network(3), batch(3, 6), 60, 30, 0.05, 0.1);
        assertEquals(2, EpPlots.estimatorBias(b).getSeriesMap().size());
    }
}
