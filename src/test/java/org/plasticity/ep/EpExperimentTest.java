package org.plasticity.ep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.data.Splits;
import org.plasticity.ep.estimator.EquilibriumPropagation;
import org.plasticity.ep.model.LayeredNetwork;
import org.plasticity.results.Profile;
import org.plasticity.results.ReproductionRow;
import org.plasticity.results.SweepResult;
import org.plasticity.train.StepContext;
import org.plasticity.train.Trainer;
import org.plasticity.train.TrainingListener;
import org.plasticity.train.TrainingSession;
import org.plasticity.train.optim.Sgd;

/** Checkpoint resume through the shared trainer and the seed-sweep experiment runner. */
class EpExperimentTest {

    private static final Splits DATA = TinyData.prototypeSplits(20, 4);

    private static EpRecipe tinyRecipe() {
        EpConfig c = EqProp.network(20, 16, 4).t1(10).t2(4).config();
        return new EpRecipe("tiny-test", "test", c, Sgd.of(0.2).withMomentum(0.5), 20, 3, 5.0, "test");
    }

    @Test
    void interruptedRunResumesToTheSameParameters(@TempDir Path dir) throws java.io.IOException {
        EpRecipe r = tinyRecipe();
        EquilibriumPropagation straight = r.learner(4);
        r.trainer().quiet().seed(4).fit(straight, DATA);

        EquilibriumPropagation first = r.learner(4);
        TrainingListener crash = new TrainingListener() {
            @Override
            public void onBatchEnd(TrainingSession s, StepContext ctx, org.plasticity.train.BatchStats stats) {
                if (ctx.epoch() == 2 && ctx.batch() == 3) {
                    throw new IllegalStateException("simulated kill");
                }
            }
        };
        Trainer t = r.trainer().quiet().seed(4).checkpointDir(dir);
        assertThrows(IllegalStateException.class, () -> t.listener(crash).fit(first, DATA));
        assertTrue(Files.list(dir).findAny().isPresent(), "a checkpoint was written");
        EquilibriumPropagation resumed = r.learner(99);
        var run = t.fit(resumed, DATA);
        assertEquals(2, run.resumedAtEpoch());
        for (int i = 0; i < straight.parameters().size(); i++) {
            assertArrayEquals(straight.parameters().get(i).value(), resumed.parameters().get(i).value(),
                    straight.parameters().get(i).name());
        }
    }

    @Test
    void smokeSweepAggregatesSeedsIntoARow() {
        EpExperiment e = EpExperiment.of(tinyRecipe()).seeds(1, 2).profile(Profile.SMOKE).quiet();
        SweepResult r = e.run(DATA);
        assertEquals(2, r.records().size());
        ReproductionRow row = e.row(r, "prototypes");
        assertEquals(Profile.SMOKE, row.profile());
        assertEquals(0.95, row.paperValue(), 1e-12);
        assertTrue(row.oursMean() > 0.5, row.toString());
        assertEquals("tiny-test-bptt", e.bptt().id());
        var histories = e.histories();
        assertEquals(2, histories.size());
        assertEquals(1, histories.get(0).size());
        // the trained network is the checkpoint's, and retraining (no checkpoint) gives the same parameters
        LayeredNetwork fromCheckpoint = e.trainedNetwork(1, DATA);
        LayeredNetwork retrained = EpExperiment.of(tinyRecipe().withId("tiny-test-never-run")).profile(Profile.SMOKE)
                .quiet().trainedNetwork(1, DATA);
        for (int i = 0; i < fromCheckpoint.parameters().size(); i++) {
            assertArrayEquals(fromCheckpoint.parameters().get(i).value(), retrained.parameters().get(i).value());
        }
    }
}
