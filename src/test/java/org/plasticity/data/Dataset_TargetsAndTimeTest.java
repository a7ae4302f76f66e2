package org.plasticity.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plasticity.train.BatchStats;
import org.plasticity.train.Learner;
import org.plasticity.train.Parameter;
import org.plasticity.train.StepContext;
import org.plasticity.train.Trainer;
import org.plasticity.train.TrainingRun;
import org.plasticity.train.optim.Sgd;

/** Data sets with float targets (regression, teacher–student) and a time axis reach the learner's batches. */
class Dataset_TargetsAndTimeTest {

    /** y = 2·x0 − x1 for 64 samples of 2 inputs. */
    private static Dataset linear(String name, int n, long seed) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        float[] x = new float[n * 2];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = (float) rng.nextDouble();
            x[2 * i + 1] = (float) rng.nextDouble();
            y[i] = 2 * x[2 * i] - x[2 * i + 1];
        }
        return Dataset.regression(name, x, y, new int[] {2}, 1);
    }

    @Test
    void shuffledBatchesKeepEachTargetWithItsSample() {
        Dataset d = linear("lin", 64, 1);
        for (Batch b : d.batches(10, 3)) {
            assertTrue(b.hasTargets());
            for (int i = 0; i < b.size(); i++) {
                assertEquals(2 * b.get(i, 0) - b.get(i, 1), b.target(i, 0), 0f);
            }
        }
        Dataset head = d.head(5);
        assertEquals(1, head.targetCount());
        assertEquals(5, head.targets().length);
        assertThrows(IllegalArgumentException.class, () -> d.withTargets(new float[3], 1));
    }

    @Test
    void aTimeAxisTravelsToTheBatches() {
        Dataset seq = new Dataset("seq", new float[4 * 6], new int[] {0, 1, 0, 1}, new int[] {6}, 2).withTimeSteps(3);
        Batch b = seq.batchesInOrder(4).iterator().next();
        assertEquals(3, b.timeSteps());
        assertEquals(2, b.featuresPerStep());
        assertEquals(3, seq.subset("s", new int[] {1, 2}).timeSteps());
        assertThrows(IllegalArgumentException.class, () -> seq.withTimeSteps(4));
    }

    @Test
    void theTrainerFitsARegressionThroughTheTargets() {
        Learner ls = new Learner() {
            final Parameter w = Parameter.of("w", new float[2], 2);

            @Override
            public List<Parameter> parameters() {
                return List.of(w);
            }

            private BatchStats pass(Batch b, boolean learn) {
                double loss = 0;
                for (int i = 0; i < b.size(); i++) {
                    float e = w.value()[0] * b.get(i, 0) + w.value()[1] * b.get(i, 1) - b.target(i, 0);
                    loss += 0.5 * e * e;
                    if (learn) {
                        w.grad()[0] += e * b.get(i, 0) / b.size();
                        w.grad()[1] += e * b.get(i, 1) / b.size();
                    }
                }
                return new BatchStats(loss, 0, b.size());
            }

            @Override
            public BatchStats computeGradients(Batch b, StepContext ctx) {
                return pass(b, true);
            }

            @Override
            public BatchStats evaluate(Batch b) {
                return pass(b, false);
            }

            @Override
            public String describe() {
                return "least squares";
            }
        };
        Splits data = new Splits("lin", linear("train", 256, 1), linear("val", 32, 2), linear("test", 32, 3));
        TrainingRun run = Trainer.create().quiet().epochs(60).batchSize(16).optimizer(Sgd.of(0.5)).fit(ls, data);
        assertTrue(run.last().testLoss() < 1e-4, run.toString());
        assertEquals(2.0, ls.parameters().get(0).value()[0], 0.05);
        assertEquals(-1.0, ls.parameters().get(0).value()[1], 0.05);
    }

    @Test
    void theDataIdentityCoversTheTargets() {
        Dataset a = linear("t", 16, 1);
        float[] other = a.targets().clone();
        other[3] += 1;
        Dataset b = Dataset.regression("t", a.features(), other, new int[] {2}, 1);
        assertNotEquals(new Splits("s", a, a, a).identity(), new Splits("s", b, a, a).identity());
    }
}
