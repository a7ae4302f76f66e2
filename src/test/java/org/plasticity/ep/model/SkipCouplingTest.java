package org.plasticity.ep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plasticity.data.Batch;
import org.plasticity.ep.EqProp;
import org.plasticity.ep.bptt.Bptt;
import org.plasticity.ep.diagnostics.GduCheck;
import org.plasticity.ep.diagnostics.GduResult;
import org.plasticity.testing.FiniteDifferences;
import org.plasticity.testing.TestData;
import org.plasticity.train.Parameter;
import org.plasticity.train.StepContext;

/**
 * Couplings beyond neighbouring layers: Φ = Σ over the topology's couplings, with the state and parameter
 * derivatives, backprop-through-time and the EP theorem (GDU check) all holding for the extra terms.
 */
class SkipCouplingTest {

    /** 6 → 5 → 4 → 3 with the input coupled to layer 2 and layer 1 coupled to the output (3). */
    private static LayeredNetwork skipNet(Loss loss) {
        var b = EqProp.network(6, 5, 4, 3).activation(Activation.MY_SIGMOID).loss(loss).coupling(0, 2);
        return (loss == Loss.SOFTMAX_READOUT ? b : b.coupling(1, 3, 0.5)).network(11);
    }

    @Test
    void topologyIsTheChainThenTheSkips() {
        LayeredNetwork plain = EqProp.network(6, 5, 4, 3).activation(Activation.MY_SIGMOID).network(11);
        assertEquals(List.of("0→1", "1→2", "2→3"), plain.couplings().stream().map(c -> c.from() + "→" + c.to()).toList());
        LayeredNetwork net = skipNet(Loss.MSE);
        assertEquals(List.of("0→1", "1→2", "2→3", "0→2", "1→3"), net.couplings().stream().map(c -> c.from() + "→" + c.to())
                .toList());
        assertTrue(net.parameters().stream().anyMatch(p -> p.name().equals("W0_2")), net.parameters().toString());
        assertEquals(0.5, net.parameters().stream().filter(p -> p.name().equals("W1_3")).findFirst().orElseThrow().lrScale());
        // adding a skip leaves every chain parameter's initial value as it was
        for (int i = 0; i < plain.parameters().size(); i++) {
            assertEquals(java.util.Arrays.toString(plain.parameters().get(i).value()),
                    java.util.Arrays.toString(net.parameters().get(i).value()), plain.parameters().get(i).name());
        }
        assertFalse(plain.describe().contains("skip"));
        assertTrue(net.describe().contains("skip[0→2, 1→3(lr×0.5)]"), net.describe());
    }

    @Test
    void invalidCouplingsAreRejectedWithAMessage() {
        assertThrows(IllegalArgumentException.class, () -> EqProp.network(6, 5, 4, 3).coupling(1, 2));
        assertThrows(IllegalArgumentException.class, () -> EqProp.network(6, 5, 4, 3).coupling(1, 4));
        assertThrows(IllegalArgumentException.class, () -> EqProp.network(6, 5, 4, 3).coupling(0, 2).coupling(0, 2));
        assertThrows(IllegalArgumentException.class, () -> EqProp.network(6, 5, 4, 3).loss(Loss.SOFTMAX_READOUT).coupling(1, 3));
    }

    @Test
    void driveIsTheStateGradientOfPhi() {
        for (Loss loss : Loss.values()) {
            PhiChecks.driveIsTheStateGradient(skipNet(loss), loss.toString());
        }
    }

    @Test
    void accumulatedGradientIsTheParameterGradientOfPhi() {
        for (Loss loss : Loss.values()) {
            PhiChecks.accumulatedGradientIsTheParameterGradient(skipNet(loss), loss.toString());
        }
    }

    @Test
    void bpttThroughSkipCouplingsMatchesFiniteDifferences() {
        for (Loss loss : Loss.values()) {
            LayeredNetwork net = skipNet(loss);
            Batch b = TestData.uniformBatch(4, 6, 3, 9);
            net.parameters().forEach(Parameter::zeroGrad);
            new Bptt(net, 7, 7).computeGradients(b, new StepContext(0, 0, 0, 1, new SplittableRandom(1)));
            FiniteDifferences.of(() -> TestData.lossAfterFreeSteps(net, b, 7)).step(2e-3).tolerance(2e-3, 2e-2).every(2)
                    .checkParameters(net.parameters(), loss.toString());
        }
    }

    @Test
    void epUpdatesMatchBpttWithSkipCouplings() {
        LayeredNetwork net = EqProp.network(8, 12, 10, 4).activation(Activation.TANH).coupling(0, 2).coupling(1, 3).network(3);
        GduResult r = GduCheck.run(net, TestData.uniformBatch(5, 8, 4, 21), 120, 10, 0.01, true);
        assertTrue(r.keys().contains("W1_3"), r.keys().toString());
        for (String key : r.keys()) {
            assertTrue(r.rmse(key) < 0.05, key + ": RMSE " + r.rmse(key) + "\n" + r.toText());
        }
    }
}
