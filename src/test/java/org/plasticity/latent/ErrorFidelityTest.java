package org.plasticity.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.plasticity.data.Batch;
import org.plasticity.latent.fidelity.ErrorFidelity;
import org.plasticity.latent.model.GleConfig;
import org.plasticity.latent.model.GleNetwork;
import org.plasticity.train.Parameter;

class ErrorFidelityTest {

    @Test
    void gleTracksTheAdjointAndThePerUnitGainCanOnlyImproveIt() {
        GleConfig c = Tiny.mixed().build();
        GleNetwork net = GleNetwork.create(c, 4);
        float[] before = net.weights(1).clone();
        Batch b = Tiny.sequences(c, 4, 200, 2);
        ErrorFidelity.Report r = ErrorFidelity.measure(net, b);
        int top = c.depth() - 1;
        // the output layer's error is the loss error itself, one step late: exact up to rounding
        assertEquals(1, r.rawCosine()[top], 1e-6);
        assertEquals(1, r.rawGain()[top], 1e-4);
        assertTrue(r.cosines().get("W" + top) > 0.99, r.cosines().toString());
        for (int l = 0; l < c.depth(); l++) {
            assertTrue(r.rawCosine()[l] > 0.2, "layer " + l + ": " + r.rawCosine()[l]);
            assertTrue(r.correctedCosine()[l] >= r.rawCosine()[l] - 1e-9, "projection cannot lower the cosine");
            assertTrue(r.correctedGain()[l] <= 1 + 1e-9, "a projection is never longer than the exact error");
        }
        assertTrue(java.util.Arrays.equals(before, net.weights(1)), "the measurement leaves the network alone");
        for (Parameter p : net.parameters()) {
            for (float g : p.grad()) {
                assertEquals(0f, g);
            }
        }
    }
}
