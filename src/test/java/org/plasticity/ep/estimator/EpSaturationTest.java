package org.plasticity.ep.estimator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.plasticity.data.Batch;
import org.plasticity.data.Splits;
import org.plasticity.ep.EqProp;
import org.plasticity.ep.model.Activation;
import org.plasticity.ep.model.DenseConnection;
import org.plasticity.ep.model.LayeredNetwork;
import org.plasticity.ep.model.NeuronState;
import org.plasticity.random.Seeds;
import org.plasticity.testing.TestData;
import org.plasticity.train.BatchStats;
import org.plasticity.train.DivergenceException;
import org.plasticity.train.StepContext;
import org.plasticity.train.Trainer;
import org.plasticity.train.TrainingRun;
import org.plasticity.train.listeners.DivergenceGuard;
import org.plasticity.train.optim.Sgd;

/**
 * EP's {@code saturation} metric counts hidden units pinned at a bound of ρ through all of a batch's
 * phases: low for a healthy net whose outputs sit at the bounds (near one-hot), near 1 when the hidden
 * layer is blown up, and the trainer's divergence guard stops the second but not the first.
 */
class EpSaturationTest {

    private static final Splits DATA = TestData.prototypeSplits(20, 4);

    private static EquilibriumPropagation net(long seed) {
        return EqProp.network(20, 32, 4).t1(20).t2(6).beta(0.5).build(seed);
    }

    private static Batch batch(int n) {
        var train = DATA.trainSet();
        float[] x = new float[n * train.featureCount()];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(train.features(), i * train.featureCount(), x, i * train.featureCount(), train.featureCount());
            y[i] = train.label(i);
        }
        return new Batch(x, y, n, train.featureCount());
    }

    private static double saturation(EquilibriumPropagation ep, Batch b) {
        ep.parameters().forEach(p -> p.zeroGrad());
        BatchStats s = ep.computeGradients(b, new StepContext(0, 0, 0, 1, Seeds.stream(1, Seeds.STEP, 0, 0)));
        assertTrue(s.sums().containsKey(DivergenceGuard.SATURATION), s.toString());
        return s.mean(DivergenceGuard.SATURATION);
    }

    private static void scale(DenseConnection c, float by) {
        float[] w = c.weight().value();
        for (int i = 0; i < w.length; i++) {
            w[i] *= by;
        }
    }

    /** The fraction of output units at a bound of ρ in the free fixed point (the definition that misfires). */
    private static double outputsAtBounds(EquilibriumPropagation ep, Batch b) {
        LayeredNetwork net = (LayeredNetwork) ep.model();
        net.bind(b);
        NeuronState s = net.state(0);
        net.reset(s);
        net.relax(s, 0, ep.t1());
        int out = net.dynamicLayers() - 1;
        Activation act = net.activation(out);
        int pinned = 0;
        int n = b.size() * net.layerSize(out);
        for (int i = 0; i < n; i++) {
            pinned += act.pinned(s.rates(out)[i]) != 0 ? 1 : 0;
        }
        return pinned / (double) n;
    }

    @Test
    void pinnedIsExactForClampsAndWithinAToleranceForSmoothRho() {
        assertEquals(-1, Activation.HARD_SIGMOID.pinned(0f));
        assertEquals(1, Activation.HARD_SIGMOID.pinned(1f));
        assertEquals(0, Activation.HARD_SIGMOID.pinned(Math.nextDown(1f)));
        assertEquals(-1, Activation.CTRD_HARD_SIG.pinned(-0.5f));
        assertEquals(1, Activation.MY_SIGMOID.pinned(Activation.MY_SIGMOID.apply(20f)));
        assertEquals(-1, Activation.MY_SIGMOID.pinned(Activation.MY_SIGMOID.apply(-20f)));
        assertEquals(0, Activation.MY_SIGMOID.pinned(Activation.MY_SIGMOID.apply(3f)));
        assertEquals(1, Activation.TANH.pinned(1f));
        assertEquals(0, Activation.IDENTITY.pinned(1e30f));
    }

    @Test
    void aHealthyNetWithNearOneHotOutputsIsNotSaturated() {
        EquilibriumPropagation ep = net(1);
        Batch b = batch(40);
        // pin the outputs at one-hot (1, 0, 0, 0) through their biases: the hidden layer only sees the
        // ordinary top-down feedback Wᵀ·y of a confident classifier
        float[] bias = ((DenseConnection) ((LayeredNetwork) ep.model()).connection(1)).bias().value();
        for (int o = 0; o < bias.length; o++) {
            bias[o] = o == 0 ? 40f : -40f;
        }
        double outputs = outputsAtBounds(ep, b);
        double sat = saturation(ep, b);
        assertEquals(1.0, outputs, "every output at a bound");
        assertTrue(sat < 0.1, "hidden saturation " + sat + " with every output at a bound");
    }

    @Test
    void aBlownUpHiddenLayerIsSaturated() {
        EquilibriumPropagation ep = net(2);
        Batch b = batch(40);
        double before = saturation(ep, b);
        scale((DenseConnection) ((LayeredNetwork) ep.model()).connection(0), 1e4f);
        double after = saturation(ep, b);
        assertTrue(before < 0.1, "at initialisation: " + before);
        assertTrue(after > 0.99, "after scaling the hidden layer's weights by 1e4: " + after);
    }

    @Test
    void theBatchSumIsTheSumOverItsRows() {
        // rows never interact, so however the batch's rows are split over threads the count is the same
        EquilibriumPropagation ep = net(3);
        scale((DenseConnection) ((LayeredNetwork) ep.model()).connection(0), 3f);
        Batch b = batch(12);
        double whole = saturation(ep, b) * b.size();
        double rows = 0;
        for (int r = 0; r < b.size(); r++) {
            float[] x = java.util.Arrays.copyOfRange(b.features(), r * b.featureCount(), (r + 1) * b.featureCount());
            rows += saturation(ep, new Batch(x, new int[] {b.labels()[r]}, 1, b.featureCount()));
        }
        assertEquals(rows, whole, 1e-9);
        assertTrue(whole > 0 && whole < b.size(), "partly saturated: " + whole / b.size());
    }

    @Test
    void theGuardStopsASaturatedRunButNotAHealthyOne() {
        EquilibriumPropagation healthy = net(4);
        TrainingRun run = Trainer.create().quiet().epochs(3).batchSize(20).seed(1)
                .optimizer(Sgd.of(0.2).withMomentum(0.5)).fit(healthy, DATA);
        var last = run.history().get(run.history().size() - 1);
        assertTrue(last.testAccuracy() > 0.9, "test accuracy " + last.testAccuracy());
        assertTrue(last.metric("train." + DivergenceGuard.SATURATION) < 0.5, "train saturation "
                + last.metric("train." + DivergenceGuard.SATURATION));
        EquilibriumPropagation blown = net(4);
        scale((DenseConnection) ((LayeredNetwork) blown.model()).connection(0), 1e4f);
        DivergenceException e = assertThrows(DivergenceException.class, () -> Trainer.create().quiet().epochs(3)
                .batchSize(20).seed(1).optimizer(Sgd.of(0.2).withMomentum(0.5)).fit(blown, DATA));
        assertTrue(e.getMessage().contains("saturated"), e.getMessage());
    }
}
