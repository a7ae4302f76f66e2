package org.plasticity.ep.estimator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.plasticity.testing.TestData;
import org.plasticity.data.Splits;
import org.plasticity.ep.EqProp;
import org.plasticity.ep.bptt.Bptt;
import org.plasticity.ep.model.Activation;
import org.plasticity.ep.model.Dynamics;
import org.plasticity.ep.model.Loss;
import org.plasticity.train.Trainer;
import org.plasticity.train.TrainingRun;
import org.plasticity.train.optim.Sgd;

/** EP and BPTT learn a small synthetic task through the shared trainer, reproducibly. */
class EquilibriumPropagation_TrainingTest {

    private static final Splits DATA = TestData.prototypeSplits(20, 4);

    private static TrainingRun train(org.plasticity.train.Learner l, long seed) {
        return Trainer.create().quiet().epochs(4).batchSize(20).seed(seed)
                .optimizer(Sgd.of(0.2).withMomentum(0.5)).fit(l, DATA);
    }

    @Test
    void everyEstimatorLearnsThePrototypeTask() {
        for (Estimator e : Estimator.values()) {
            EquilibriumPropagation ep = EqProp.network(20, 32, 4).t1(20).t2(6).beta(0.5).estimator(e).build(1);
            TrainingRun run = train(ep, 1);
            double acc = run.history().get(run.history().size() - 1).testAccuracy();
            assertTrue(acc > 0.9, e + ": test accuracy " + acc);
        }
    }

    @Test
    void softmaxReadoutAndEnergyDynamicsLearnToo() {
        EquilibriumPropagation readout = EqProp.network(20, 32, 4).loss(Loss.SOFTMAX_READOUT).activation(Activation.MY_HARD_SIG)
                .t1(20).t2(6).beta(0.5).build(2);
        EquilibriumPropagation energy = EqProp.network(20, 32, 4).activation(Activation.HARD_SIGMOID)
                .dynamics(Dynamics.energyBased(0.5)).estimator(Estimator.RANDOM_SIGN).t1(20).t2(4).beta(1.0).build(2);
        for (EquilibriumPropagation ep : new EquilibriumPropagation[] {readout, energy}) {
            TrainingRun run = train(ep, 2);
            double acc = run.history().get(run.history().size() - 1).testAccuracy();
            assertTrue(acc > 0.85, ep.describe() + ": test accuracy " + acc);
        }
    }

    @Test
    void bpttLearnsOverTheSameDynamics() {
        Bptt bptt = EqProp.network(20, 32, 4).t1(20).t2(6).buildBptt(3);
        TrainingRun run = train(bptt, 3);
        double acc = run.history().get(run.history().size() - 1).testAccuracy();
        assertTrue(acc > 0.9, "BPTT test accuracy " + acc);
    }

    @Test
    void divergenceStopsTrainingWithAClearMessage() {
        // raw (identity) outputs with an absurd rate: weights overflow, states and updates turn NaN
        EquilibriumPropagation ep = EqProp.network(20, 16, 4).loss(Loss.CROSS_ENTROPY).activation(Activation.TANH)
                .t1(10).t2(4).build(6);
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.plasticity.train.DivergenceException.class,
                () -> Trainer.create().quiet().epochs(3).batchSize(20).seed(1).optimizer(Sgd.of(1e30)).fit(ep, DATA));
        assertTrue(e.getMessage().contains("diverged"), e.getMessage());
    }

    @Test
    void sameSeedGivesBitIdenticalParameters() {
        EquilibriumPropagation a = EqProp.network(20, 16, 4).estimator(Estimator.RANDOM_SIGN).t1(10).t2(4).build(5);
        EquilibriumPropagation b = EqProp.network(20, 16, 4).estimator(Estimator.RANDOM_SIGN).t1(10).t2(4).build(5);
        train(a, 9);
        train(b, 9);
        for (int i = 0; i < a.parameters().size(); i++) {
            assertArrayEquals(a.parameters().get(i).value(), b.parameters().get(i).value(), a.parameters().get(i).name());
        }
    }
}
