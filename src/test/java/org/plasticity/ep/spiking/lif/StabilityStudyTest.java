package org.plasticity.ep.spiking.lif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plasticity.data.Batch;
import org.plasticity.ep.model.WeightInit;
import org.plasticity.ep.spiking.SpikingConfig;
import org.plasticity.ep.spiking.SpikingNetwork;
import org.plasticity.neuron.StochasticSpikeParameters;
import org.plasticity.testing.TestData;

/** The stability measures tell a membrane at rest from one that keeps firing and resetting; the study is reproducible. */
class StabilityStudyTest {

    private static final SpikingConfig LIKE = new SpikingConfig(4, List.of(6), 2, 1, StochasticSpikeParameters.bernoulli(0.5f, 2f),
            true, true, WeightInit.PYTORCH_DEFAULT, 1);

    /** An EqSpike net (gain 1) whose only drive is the first layer's bias: every weight 0. */
    private static LifNetwork biasOnly(float bias) {
        LifNetwork net = new LifNetwork(LifConfig.of(LifKind.EQSPIKE, LIKE).withInputGain(1), 1);
        net.parameters().forEach(p -> Arrays.fill(p.value(), 0f));
        Arrays.fill(net.connection(0).bias().value(), bias);
        return net;
    }

    private static Batch batch() {
        return TestData.uniformBatch(3, 4, 2, 5);
    }

    @Test
    void aMembraneAtRestScoresZeroAndAFiringOneKeepsMoving() {
        MembraneTrace rest = MembraneTrace.of("rest", biasOnly(0f), batch(), 30, 10, 0.5, 20);
        assertEquals(0, rest.lateStd(false), 0);
        assertEquals(0, rest.oscillatingFraction(false), 0);
        assertEquals(0, rest.meanMapStd(false), 0);
        // bias 0.3 with decay 0.95: v = 0.3, 0.585, 0.856, 1.113 → spike, reset; a period of 4 steps from v = 0
        MembraneTrace firing = MembraneTrace.of("firing", biasOnly(0.3f), batch(), 30, 10, 0.5, 20);
        assertTrue(firing.lateStd(false) > 0.2, firing.toString());
        assertEquals(1, firing.oscillatingFraction(false), 0);
        assertTrue(firing.meanMapStd(false) > 0.2, "in phase across samples: " + firing);
        assertEquals(0.25, firing.firingDensity(), 0.03);
        // a constant drive below threshold settles: v → 0.01/0.05 = 0.2, at rest at the end of 30 steps within 1 %
        MembraneTrace settling = MembraneTrace.of("settling", biasOnly(0.01f), batch(), 60, 10, 0.5, 20);
        assertTrue(settling.lateStd(false) < MembraneTrace.OSCILLATING, settling.toString());
        assertEquals(0, settling.oscillatingFraction(false), 0);
    }

    @Test
    void theStudyRunsEveryModelWithTheSameWeightsAndRepeatsItself() {
        SpikingNetwork stochastic = new SpikingNetwork(LIKE, 3);
        StabilityStudy a = StabilityStudy.run(stochastic, batch(), 30, 10, 0.5);
        StabilityStudy b = StabilityStudy.run(stochastic, batch(), 30, 10, 0.5);
        assertEquals(5, a.traces().size());
        for (int i = 0; i < a.traces().size(); i++) {
            MembraneTrace x = a.traces().get(i);
            MembraneTrace y = b.traces().get(i);
            assertEquals(x.lateStdFree(), y.lateStdFree(), 0, x.model());
            assertEquals(x.meanMapStdNudged(), y.meanMapStdNudged(), 0, x.model());
            assertEquals(x.accuracy(), y.accuracy(), 0, x.model());
        }
        assertEquals(5, a.table().rowCount());
        assertTrue(a.toHtml().contains("data:image/png;base64,"));
        assertTrue(a.toText().contains("sigma-delta"));
        // the mean-field twin of a deterministic rate network: its membranes settle
        assertTrue(a.trace("mean-field").lateStd(false) < MembraneTrace.OSCILLATING, a.trace("mean-field").toString());
    }

    @Test
    void sameSpikeStreamSameStochasticTrace() {
        SpikingNetwork stochastic = new SpikingNetwork(LIKE, 3);
        MembraneTrace x = MembraneTrace.of("s", stochastic, batch(), 30, 10, 0.5, 20, new SplittableRandom(11));
        MembraneTrace y = MembraneTrace.of("s", stochastic, batch(), 30, 10, 0.5, 20, new SplittableRandom(11));
        MembraneTrace z = MembraneTrace.of("s", stochastic, batch(), 30, 10, 0.5, 20, new SplittableRandom(12));
        assertEquals(x.lateStdFree(), y.lateStdFree(), 0);
        assertTrue(x.lateStdFree() != z.lateStdFree() || x.firingDensity() != z.firingDensity(), "another stream, other spikes");
    }
}
