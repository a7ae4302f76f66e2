package org.plasticity.ep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plasticity.data.Batch;
import org.plasticity.ep.estimator.EquilibriumPropagation;
import org.plasticity.ep.estimator.Estimator;
import org.plasticity.ep.model.LayeredNetwork;
import org.plasticity.testing.TestData;
import org.plasticity.train.Parameter;
import org.plasticity.train.StepContext;

/** β, the phases and the estimator go to the learner; the network holds none of them. */
class EpBuilderTest {

    @Test
    void betaAndPhasesLiveInTheLearnerAlone() {
        EquilibriumPropagation ep = EqProp.network(6, 5, 3).t1(7).t2(3).beta(0.37).estimator(Estimator.ONE_SIDED).build(1);
        assertEquals(0.37, ep.beta());
        assertEquals(7, ep.t1());
        assertEquals(3, ep.t2());
        LayeredNetwork net = (LayeredNetwork) ep.model();
        assertFalse(net.describe().contains("β"), net.describe());
        assertFalse(net.describe().contains("T1"), net.describe());
        assertTrue(ep.describe().contains("β=0.37"), ep.describe());
        // the same network config whatever the learner's β
        assertEquals(net.config(), ((LayeredNetwork) EqProp.network(6, 5, 3).beta(0.9).build(1).model()).config());
    }

    @Test
    void twoLearnersWithDifferentBetaShareOneNetwork() {
        LayeredNetwork net = EqProp.network(6, 5, 3).network(4);
        Batch b = TestData.uniformBatch(4, 6, 3, 8);
        float[] small = gradient(new EquilibriumPropagation(net, 20, 5, 0.05, Estimator.SYMMETRIC), b);
        float[] large = gradient(new EquilibriumPropagation(net, 20, 5, 0.8, Estimator.SYMMETRIC), b);
        float[] again = gradient(new EquilibriumPropagation(net, 20, 5, 0.05, Estimator.SYMMETRIC), b);
        assertArrayEquals(small, again);
        assertFalse(java.util.Arrays.equals(small, large), "β must reach the estimate");
    }

    private static float[] gradient(EquilibriumPropagation ep, Batch b) {
        ep.parameters().forEach(Parameter::zeroGrad);
        ep.computeGradients(b, new StepContext(0, 0, 0, 1, new SplittableRandom(3)));
        return ep.parameters().get(0).grad().clone();
    }
}
