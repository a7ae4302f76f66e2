package org.plasticity.ep.dendritic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.plasticity.data.Batch;
import org.plasticity.data.Splits;
import org.plasticity.ep.bptt.Bptt;
import org.plasticity.ep.diagnostics.GduCheck;
import org.plasticity.ep.diagnostics.GduResult;
import org.plasticity.ep.estimator.EquilibriumPropagation;
import org.plasticity.ep.model.Nudge;
import org.plasticity.ep.model.StateView;
import org.plasticity.testing.FiniteDifferences;
import org.plasticity.testing.TestData;
import org.plasticity.train.Parameter;
import org.plasticity.train.StepContext;
import org.plasticity.train.Trainer;
import org.plasticity.train.TrainingRun;
import org.plasticity.train.optim.Adam;

/**
 * The dendritic network's math: the dynamics are ∂Φ/∂v, the EP gradient is ∂Φ/∂θ, BPTT through the dynamics equals
 * finite differences of the loss, EP's step-by-step updates match BPTT's gradients (a flipped β or a missing mask on
 * the update breaks it), masked synapses never change, the same seed gives the same numbers.
 */
class DendriticNetworkTest {

    /** The variants of one config: §2.3, reading (i), reading (iii), both. */
    enum Variant {
        STATE_MASK(DendriticConfig.Reading.STATE_BRANCHES, DendriticConfig.Sparsity.MASK),
        STATE_GATE(DendriticConfig.Reading.STATE_BRANCHES, DendriticConfig.Sparsity.GATE),
        FUNCTION_MASK(DendriticConfig.Reading.FUNCTION_BRANCHES, DendriticConfig.Sparsity.MASK),
        FUNCTION_GATE(DendriticConfig.Reading.FUNCTION_BRANCHES, DendriticConfig.Sparsity.GATE);

        final DendriticConfig.Reading reading;
        final DendriticConfig.Sparsity sparsity;

        Variant(DendriticConfig.Reading r, DendriticConfig.Sparsity s) {
            reading = r;
            sparsity = s;
        }

        DendriticConfig config(int... somas) {
            return DendriticConfig.of(6, 3, somas).withBranches(3, 2).withReading(reading).withSparsity(sparsity);
        }
    }

    private static DendriticNetwork net(DendriticConfig c, long seed) {
        return Dendritic.network(c, seed);
    }

