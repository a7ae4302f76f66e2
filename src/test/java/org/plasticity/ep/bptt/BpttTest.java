package org.plasticity.ep.bptt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.plasticity.data.Batch;
import org.plasticity.ep.EqProp;
import org.plasticity.ep.model.Activation;
import org.plasticity.ep.model.LayeredNetwork;
import org.plasticity.ep.model.Loss;
import org.plasticity.testing.FiniteDifferences;
import org.plasticity.testing.TestData;
import org.plasticity.train.Parameter;
import org.plasticity.train.StepContext;

/** Backprop-through-time against finite differences of the loss after T1 steps. */
class BpttTest {

    @Test
    void fullBpttGradientMatchesFiniteDifferences() {
        for (Loss loss : Loss.values()) {
            LayeredNetwork net = EqProp.network(5, 6, 4, 3).activation(Activation.MY_SIGMOID).loss(loss).t1(7).t2(3)
                    .network(4);
            Batch b = TestData.uniformBatch(4, 5, 3, 9);
            Bptt bptt = new Bptt(net, 7, 7);
            for (Parameter p : net.parameters()) {
                p.zeroGrad();
            }
            bptt.computeGradients(b, new StepContext(0, 0, 0, 1, new java.util.SplittableRandom(1)));
            FiniteDifferences.of(() -> TestData.lossAfterFreeSteps(net, b, 7)).step(2e-3).tolerance(2e-3, 2e-2).every(2)
                    .checkParameters(net.parameters(), loss.toString());
        }
    }

    @Test
    void truncatedBpttOnlySeesTheLastSteps() {
        LayeredNetwork net = EqProp.network(5, 6, 3).activation(Activation.MY_SIGMOID).network(4);
        Batch b = TestData.uniformBatch(3, 5, 3, 2);
        Bptt one = new Bptt(net, 6, 1);
        for (Parameter p : net.parameters()) {
            p.zeroGrad();
        }
        one.computeGradients(b, new StepContext(0, 0, 0, 1, new java.util.SplittableRandom(1)));
        // K = 1: the hidden-layer bias only matters through the output after one step if the output reads it,
        // so its gradient is exactly zero (the top layer's input of the last step is s_hidden at T−1).
        Parameter b0 = net.parameters().get(1);
        for (float g : b0.grad()) {
            assertEquals(0f, g, 0f);
        }
    }
}
