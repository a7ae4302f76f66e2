package org.plasticity.ep.spiking.lif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plasticity.data.Batch;
import org.plasticity.ep.estimator.EquilibriumPropagation;
import org.plasticity.ep.estimator.Estimator;
import org.plasticity.ep.model.WeightInit;
import org.plasticity.ep.spiking.SpikingConfig;
import org.plasticity.ep.spiking.SpikingNetwork;
import org.plasticity.neuron.StochasticSpikeParameters;
import org.plasticity.testing.TestData;
import org.plasticity.train.Trainer;
import org.plasticity.train.TrainingRun;
import org.plasticity.train.optim.Sgd;

/**
 * The LIF baselines' dynamics against steps computed by hand (one hidden neuron driven by x = 1, two output
 * neurons), the same weights as a stochastic network, determinism, and EP learning a small task.
 */
class LifNetworkTest {

    private static final SpikingConfig TINY = new SpikingConfig(1, List.of(1), 2, 1,
            StochasticSpikeParameters.bernoulli(0.5f, 2f), true, true, WeightInit.PYTORCH_DEFAULT, 1);

    /** 1 → 1 → 2 with W0 = 0.8, b0 = 0.1, W1 = [0.5, −0.3]ᵀ, b1 = [0.05, 0], bound to x = 1 (label 0). */
    private static LifNetwork tiny(LifConfig c) {
        LifNetwork net = new LifNetwork(c, 1);
        net.connection(0).weight().value()[0] = 0.8f;
        net.connection(0).bias().value()[0] = 0.1f;
        net.connection(1).weight().value()[0] = 0.5f;
        net.connection(1).weight().value()[1] = -0.3f;
        net.connection(1).bias().value()[0] = 0.05f;
        net.connection(1).bias().value()[1] = 0f;
        net.bind(new Batch(new float[] {1f}, new int[] {0}, 1, 1));
        return net;
    }

    private static LifState step(LifNetwork net, LifState s) {
        net.relax(s, 0, 1, new SplittableRandom(0));
        return s;
    }

    @Test
    void eqSpikeStepsMatchTheHandComputedLif() {
        // decay 0.95, θ 1, reset to 0, trace γ 0.9, gain 1
        LifNetwork net = tiny(LifConfig.of(LifKind.EQSPIKE, TINY).withInputGain(1).withFloorAtReset(false));
        LifState s = net.newState();
        net.reset(s);
        step(net, s);
        // t = 1: hidden v = 0.9 (no spike); outputs v = b1 = [0.05, 0]
        assertArrayEquals(new float[] {0.9f}, new float[] {s.potentials(0)[0]}, 1e-6f);
        assertEquals(0f, s.spikes(0)[0]);
        assertArrayEquals(new float[] {0.05f, 0f}, new float[] {s.potentials(1)[0], s.potentials(1)[1]}, 1e-6f);
        step(net, s);
        // t = 2: hidden 0.95·0.9 + 0.9 = 1.755 ≥ 1 → spike, reset to 0, trace 0.1; outputs 0.95·0.05 + 0.05
        assertEquals(0f, s.potentials(0)[0], 1e-6f);
        assertEquals(1f, s.spikes(0)[0]);
        assertEquals(0.1f, s.rates(0)[0], 1e-6f);
        assertArrayEquals(new float[] {0.0975f, 0f}, new float[] {s.potentials(1)[0], s.potentials(1)[1]}, 1e-6f);
        step(net, s);
        // t = 3: the outputs see the filtered spike, W1·0.1 = [0.05, −0.03]: v = 0.95·[0.0975, 0] + [0.1, −0.03]
        assertEquals(0.9f, s.potentials(0)[0], 1e-6f);
        assertEquals(0.09f, s.rates(0)[0], 1e-6f);
        assertArrayEquals(new float[] {0.192625f, -0.03f}, new float[] {s.potentials(1)[0], s.potentials(1)[1]}, 1e-6f);
        assertEquals(3, s.step());
    }

    @Test
    void theEqSpikeFloorKeepsAnInhibitedMembraneAtTheResetPotential() {
        LifNetwork floored = tiny(LifConfig.of(LifKind.EQSPIKE, TINY).withInputGain(1));
        LifState s = floored.newState();
        floored.reset(s);
        for (int t = 0; t < 3; t++) {
            step(floored, s);
        }
        // as above, but the second output's −0.03 is floored at 0; the first is unchanged
        assertArrayEquals(new float[] {0.192625f, 0f}, new float[] {s.potentials(1)[0], s.potentials(1)[1]}, 1e-6f);
    }

