package org.plasticity.localca.model;

import org.plasticity.testing.TestData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The user-facing gradient check reports small errors for every tensor. */
class TreeGradientCheckTest {

    @Test
    void everyTensorAgreesWithFiniteDifferences() {
        TreeGradientCheck c = TreeGradientCheck.run(TestData.tinyDenseTree().withInputSize(8).withExcitatorySynapses(5)
                .withInhibitorySynapses(3), 3);
        assertTrue(c.checked() > 50);
        assertEquals(DendriticNetwork.create(TestData.tinyDenseTree(), 1).parameters().size(), c.relativeL2().size());
        assertTrue(c.worst() < 1e-2, c.relativeL2().toString());
    }
}
