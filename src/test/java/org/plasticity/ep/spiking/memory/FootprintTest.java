package org.plasticity.ep.spiking.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plasticity.data.Batch;
import org.plasticity.ep.model.WeightInit;
import org.plasticity.ep.spiking.SpikingConfig;
import org.plasticity.neuron.StochasticSpikeParameters;
import org.plasticity.testing.TestData;

/** The measured memory of BPTT grows with the recorded window T; EP's does not; the reachable count repeats itself. */
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
        // the object graph: 30 more states of exactly STATE_BYTES of floats (plus their array headers and views)
        long bpttGrowth = longRun.bptt().reachableBytes() - shortRun.bptt().reachableBytes();
        assertTrue(bpttGrowth >= expected && bpttGrowth < 1.01 * expected, "BPTT T 10 → 40: +" + bpttGrowth + " B, 30 states = "
                + expected + " B");
        assertEquals(shortRun.ep().reachableBytes(), longRun.ep().reachableBytes(), "EP does not keep its steps");
        // the live heap agrees (within G1's region granularity)
        long heapGrowth = longRun.bptt().retainedBytes() - shortRun.bptt().retainedBytes();
        long epHeapGrowth = longRun.ep().retainedBytes() - shortRun.ep().retainedBytes();
        assertTrue(heapGrowth > 0.8 * expected && heapGrowth < 1.3 * expected, "heap: BPTT T 10 → 40: +" + heapGrowth + " B; "
                + shortRun + " / " + longRun);
        assertTrue(Math.abs(epHeapGrowth) < 0.1 * expected, "heap: EP T 10 → 40: " + epHeapGrowth + " B");
        assertTrue(longRun.ratio() > shortRun.ratio(), shortRun + " / " + longRun);
        // EP keeps at least its parameters and gradients: 2 × (64·256 + 256 + 256·100 + 100) floats
        long parameters = 2L * (64 * 256 + 256 + 256 * 100 + 100) * Float.BYTES;
        assertTrue(shortRun.ep().reachableBytes() > parameters, shortRun.ep() + " vs parameters " + parameters + " B");
        // same seed, same network: the same count
        MemoryComparison again = MemoryComparison.measure("small", NET, 10, 5, 0.5, b, Double.NaN, Double.NaN);
        assertEquals(shortRun.ep().reachableBytes(), again.ep().reachableBytes());
        assertEquals(shortRun.bptt().reachableBytes(), again.bptt().reachableBytes());
    }

    @Test
    void reachableSizeCountsArraysExactlyAndEachObjectOnce() {
        float[] shared = new float[1000];
        Object[] pair = {shared, shared, new int[10]};
        // Object[3]: 16 + 3·4 → 32; float[1000]: 16 + 4000; int[10]: 16 + 40 → 56
        assertEquals(32 + 4016 + 56, ReachableSize.of(pair));
    }
}
