package org.plasticity.ep.recipes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.data.Splits;
import org.plasticity.ep.EpConfig;
import org.plasticity.ep.EqProp;
import org.plasticity.testing.TestData;
import org.plasticity.experiment.Experiment;
import org.plasticity.experiment.Outcome;
import org.plasticity.experiment.Recipe;
import org.plasticity.results.RunStore;
import org.plasticity.ep.estimator.EquilibriumPropagation;
import org.plasticity.ep.model.LayeredNetwork;
import org.plasticity.results.Profile;
import org.plasticity.results.ReproductionRow;
import org.plasticity.train.StepContext;
import org.plasticity.train.Trainer;
import org.plasticity.train.TrainingListener;
import org.plasticity.train.TrainingSession;
import org.plasticity.train.optim.Sgd;

/** Checkpoint resume through the shared trainer and the seed-sweep experiment runner. */
class EpRecipesTest {

    private static final Splits DATA = TestData.prototypeSplits(20, 4);

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
    void smokeRunThroughTheLayerAggregatesSeedsReadsHistoriesAndRebuildsTheTrainedNetwork(@TempDir Path dir) {
        Recipe recipe = EpRecipes.recipe(tinyRecipe(), false, 2, "prototypes", () -> DATA);
        Experiment e = recipe.experiment().profile(Profile.SMOKE).store(RunStore.at(dir)).seeds(2).quiet().record(false);
        Outcome o = e.run();
        assertEquals(2, o.sweep().records().size());
        assertArrayEquals(new long[] {1, 2}, o.sweep().records().stream().mapToLong(r -> r.seed()).toArray());
        ReproductionRow row = o.row("test_accuracy");
        assertEquals(Profile.SMOKE, row.profile());
        assertEquals(0.95, row.paperValue(), 1e-12);
        assertTrue(row.oursMean() > 0.5, row.toString());
        assertEquals(Math.min(Profile.SMOKE_EPOCHS, 3), o.sweep().epochs());
        assertTrue(o.sweep().records().get(0).data().contains("sha256="), "the record names its data");
        assertEquals("tiny-test-bptt", EpRecipes.recipe(tinyRecipe(), true, 2, "prototypes", () -> DATA).id());
        var histories = e.histories();
        assertEquals(2, histories.size());
        assertEquals(o.sweep().epochs(), histories.get(0).size());
        // the trained network is the checkpoint's, and retraining (no checkpoint) gives the same parameters
        LayeredNetwork fromCheckpoint = EpRecipes.network(e.trained(1));
        LayeredNetwork retrained = EpRecipes.network(e.store(RunStore.at(dir.resolve("empty"))).trained(1));
        for (int i = 0; i < fromCheckpoint.parameters().size(); i++) {
            assertArrayEquals(fromCheckpoint.parameters().get(i).value(), retrained.parameters().get(i).value());
        }
    }

    @Test
    void knobsChangeTheSettingAndTheRunId(@TempDir Path dir) {
        Recipe recipe = EpRecipes.recipe(tinyRecipe(), false, 2, "prototypes", () -> DATA);
        Experiment e = recipe.experiment().with("beta", 0.25).with("estimator", "one-sided").with("epochs", 1)
                .profile(Profile.SMOKE).store(RunStore.at(dir)).seeds(1).quiet().record(false);
        assertTrue(e.runId().startsWith("tiny-test_"), e.runId());
        Outcome o = e.run();
        assertEquals(1, o.sweep().epochs(), "an explicit epochs override wins in smoke too");
        assertTrue(o.sweep().records().get(0).config().contains("overrides: beta=0.25, epochs=1, estimator=one-sided"),
                o.sweep().records().get(0).config());
        EpRecipe applied = EpRecipes.apply(tinyRecipe(), e.config());
        assertEquals(0.25, applied.config().beta());
        assertEquals(org.plasticity.ep.estimator.Estimator.ONE_SIDED, applied.config().estimator());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> recipe.with("beta", -1));
        assertTrue(bad.getMessage().contains("beta"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> recipe.with("estimator", "two-sided"));
        assertThrows(IllegalArgumentException.class, () -> recipe.with("gamma", 1));
    }
}
