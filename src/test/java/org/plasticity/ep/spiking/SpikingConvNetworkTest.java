package org.plasticity.ep.spiking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plasticity.data.Batch;
import org.plasticity.ep.bptt.BpttEngine;
import org.plasticity.ep.diagnostics.GduCheck;
import org.plasticity.ep.diagnostics.GduResult;
import org.plasticity.ep.estimator.EquilibriumPropagation;
import org.plasticity.ep.estimator.Estimator;
import org.plasticity.ep.model.ConvSpec;
import org.plasticity.ep.model.Nudge;
import org.plasticity.ep.model.Pooling;
import org.plasticity.ep.model.WeightInit;
import org.plasticity.neuron.StochasticSpikeParameters;
import org.plasticity.tensor.Parallel;
import org.plasticity.testing.FiniteDifferences;
import org.plasticity.testing.TestData;
import org.plasticity.train.Parameter;
import org.plasticity.train.Trainer;
import org.plasticity.train.TrainingRun;
import org.plasticity.train.optim.Sgd;

/**
 * The convolutional stochastic spiking network on tiny synthetic inputs: the paper's geometries, Φ's parameter
 * gradient vs finite differences, BPTT of the mean-field network vs finite differences of its loss, the GDU check
 * (EP = BPTT step by step with the stochasticity off; a flipped β fails), for max-pool (3×3 and 2×2 windows) and
 * average pool; same seed → same spikes and parameters, whatever the thread count; learning on a small task.
 */
class SpikingConvNetworkTest {

    /**
     * 1×7×7 → conv 3 (k 3, p 1) → 3×3/3 pool (7 → 2, a row and column dropped) → conv 4 (k 2, p 1) → 2×2/2 pool
     * (3 → 1) → 3 classes × 2.
     */
    static SpikingConvConfig small(Pooling pooling, boolean stochastic, double initScale) {
        return new SpikingConvConfig(1, 7, 7, List.of(new ConvSpec(3, 3, 1, 1, pooling, 3), new ConvSpec(4, 2, 1, 1, pooling, 2)),
                List.of(), 3, 2, StochasticSpikeParameters.bernoulli(0.5f, 2f), stochastic, true, WeightInit.PYTORCH_DEFAULT,
                initScale);
    }

    private static Batch batch() {
        return TestData.uniformBatch(4, 49, 3, 21);
    }

    @Test
    void thePapersGeometries() {
        SpikingConvConfig c2 = SpikingConvConfig.mnist2c(70);
        assertArrayEquals(new int[] {64 * 8 * 8, 128 * 2 * 2, 700}, c2.layerSizes(), "28 → 26 → 8 → 6 → 2: 512 features");
        assertArrayEquals(new int[] {64 * 15 * 15, 128 * 6 * 6, 256 * 2 * 2, 550}, SpikingConvConfig.dvs3c(11).layerSizes());
        SpikingConvConfig c5 = SpikingConvConfig.cifar5c(false);
        assertArrayEquals(new int[] {64 * 16 * 16, 128 * 8 * 8, 256 * 4 * 4, 256 * 2 * 2, 500}, c5.layerSizes(),
                "the geometry fix: stride 1, 32 → 16 → 8 → 4 → 2, 1024 features");
        assertEquals(StochasticSpikeParameters.Firing.POISSON_ESCAPE, SpikingConvConfig.cifar5c(true).neuron().firing());
        // the text's stride 2 does not fit: the fourth pool gets a 1×1 map
        List<ConvSpec> text = new ArrayList<>();
        for (int ch : new int[] {64, 128, 256, 256}) {
            text.add(new ConvSpec(ch, 5, 2, 2, Pooling.MAX));
        }
        assertThrows(IllegalArgumentException.class, () -> new SpikingConvConfig(3, 32, 32, text, List.of(), 10, 50,
                c5.neuron(), true, true, WeightInit.PYTORCH_DEFAULT, 1));
        SpikingConvNetwork net = new SpikingConvNetwork(c2, 1);
        assertEquals(64 * 25 + 64 + 128 * 64 * 25 + 128 + 700 * 512 + 700,
                net.parameters().stream().mapToInt(Parameter::size).sum());
        assertTrue(c2.withPooling(Pooling.AVG).toString().contains("conv64k5p1a3"), c2.withPooling(Pooling.AVG).toString());
    }