    /** Working state 0 with every variable uniform in [0.1, 0.9). */
    private static DendriticState randomState(DendriticNetwork net, long seed) {
        DendriticState s = net.state(0);
        net.reset(s);
        SplittableRandom rng = new SplittableRandom(seed);
        for (StateView v : s.views()) {
            for (int i = 0; i < s.rows() * v.size(); i++) {
                v.values()[i] = (float) (0.1 + 0.8 * rng.nextDouble());
            }
        }
        return s;
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void theDriveOfEveryBlockIsTheStateGradientOfPhi(Variant v) {
        DendriticNetwork net = net(v.config(4, 3), 2);
        net.bind(TestData.uniformBatch(3, 6, 3, 5));
        DendriticState s = randomState(net, 7);
        float beta = 0.3f;
        float[][] drive = net.drives(s, beta);
        List<StateView> views = s.views();
        FiniteDifferences fd = FiniteDifferences.of(() -> net.phi(s, beta)).step(1e-2).relative(2e-3).every(2);
        for (int w = 0; w < views.size(); w++) {
            fd.check(views.get(w).values(), s.rows() * views.get(w).size(), drive[w], v + " " + views.get(w).name());
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void theAccumulatedGradientIsTheParameterGradientOfPhi(Variant v) {
        DendriticNetwork net = net(v.config(4, 3), 3);
        net.bind(TestData.uniformBatch(3, 6, 3, 6));
        DendriticState s = randomState(net, 8);
        net.drives(s, 0f); // draws the gates of the gate reading
        net.parameters().forEach(Parameter::zeroGrad);
        net.accumulatePhiGradient(List.of(s), List.of(new Nudge(0, 1)));
        assertMaskedGradientsAreZero(net, v);
        int checked = FiniteDifferences.of(() -> net.phi(s, 0) / s.rows()).step(1e-2).relative(2e-3)
                .only((p, i) -> !masked(net, p, i)).checkParameters(net.parameters(), v.toString());
        assertTrue(checked > 100, "checked " + checked);
    }

    private static void assertMaskedGradientsAreZero(DendriticNetwork net, Variant v) {
        for (Parameter p : net.parameters()) {
            for (int i = 0; i < p.size(); i++) {
                if (masked(net, p, i)) {
                    assertEquals(0f, p.grad()[i], 0f, v + " masked " + p.name() + "[" + i + "]");
                }
            }
        }
    }

    /** Whether element {@code i} of {@code p} is a masked-out synapse. */
    private static boolean masked(DendriticNetwork net, Parameter p, int i) {
        boolean[] mask = maskOf(net, p.name());
        return mask != null && !mask[i];
    }

    /** The mask of a weight parameter ({@code Wb1}, {@code Wa2}, ...), or null. */
    private static boolean[] maskOf(DendriticNetwork net, String name) {
        if (name.startsWith("Wb") || name.startsWith("Wa")) {
            return net.mask(Integer.parseInt(name.substring(2)) - 1, name.startsWith("Wa"));
        }
        return null;
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void bpttThroughTheDendriticDynamicsMatchesFiniteDifferences(Variant v) {
        for (int[] somas : List.of(new int[] {4}, new int[] {4, 3})) {
            DendriticNetwork net = net(v.config(somas), 4);
            Batch b = TestData.uniformBatch(4, 6, 3, 9);
            Bptt bptt = new Bptt(net, 7, 7);
            net.parameters().forEach(Parameter::zeroGrad);
            bptt.computeGradients(b, new StepContext(0, 0, 0, 1, new SplittableRandom(1)));
            assertMaskedGradientsAreZero(net, v);
            FiniteDifferences fd = FiniteDifferences.of(() -> TestData.lossAfterFreeSteps(net, b, 7)).step(2e-3).tolerance(2e-3, 2e-2);
            int nonzero = 0;
            for (Parameter p : net.parameters()) {
                for (int i = 0; i < p.size(); i++) {
                    if (masked(net, p, i)) {
                        continue;
                    }
                    double numeric = fd.at(p.value(), i);
                    assertEquals(numeric, p.grad()[i], fd.allowed(numeric),
                            v + " " + Arrays.toString(somas) + " " + p.name() + "[" + i + "]");
                    if (Math.abs(numeric) > 1e-4) {
                        nonzero++;
                    }
                }
            }
            assertTrue(nonzero > 50, v + ": only " + nonzero + " non-zero gradients");
        }
    }

    private static final int T1 = 150;
    private static final int K = 10;

    private static DendriticConfig gduConfig() {
        return DendriticConfig.of(8, 4, 6).withBranches(4, 2);
    }

    private static Batch gduBatch() {
        return TestData.uniformBatch(5, 8, 4, 21);
    }

    @Test
    void epUpdatesMatchBpttGradientsStepByStep() {
        for (DendriticConfig c : List.of(gduConfig(), gduConfig().withReading(DendriticConfig.Reading.FUNCTION_BRANCHES),
                DendriticConfig.of(8, 4, 5, 4).withBranches(4, 2))) {
            GduResult r = GduCheck.run(net(c, 3), gduBatch(), T1, K, 0.01, true);
            // the last increments of a settled net are ~1e-7 and their signs partly noise; RMSE is the criterion
            double signs = c.reading() == DendriticConfig.Reading.STATE_BRANCHES ? 0.1 : 0.2;
            // two hidden layers: the bottom layer's updates are ~100× smaller, finite-β error weighs more there
            double tol = c.depth() == 1 ? 0.05 : 0.1;
            for (String key : r.keys()) {
                assertTrue(r.rmse(key) < tol, c + " " + key + ": RMSE " + r.rmse(key) + "\n" + r.toText());
                assertTrue(r.signError(key) < signs, c + " " + key + ": sign error " + r.signError(key) + "\n" + r.toText());
            }
        }
    }

    @Test
    void aFlippedBetaSignFailsTheGduCheck() {
        double b = 0.01;
        GduResult flipped = GduCheck.run(net(gduConfig(), 3), gduBatch(), T1, K, List.of(new Nudge(-b, -1 / (2 * b)),
                new Nudge(b, 1 / (2 * b))));
        // every update has the opposite sign of BPTT's gradient: RMSE ≈ 2 (≈ 1 for the masked matrices, whose
        // absent synapses are 0 on both sides)
        for (String key : flipped.keys()) {
            assertTrue(flipped.rmse(key) > (key.startsWith("W") && !key.equals("Wo") ? 0.9 : 1.5), key + "\n" + flipped.toText());
        }
    }

    @Test
    void aMissingMaskOnTheUpdateFailsTheGduCheck() {
        GduResult ok = GduCheck.run(net(gduConfig(), 3), gduBatch(), T1, K, 0.01, true);
        GduResult unmasked = GduCheck.run(net(gduConfig().withMaskedGradients(false), 3), gduBatch(), T1, K, 0.01, true);
        for (String key : List.of("Wb1", "Wa1")) {
            assertTrue(ok.rmse(key) < 0.05, key + "\n" + ok.toText());
            assertTrue(unmasked.rmse(key) > 0.3, key + ": RMSE " + unmasked.rmse(key) + "\n" + unmasked.toText());
        }
        // everything else is unaffected by the mask on the update
        assertTrue(unmasked.rmse("ub1") < 0.05, unmasked.toText());
    }

    private static Splits data() {
        return TestData.prototypeSplits(6, 3);
    }

    private static TrainingRun train(EquilibriumPropagation ep, long seed) {
        return Trainer.create().quiet().epochs(2).batchSize(20).maxBatchesPerEpoch(8).seed(seed)
                .optimizer(Adam.adamW(0.02, 0.01)).fit(ep, data());
    }

    @Test
    void maskedSynapsesNeverChangeAndTheOthersLearn() {
        DendriticConfig c = DendriticConfig.of(6, 3, 5, 4).withBranches(3, 2);
        EquilibriumPropagation ep = Dendritic.ep(c, 20, 4, 0.5, 5);
        DendriticNetwork net = (DendriticNetwork) ep.model();
        List<float[]> before = new ArrayList<>();
        net.parameters().forEach(p -> before.add(p.value().clone()));
        train(ep, 5);
        int masked = 0;
        int moved = 0;
        for (int q = 0; q < net.parameters().size(); q++) {
            Parameter p = net.parameters().get(q);
            boolean[] mask = maskOf(net, p.name());
            for (int i = 0; i < p.size(); i++) {
                if (mask != null && !mask[i]) {
                    assertEquals(0f, p.value()[i], 0f, p.name() + "[" + i + "] is masked");
                    assertEquals(0f, before.get(q)[i], 0f);
                    masked++;
                } else if (p.value()[i] != before.get(q)[i]) {
                    moved++;
                }
            }
        }
        assertTrue(masked > 20 && moved > 100, masked + " masked, " + moved + " moved");
        // the ablation without the mask on the update does move them
        EquilibriumPropagation bare = Dendritic.ep(c.withMaskedGradients(false), 20, 4, 0.5, 5);
        DendriticNetwork bn = (DendriticNetwork) bare.model();
        train(bare, 5);
        boolean[] m = bn.mask(0, false);
        float[] w = bn.parameters().get(0).value();
        int changed = 0;
        for (int i = 0; i < w.length; i++) {
            if (!m[i] && w[i] != 0f) {
                changed++;
            }
        }
        assertTrue(changed > 0, "without the mask on the update the absent synapses should move");
    }

    @Test
    void masksAreFixedPerSeedWithTheStatedDensity() {
        DendriticConfig c = DendriticConfig.of(784, 10, 20);
        DendriticNetwork a = net(c, 1);
        boolean[] m = a.mask(0, false);
        for (int j = 0; j < 20 * 8; j++) {
            int on = 0;
            for (int i = 0; i < 784; i++) {
                on += m[j * 784 + i] ? 1 : 0;
            }
            assertEquals(392, on, "branch " + j);
        }
        boolean[] top = a.mask(0, true);
        for (int j = 0; j < 20 * 2; j++) {
            int on = 0;
            for (int i = 0; i < 10; i++) {
                on += top[j * 10 + i] ? 1 : 0;
            }
            assertEquals(5, on, "apical branch " + j);
        }
        assertArrayEquals(m, net(c, 1).mask(0, false));
        assertFalse(Arrays.equals(m, net(c, 2).mask(0, false)));
        // 160 basal × 392 + 40 apical × 5 synapses, branch biases and couplings, soma biases, output layer
        assertEquals(160 * 392 + 160 + 160 + 40 * 5 + 40 + 40 + 20 + 20 * 10 + 10, a.trainableParameterCount());
        assertEquals(20 * 11 + 10, a.stateVariableCount());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void theSameSeedGivesIdenticalNumbers(Variant v) {
        DendriticConfig c = v.config(5);
        EquilibriumPropagation a = Dendritic.ep(c, 15, 4, 0.5, 9);
        EquilibriumPropagation b = Dendritic.ep(c, 15, 4, 0.5, 9);
        TrainingRun ra = train(a, 3);
        TrainingRun rb = train(b, 3);
        for (int i = 0; i < a.parameters().size(); i++) {
            assertArrayEquals(a.parameters().get(i).value(), b.parameters().get(i).value(), v + " " + a.parameters().get(i).name());
        }
        assertEquals(ra.last().trainLoss(), rb.last().trainLoss(), 0.0);
        EquilibriumPropagation other = Dendritic.ep(c, 15, 4, 0.5, 10);
        train(other, 3);
        assertNotEquals(Arrays.toString(a.parameters().get(0).value()), Arrays.toString(other.parameters().get(0).value()));
    }

    @Test
    void dendriticEpLearnsASmallTask() {
        EquilibriumPropagation ep = Dendritic.ep(DendriticConfig.of(6, 3, 8), 30, 8, 0.5, 1);
        TrainingRun run = Trainer.create().quiet().epochs(5).batchSize(20).seed(1).optimizer(Adam.of(0.01)).fit(ep, data());
        assertTrue(run.last().testAccuracy() > 0.8, run.toString());
    }
}
