package org.plasticity.ep.diagnostics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.plasticity.ep.EqProp;
import org.plasticity.ep.model.Activation;
import org.plasticity.ep.model.LayeredNetwork;
import org.plasticity.testing.TestData;

/** Laborieux et al. (2021): the symmetric estimator's bias is second order in β, the one-sided one first order. */
class EstimatorBiasTest {

    @Test
    void symmetricBiasIsSmallerAndShrinksFaster() {
        LayeredNetwork net = EqProp.network(8, 12, 4).activation(Activation.MY_SIGMOID).network(2);
        EstimatorBias b = EstimatorBias.measure(net, TestData.uniformBatch(6, 8, 4, 3), 150, 60, 0.02, 0.05, 0.1);
        for (int i = 0; i < 3; i++) {
            assertTrue(b.symmetric()[i] < b.oneSided()[i], b.toText());
        }
        // β grows ×5 over the range: one-sided error ∝ β (about ×5), symmetric ∝ β² (about ×25)
        double oneGrowth = b.oneSided()[2] / b.oneSided()[0];
        double symGrowth = b.symmetric()[2] / b.symmetric()[0];
        assertTrue(oneGrowth > 3.5 && oneGrowth < 7, "one-sided growth " + oneGrowth + "\n" + b.toText());
        assertTrue(symGrowth > 15 && symGrowth < 40, "symmetric growth " + symGrowth + "\n" + b.toText());
        assertTrue(b.symmetricCosine()[0] > 0.999, b.toText());
    }
}