    /** State 0 of {@code net} bound to {@link #batch()}, every membrane drawn uniformly from [−below, width − below). */
    private static SpikeState randomPotentials(SpikingConvNetwork net, long seed, double width, double below) {
        net.bind(batch());
        SpikeState s = net.state(0);
        net.reset(s);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int l = 0; l < s.layers(); l++) {
            float[] v = new float[4 * s.size(l)];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (rng.nextDouble() * width - below);
            }
            net.setPotentials(s, l, v);
        }
        return s;
    }

    @Test
    void phiParameterGradientMatchesFiniteDifferences() {
        for (Pooling pooling : List.of(Pooling.MAX, Pooling.AVG)) {
            SpikingConvNetwork net = new SpikingConvNetwork(small(pooling, false, 1), 3);
            SpikeState s = randomPotentials(net, 5, 0.6, 0.05);
            net.parameters().forEach(Parameter::zeroGrad);
            net.accumulatePhiGradient(List.of(s), List.of(new Nudge(0.3, 1.0)));
            // average pooling: Φ is bilinear in (W, b), the difference is exact; max-pool: piecewise linear, a smaller step
            // keeps the windows' argmax in place
            boolean max = pooling == Pooling.MAX;
            FiniteDifferences.of(() -> net.phi(s, 0)).step(max ? 2e-3 : 1e-2).dividedBy(4).tolerance(max ? 3e-4 : 1e-4, 2e-3)
                    .checkParameters(net.parameters(), "Φ " + pooling);
        }
    }

    @Test
    void aWrongPhiGradientFails() {
        SpikingConvNetwork net = new SpikingConvNetwork(small(Pooling.MAX, false, 1), 3);
        SpikeState s = randomPotentials(net, 5, 0.6, 0.05);
        net.parameters().forEach(Parameter::zeroGrad);
        net.accumulatePhiGradient(List.of(s), List.of(new Nudge(0.3, 1.0)));
        net.parameters().get(2).grad()[5] += 0.05f;
        assertThrows(AssertionError.class, () -> FiniteDifferences.of(() -> net.phi(s, 0)).step(1e-2).dividedBy(4)
                .tolerance(1e-4, 1e-3).checkParameters(net.parameters(), "Φ"));
    }

    @Test
    void bpttOfTheMeanFieldNetworkMatchesFiniteDifferences() {
        for (Pooling pooling : List.of(Pooling.MAX, Pooling.AVG)) {
            for (boolean clamp : new boolean[] {true, false}) {
                SpikingConvNetwork net = new SpikingConvNetwork(small(pooling, false, 0.8).withClampMembrane(clamp), 4);
                Batch b = batch();
                int t = 7;
                net.bind(b);
                SpikeState s0 = net.newState();
                net.reset(s0);
                net.parameters().forEach(Parameter::zeroGrad);
                BpttEngine<SpikeState> engine = new BpttEngine<>(net);
                engine.record(s0, t, new SplittableRandom(1));
                engine.backward(null);
                List<float[]> grads = new ArrayList<>();
                net.parameters().forEach(p -> grads.add(p.grad().clone()));
                FiniteDifferences coarse = FiniteDifferences.of(() -> TestData.lossAfterFreeSteps(net, b, t)).step(2e-3)
                        .tolerance(2e-4, 1e-2);
                FiniteDifferences fine = coarse.step(1e-3);
                int checked = 0;
                double largest = 0;
                for (int pi = 0; pi < net.parameters().size(); pi++) {
                    Parameter p = net.parameters().get(pi);
                    for (int i = 0; i < p.size(); i++) {
                        double fd = coarse.at(p.value(), i);
                        double fd2 = fine.at(p.value(), i);
                        if (Math.abs(fd - fd2) > 1e-3 * Math.max(1e-3, Math.abs(fd))) {
                            continue; // a clip, slope or max-pool kink lies within h: no derivative there
                        }
                        String what = pooling + " clamp=" + clamp + " " + p.name() + "[" + i + "]";
                        assertEquals(fd, grads.get(pi)[i], coarse.allowed(fd), what);
                        largest = Math.max(largest, Math.abs(fd));
                        checked++;
                    }
                }
                assertTrue(checked > 60, pooling + " clamp=" + clamp + ": too few checked elements: " + checked);
                assertTrue(largest > 1e-3, "the loss must depend on the parameters: largest |∂L/∂θ| " + largest);
            }
        }
    }

    @Test
    void withTheStochasticityOffEpMatchesBpttStepByStep() {
        for (Pooling pooling : List.of(Pooling.MAX, Pooling.AVG)) {
            SpikingConvNetwork net = new SpikingConvNetwork(small(pooling, false, 0.2), 3);
            // small positive biases keep the units inside the clip's active range (a pinned unit has no gradient in either
            // estimate, and a flipped sign would then go unnoticed there)
            for (Parameter p : net.parameters()) {
                if (p.name().startsWith("b")) {
                    for (int i = 0; i < p.size(); i++) {
                        p.value()[i] += 0.03f;
                    }
                }
            }
            GduResult r = GduCheck.run(net, batch(), 300, 10, 0.001, true);
            for (String key : r.keys()) {
                assertTrue(r.rmse(key) < 0.01, pooling + " " + key + ": RMSE " + r.rmse(key) + "\n" + r.toText());
                assertTrue(r.signError(key) < 0.05, pooling + " " + key + ": sign error " + r.signError(key) + "\n" + r.toText());
            }
            // the test can fail: a flipped β sign disagrees
            GduResult flipped = GduCheck.run(net, batch(), 300, 10,
                    List.of(new Nudge(0.001, 1 / 0.001), new Nudge(0, -1 / 0.001)));
            assertTrue(flipped.worstRmse() > 1, pooling + " flipped:\n" + flipped.toText());
            // and the random-sign plan training uses agrees for both signs (one-sided: an O(β) bias the symmetric plan cancels)
            for (long seed = 0; seed < 4; seed++) {
                GduResult rs = GduCheck.run(net, batch(), 300, 10, 0.001, Estimator.RANDOM_SIGN, new SplittableRandom(seed));
                assertTrue(rs.worstRmse() < 0.02, pooling + " random sign:\n" + rs.toText());
            }
        }
    }

    /** 1×12×12 → conv 8 (k 3, p 1) → 2×2 max-pool → conv 16 (k 3, p 1) → 3×3 max-pool → 4 × 3: enough work per row to split rows. */
    private static SpikingConvConfig wider() {
        return new SpikingConvConfig(1, 12, 12, List.of(new ConvSpec(8, 3, 1, 1, Pooling.MAX), new ConvSpec(16, 3, 1, 1, Pooling.MAX, 3)),
                List.of(), 4, 3, StochasticSpikeParameters.bernoulli(0.5f, 2f), true, true, WeightInit.PYTORCH_DEFAULT, 1.5);
    }

    @Test
    void theSameSeedGivesTheSameSpikesAndParametersWhateverTheThreadCount() {
        SpikingConvNetwork a = new SpikingConvNetwork(wider(), 3);
        SpikingConvNetwork b = new SpikingConvNetwork(wider(), 3);
        Batch batch = TestData.uniformBatch(6, 144, 4, 8);
        float[][] sa = Parallel.withThreads(1, () -> spikes(a, batch, 11));
        assertTrue(Arrays.deepEquals(sa, Parallel.withThreads(Math.max(2, Parallel.poolThreads()), () -> spikes(b, batch, 11))),
                "one random stream per sample: the thread count must not matter");
        assertTrue(Arrays.deepEquals(sa, spikes(a, batch, 11)));
        assertFalse(Arrays.deepEquals(sa, spikes(b, batch, 12)), "another stream, other spikes");
        for (int l = 0; l < 3; l++) {
            double density = 0;
            for (float v : sa[l]) {
                assertTrue(v == 0f || v == 1f, "spikes are 0/1");
                density += v;
            }
            assertTrue(density > 0, "layer " + l + " must fire");
        }
        float[] p1 = Parallel.withThreads(1, () -> trained(5));
        assertArrayEquals(p1, trained(5));
        assertFalse(Arrays.equals(p1, trained(6)));
    }

    private static float[][] spikes(SpikingConvNetwork net, Batch b, long seed) {
        net.bind(b);
        SpikeState s = net.state(0);
        net.reset(s);
        net.relax(s, 0, 20, new SplittableRandom(seed));
        net.relax(s, 0.5, 5, new SplittableRandom(seed + 100));
        return new float[][] {s.spikes(0).clone(), s.spikes(1).clone(), s.spikes(2).clone(), s.potentials(1).clone()};
    }

    private static float[] trained(long seed) {
        EquilibriumPropagation ep = SpikingEp.ep(wider(), 15, 5, 0.5, Estimator.RANDOM_SIGN, 1);
        Trainer.create().quiet().epochs(1).batchSize(8).maxBatchesPerEpoch(3).seed(seed).optimizer(Sgd.of(0.05))
                .fit(ep, TestData.prototypeSplits(144, 4));
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
    void theSampledStochasticEnergyAveragesToTheDeterministicEnergy() {
        SpikingConvNetwork net = new SpikingConvNetwork(small(Pooling.AVG, true, 1.5), 6);
        SpikeState s = randomPotentials(net, 2, 0.7, 0.1);
        double expected = net.expectedEnergy(s);
        SplittableRandom rng = new SplittableRandom(9);
        int m = 5_000;
        double sum = 0;
        double sq = 0;
        for (int k = 0; k < m; k++) {
            for (int l = 0; l < s.layers(); l++) {
                for (int i = 0; i < 4 * s.size(l); i++) {
                    s.spike[l][i] = (rng.nextInt() >>> 8) * 0x1.0p-24f < s.rate[l][i] ? 1f : 0f;
                }
            }
            double v = net.sampledEnergy(s);
            sum += v;
            sq += v * v;
        }
        double mean = sum / m;
        double se = Math.sqrt(Math.max(0, sq / m - mean * mean) / m);
        // average pooling and convolution are linear in each layer's spikes, so Theorem 3.1 holds exactly
        assertEquals(expected, mean, 4 * se, "sampled mean " + mean + " ± " + se + " vs E " + expected);
        assertTrue(se > 0 && se < 0.05 * Math.abs(expected) + 0.05, "a meaningful tolerance: se " + se);
    }

    @Test
    void stochasticConvEpLearnsASmallTask() {
        SpikingConvConfig c = new SpikingConvConfig(1, 6, 6, List.of(new ConvSpec(6, 3, 1, 1, Pooling.MAX)), List.of(), 3, 5,
                StochasticSpikeParameters.bernoulli(0.5f, 2f), true, true, WeightInit.PYTORCH_DEFAULT, 1);
        EquilibriumPropagation ep = SpikingEp.ep(c, 25, 8, 0.5, Estimator.RANDOM_SIGN, 1);
        org.plasticity.data.Splits data = new org.plasticity.data.Splits("p", TestData.prototypes("tr", 300, 36, 3, 0.4, 1),
                TestData.prototypes("v", 30, 36, 3, 0.4, 2), TestData.prototypes("te", 100, 36, 3, 0.4, 3));
        TrainingRun run = Trainer.create().quiet().epochs(4).batchSize(10).seed(1).optimizer(Sgd.of(0.1)).fit(ep, data);
        assertTrue(run.last().testAccuracy() > 0.85, run.history().toString());
    }
}
