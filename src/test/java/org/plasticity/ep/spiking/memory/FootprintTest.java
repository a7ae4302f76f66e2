package org.plasticity.ep.spiking.memory;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plasticity.data.Batch;
import org.plasticity.ep.model.WeightInit;
import org.plasticity.ep.spiking.SpikingConfig;
import org.plasticity.neuron.StochasticSpikeParameters;
import org.plasticity.testing.TestData;

/** The measured memory of BPTT grows with the recorded window T; EP's does not. */
class FootprintTest {

    private static final SpikingConfig NET = new SpikingConfig(64, List.of(256), 10, 10,
            StochasticSpikeParameters.bernoulli(0.5f, 2f), true, true, WeightInit.PYTORCH_DEFAULT, 1);
    private static final int ROWS = 64;
    /** One SpikeState of the batch: ξ, rates and spikes of 256 + 100 units per row. */
    private static final long STATE_BYTES = 3L * ROWS * (256 + 100) * Float.BYTES;

    @Test
    void bpttGrowsByOneStatePerRecordedStepWhileEpStaysConstant() {
        Batch b = TestData.uniformBatch(ROWS, 64, 10, 3);
        MemoryComparison shortRun = MemoryComparison.measure("small", NET, 10, 5, 0.5, b, Double.NaN, Double.NaN);
        MemoryComparison longRun = MemoryComparison.measure("small", NET, 40, 5, 0.5, b, Double.NaN, Double.NaN);
        long expected = 30 * STATE_BYTES;
        long bpttGrowth = longRun.bptt().retainedBytes() - shortRun.bptt().retainedBytes();
        long epGrowth = longRun.ep().retainedBytes() - shortRun.ep().retainedBytes();
        assertTrue(bpttGrowth > 0.8 * expected && bpttGrowth < 1.3 * expected,
                "BPTT T 10 → 40: +" + bpttGrowth + " B, 30 states = " + expected + " B; " + shortRun + " / " + longRun);
        assertTrue(Math.abs(epGrowth) < 0.1 * expected, "EP T 10 → 40: " + epGrowth + " B; " + shortRun + " / " + longRun);
        assertTrue(longRun.ratio() > shortRun.ratio(), shortRun + " / " + longRun);
        // EP keeps at least its parameters and gradients: 2 × (64·256 + 256 + 256·100 + 100) floats
        long parameters = 2L * (64 * 256 + 256 + 256 * 100 + 100) * Float.BYTES;
        assertTrue(shortRun.ep().retainedBytes() > parameters, shortRun.ep() + " vs parameters " + parameters + " B");
    }
}
