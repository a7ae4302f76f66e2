package org.plasticity.ep.estimator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plasticity.data.Batch;
import org.plasticity.ep.diagnostics.FreePhaseTrace;
import org.plasticity.ep.model.WeightInit;
import org.plasticity.ep.spiking.SpikingConfig;
import org.plasticity.ep.spiking.SpikingNetwork;
import org.plasticity.neuron.StochasticSpikeParameters;
import org.plasticity.tensor.FloatKernels;
import org.plasticity.testing.TestData;
import org.plasticity.train.BatchStats;
import org.plasticity.train.Parameter;
import org.plasticity.train.StepContext;

/**
 * The engine contract with a family that is not the layered rate network: the stochastic spiking network of
 * {@code ep.spiking} (potentials ξ, firing probability clip(κξ, 0, 1), Bernoulli spikes drawn from the batch's
 * stream, neurons coupled through spikes only, weight updates from the expected energy at the phase ends),
 * a family with its own state type and model, driven by the shared learner unchanged.
 */
class StochasticModelContractTest {

    private static SpikingNetwork network() {
        return new SpikingNetwork(new SpikingConfig(6, List.of(8), 3, 1, StochasticSpikeParameters.bernoulli(0.5f, 2f), true,
                true, WeightInit.PYTORCH_DEFAULT, 0.4), 5, FloatKernels.scalar());
    }

    private static float[] gradient(EquilibriumPropagation ep, Batch b, long streamSeed) {
        ep.parameters().forEach(Parameter::zeroGrad);
        ep.computeGradients(b, new StepContext(0, 0, 0, 1, new SplittableRandom(streamSeed)));
        List<Parameter> ps = ep.parameters();
        float[] out = new float[ps.stream().mapToInt(Parameter::size).sum()];
        int o = 0;
        for (Parameter p : ps) {
            System.arraycopy(p.grad(), 0, out, o, p.size());
            o += p.size();
        }
        return out;
    }

    @Test
    void theLearnerGivesTheModelTheBatchStream() {
        SpikingNetwork net = network();
        Batch b = TestData.uniformBatch(4, 6, 3, 2);
        for (Estimator e : Estimator.values()) {
            EquilibriumPropagation ep = new EquilibriumPropagation(net, 15, 5, 0.5, e);
            float[] first = gradient(ep, b, 7);
            assertArrayEquals(first, gradient(ep, b, 7), e + ": same stream, same spikes, same estimate");
            assertFalse(Arrays.equals(first, gradient(ep, b, 8)), e + ": another stream must give other spikes");
            double norm = 0;
            for (float v : first) {
                norm += v * v;
            }
            assertTrue(norm > 0, e + ": the expected-energy contrast must not vanish");
        }
    }

    @Test
    void evaluationAndTracesAreRepeatable() {
        SpikingNetwork net = network();
        Batch b = TestData.uniformBatch(5, 6, 3, 4);
        EquilibriumPropagation ep = new EquilibriumPropagation(net, 15, 5, 0.5, Estimator.SYMMETRIC);
        BatchStats one = ep.evaluate(b);
        BatchStats two = ep.evaluate(b);
        assertEquals(one.lossSum(), two.lossSum());
        FreePhaseTrace t = FreePhaseTrace.record(net, b, 10, new SplittableRandom(3));
        FreePhaseTrace u = FreePhaseTrace.record(net, b, 10, new SplittableRandom(3));
        assertEquals(List.of("xi1", "spikes1", "xi2", "spikes2"), List.of(t.name(0), t.name(1), t.name(2), t.name(3)));
        assertArrayEquals(t.rates(10, 1), u.rates(10, 1));
        for (double v : t.rates(10, 1)) {
            assertTrue(v == 0 || v == 1, "spikes are 0/1, got " + v);
        }
        assertFalse(Arrays.equals(t.rates(10, 1), FreePhaseTrace.record(net, b, 10, new SplittableRandom(4)).rates(10, 1)));
    }
}