    @Test
    void sigmaDeltaStepsMatchTheHandComputedEquation17() {
        // κ 2 (range [0, ½]), ε_t = 0.8/t, α_t = 0.5/t
        LifNetwork net = tiny(LifConfig.of(LifKind.SIGMA_DELTA, TINY).withStep(new StepSchedule(0.8, 1))
                .withAlpha(new StepSchedule(0.5, 1)));
        LifState s = net.newState();
        net.reset(s);
        step(net, s);
        // hidden: ξ = clip(0.8·2·0.9) = ½, σ = 1, Enc = 1/0.5 = 2, V + ½ = 2.5 → spike, 1.5
        assertEquals(0.5f, s.potentials(0)[0], 1e-6f);
        assertEquals(1f, s.spikes(0)[0]);
        assertEquals(1.5f, s.accumulator(0)[0], 1e-6f);
        // outputs: ξ = 0.8·2·[0.05, 0] = [0.08, 0], σ = [0.16, 0], Enc = [0.32, 0], no spikes
        assertArrayEquals(new float[] {0.08f, 0f}, new float[] {s.potentials(1)[0], s.potentials(1)[1]}, 1e-6f);
        assertArrayEquals(new float[] {0.82f, 0.5f}, new float[] {s.accumulator(1)[0], s.accumulator(1)[1]}, 1e-6f);
        step(net, s);
        // t = 2, ε 0.4, α 0.25: outputs decode the hidden spike: Dec = 0.25·[0.5, −0.3];
        // ξ = [0.6·0.08 + 0.4·2·0.175, clip(−0.06)] = [0.188, 0]; Enc = [(0.376 − 0.75·0.16)/0.25, 0] = [1.024, 0]
        assertArrayEquals(new float[] {0.125f, -0.075f}, new float[] {s.decoder(1)[0], s.decoder(1)[1]}, 1e-6f);
        assertArrayEquals(new float[] {0.188f, 0f}, new float[] {s.potentials(1)[0], s.potentials(1)[1]}, 1e-6f);
        assertArrayEquals(new float[] {1f, 0f}, new float[] {s.spikes(1)[0], s.spikes(1)[1]});
        assertArrayEquals(new float[] {0.844f, 0.5f}, new float[] {s.accumulator(1)[0], s.accumulator(1)[1]}, 1e-5f);
        // hidden: ξ = clip(0.6·½ + 0.4·2·0.9) = ½, Enc = (1 − 0.75)/0.25 = 1 → spike, 1.5
        assertEquals(0.5f, s.potentials(0)[0], 1e-6f);
        assertEquals(1.5f, s.accumulator(0)[0], 1e-6f);
    }

    @Test
    void stepScheduleOnlyFeedsRawSpikesAndModulatesTheRateItself() {
        LifNetwork net = tiny(LifConfig.of(LifKind.STEP_SCHEDULE, TINY).withStep(new StepSchedule(0.8, 1)));
        LifState s = net.newState();
        net.reset(s);
        step(net, s);
        assertArrayEquals(new float[] {0.66f, 0.5f}, new float[] {s.accumulator(1)[0], s.accumulator(1)[1]}, 1e-6f);
        assertEquals(0.5f, s.accumulator(0)[0], 1e-6f); // ½ + σ = 1.5 → spike → ½
        step(net, s);
        // Dec = u = [0.5, −0.3]; ξ = [0.6·0.08 + 0.4·2·0.55, 0] = [0.488, 0]; Enc = σ = [0.976, 0]
        assertArrayEquals(new float[] {0.5f, -0.3f}, new float[] {s.decoder(1)[0], s.decoder(1)[1]}, 1e-6f);
        assertArrayEquals(new float[] {0.488f, 0f}, new float[] {s.potentials(1)[0], s.potentials(1)[1]}, 1e-6f);
        assertArrayEquals(new float[] {0.636f, 0.5f}, new float[] {s.accumulator(1)[0], s.accumulator(1)[1]}, 1e-5f);
        assertEquals(1f, s.spikes(1)[0]);
    }

    @Test
    void sameSeedGivesTheStochasticNetworksInitialWeights() {
        SpikingConfig c = new SpikingConfig(8, List.of(12), 3, 2, StochasticSpikeParameters.bernoulli(0.5f, 2f), true, true,
                WeightInit.PYTORCH_DEFAULT, 1);
        SpikingNetwork stochastic = new SpikingNetwork(c, 7);
        for (LifKind kind : LifKind.values()) {
            LifNetwork lif = new LifNetwork(LifConfig.of(kind, c), 7);
            for (int i = 0; i < lif.parameters().size(); i++) {
                assertArrayEquals(stochastic.parameters().get(i).value(), lif.parameters().get(i).value(), kind + " " + i);
            }
        }
    }

    private static float[] trainedParameters(LifKind kind, long seed) {
        SpikingConfig like = new SpikingConfig(16, List.of(32), 4, 5, StochasticSpikeParameters.bernoulli(0.5f, 2f), true, true,
                WeightInit.PYTORCH_DEFAULT, 1);
        EquilibriumPropagation ep = LifEp.ep(LifConfig.of(kind, like), 30, 10, 0.5, Estimator.RANDOM_SIGN, 1);
        Trainer.create().quiet().epochs(1).batchSize(8).maxBatchesPerEpoch(5).seed(seed).optimizer(Sgd.of(0.05))
                .fit(ep, TestData.prototypeSplits(16, 4));
        List<Float> all = new ArrayList<>();
        ep.parameters().forEach(p -> {
            for (float v : p.value()) {
                all.add(v);
            }
        });
        float[] out = new float[all.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = all.get(i);
        }
        return out;
    }

    @Test
    void sameSeedSameParametersAfterTraining() {
        for (LifKind kind : LifKind.values()) {
            assertArrayEquals(trainedParameters(kind, 3), trainedParameters(kind, 3), kind.name());
        }
    }

    @Test
    void everyBaselineLearnsASmallTaskByEp() {
        SpikingConfig like = new SpikingConfig(16, List.of(32), 4, 5, StochasticSpikeParameters.bernoulli(0.5f, 2f), true, true,
                WeightInit.PYTORCH_DEFAULT, 1);
        for (LifKind kind : LifKind.values()) {
            EquilibriumPropagation ep = LifEp.ep(LifConfig.of(kind, like), 30, 10, 0.5, Estimator.RANDOM_SIGN, 1);
            TrainingRun run = Trainer.create().quiet().epochs(6).batchSize(8).seed(1).optimizer(Sgd.of(0.1))
                    .fit(ep, TestData.prototypeSplits(16, 4));
            assertTrue(run.last().testAccuracy() > 0.8, kind + ": " + run.history());
        }
    }
}
