package org.plasticity.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plasticity.train.optim.Adam;
import org.plasticity.train.optim.LearningRateSchedule;
import org.plasticity.train.optim.Optimizer;
import org.plasticity.train.optim.Sgd;

class OptimizerTest {

    @Test
    void sgdMomentumFollowsThePyTorchRecursion() {
        Parameter p = Parameter.of("w", new float[] {1f}, 1);
        Optimizer o = Sgd.of(0.1).withMomentum(0.9).withWeightDecay(0.01).create();
        double w = 1;
        double v = 0;
        for (int t = 0; t < 3; t++) {
            p.grad()[0] = 0.5f;
            o.step(List.of(p), 0);
            v = 0.9 * v + 0.5 + 0.01 * w;
            w -= 0.1 * v;
        }
        assertEquals(w, p.value()[0], 1e-6);
    }

    @Test
    void adamFirstStepMovesByTheLearningRate() {
        Parameter p = Parameter.of("w", new float[] {0f, 0f}, 2);
        p.grad()[0] = 3f;
        p.grad()[1] = -0.001f;
        Adam.of(0.01).create().step(List.of(p), 0);
        // bias-corrected first step is lr·sign(g) (up to ε)
        assertEquals(-0.01, p.value()[0], 1e-6);
        assertEquals(0.01, p.value()[1], 1e-5);
    }

    @Test
    void adamWDecaysWeightsIndependentlyOfTheGradient() {
        Parameter p = Parameter.of("w", new float[] {2f}, 1);
        Adam.adamW(0.1, 0.5).create().step(List.of(p), 0);
        assertEquals(2 - 0.1 * 0.5 * 2, p.value()[0], 1e-6); // zero gradient: only the decoupled decay acts
    }

    @Test
    void layerScaleAndClipApply() {
        Parameter p = new Parameter("w", new int[] {1}, new float[] {0f}, 0.5, true);
        p.grad()[0] = 100f;
        Sgd.of(1).withClipValue(5).create().step(List.of(p), 0);
        assertEquals(-2.5, p.value()[0], 1e-6);
    }

    @Test
    void cosineScheduleMatchesClosedForm() {
        LearningRateSchedule s = LearningRateSchedule.cosine(100, 1e-5);
        assertEquals(0.25, s.rate(0.25, 0), 1e-12);
        assertEquals(1e-5 + (0.25 - 1e-5) / 2, s.rate(0.25, 50), 1e-12);
        assertEquals(1e-5, s.rate(0.25, 100), 1e-12);
        assertEquals(1e-5, s.rate(0.25, 120), 1e-12);
    }

    @Test
    void optimizerStateRoundTrips() {
        Parameter a = Parameter.of("w", new float[] {1f, -1f}, 2);
        Parameter b = Parameter.of("w", new float[] {1f, -1f}, 2);
        Optimizer oa = Adam.of(0.1).create();
        for (int t = 0; t < 3; t++) {
            a.grad()[0] = 0.3f * t;
            a.grad()[1] = -0.2f;
            oa.step(List.of(a), 0);
        }
        Optimizer ob = Adam.of(0.1).create();
        System.arraycopy(a.value(), 0, b.value(), 0, 2);
        ob.restoreState(oa.state());
        a.grad()[0] = 1f;
        b.grad()[0] = 1f;
        a.grad()[1] = 0.5f;
        b.grad()[1] = 0.5f;
        oa.step(List.of(a), 0);
        ob.step(List.of(b), 0);
        assertEquals(a.value()[0], b.value()[0]);
        assertEquals(a.value()[1], b.value()[1]);
    }

    @Test
    void badHyperParametersAreRejectedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sgd.of(-1));
        assertEquals(true, e.getMessage().contains("learning rate"));
        assertThrows(IllegalArgumentException.class, () -> Sgd.of(0.1).withMomentum(1.0));
        assertThrows(IllegalArgumentException.class, () -> Adam.of(Double.NaN));
    }
}
