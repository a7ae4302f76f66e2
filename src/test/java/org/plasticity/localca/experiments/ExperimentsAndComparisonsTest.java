package org.plasticity.localca.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.experiment.Catalog;
import org.plasticity.experiment.Experiment;
import org.plasticity.experiment.Outcome;
import org.plasticity.experiment.Recipe;
import org.plasticity.results.Profile;
import org.plasticity.results.ReproductionRow;
import org.plasticity.results.RunRecord;
import org.plasticity.results.RunStore;
import org.plasticity.results.SweepResult;

/** The catalogue's ids, the seed-matched differences and a comparison end to end (smoke profile). */
class ExperimentsAndComparisonsTest {

    @Test
    void catalogueCarriesTaskRuleAndBroadcastInItsIds() {
        Map<String, Recipe> all = Experiments.all();
        for (String id : List.of("mnist-bp-ceiling", "mnist-5f-per-soma", "context-gating-5f-per-soma",
                "context-gating-3f-per-soma", "mnist-5f-scalar", "mnist-5f-local-mismatch", "mnist-5f-per-soma-additive",
                "mnist-sandbox-5f-per-soma-ni20-shunting", "mnist-sandbox-5f-scalar-ni0-additive")) {
            assertTrue(all.containsKey(id), id);
            assertTrue(Catalog.contains(id), id);
        }
        Recipe h = Catalog.get("mnist-5f-per-soma");
        assertEquals(200L, h.configure(Map.of()).values().get("epochs"));
        assertEquals(0.914, h.claims().get(0).paperValue());
        assertEquals(0.202, h.claims().get(1).paperValue(), "Table 2 cosine");
        assertArrayEquals(LocalCaRecipes.SEEDS, h.seeds());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Experiments.byId("mnist-6f"));
        assertTrue(e.getMessage().contains("plasticity list"), e.getMessage());
        assertTrue(Catalog.get(Comparisons.PATH_MINUS_NO_PATH).isDerived());
        assertTrue(!Catalog.get("cifar-10-5f-per-soma").isObtainable());
    }

    @Test
    void differencesPairRecordsBySeedNotByPosition() {
        SweepResult a = sweep("a", new long[] {1, 2, 3}, new double[] {0.90, 0.80, 0.70});
        SweepResult b = sweep("b", new long[] {3, 1}, new double[] {0.50, 0.60});
        assertArrayEquals(new double[] {0.90 - 0.60, 0.70 - 0.50}, Deltas.differences(a, b), 1e-12);
        org.plasticity.experiment.sweep.TTest t = Deltas.pairedTest(a, b);
        assertEquals(2, t.nA(), "paired over the shared seeds 1 and 3");
        assertEquals(0.25, t.difference(), 1e-12);
        assertEquals(0.25 / (0.05 * Math.sqrt(2) / Math.sqrt(2)), t.t(), 1e-9, "mean diff / (sd / sqrt n)");
    }

    @Test
    void pathComparisonRunsBothArmsAndGivesTheirSeedMatchedDifference() {
        assertEquals(Profile.SMOKE, Profile.current(), "tests run in the smoke profile");
        ReproductionRow row = Comparisons.pathEffect(1);
        Outcome on = Experiments.pathPropagation(true).run(1);   // stored by the comparison: reused
        Outcome off = Experiments.pathPropagation(false).run(1);
        assertEquals(0, on.sweep().records().size() - on.sweep().reused(), "read back, not retrained");
        assertEquals(Comparisons.PATH_MINUS_NO_PATH, row.experiment());
        assertEquals("test_accuracy_delta", row.metric());
        assertEquals(1, row.nSeeds());
        assertEquals(on.mean() - off.mean(), row.oursMean(), 1e-12);
        assertEquals(-0.0030, row.paperValue(), 1e-12);
        assertEquals(Profile.SMOKE.epochs(30, false), on.sweep().epochs());
    }

    @Test
    void fewerSeedsStillAggregateEveryFinishedSeedOfTheRecipe(@TempDir Path dir) {
        Experiment e = Experiments.byId("mnist-5f-scalar").experiment().profile(Profile.FULL).store(RunStore.at(dir));
        assertArrayEquals(new long[] {42}, e.seeds(1).seedsToRun());
        new RunRecord(e.runId(), 45, Map.of("best_val_test_accuracy", 0.5), 1, 1.0, "test", "t")
                .save(dir.resolve(e.runId()).resolve("seed-45.properties"));
        assertArrayEquals(new long[] {42, 45}, e.seeds(1).seedsToRun(), "a finished later seed joins");
        assertArrayEquals(new long[] {42, 43, 44, 45}, e.seeds(3).seedsToRun());
        assertArrayEquals(new long[] {42, 43, 44, 45, 46, 47, 48}, e.seeds(7).seedsToRun(), "seeds continue");
        assertArrayEquals(new long[] {42}, e.profile(Profile.SMOKE).store(RunStore.of(Profile.SMOKE)).seeds(1)
                .seedsToRun(), "the smoke store is separate");
        assertThrows(IllegalArgumentException.class, () -> e.seeds(0));
    }

    @Test
    void lrScaleKnobScalesTheLearnersAdamRate() {
        Recipe r = Catalog.get("mnist-5f-per-soma");
        var cfg = r.configure(Map.of("lr_scale", 0.5));
        var l = r.learner(cfg, 42);
        double base = ((org.plasticity.localca.LocalCaLearner) l).optimizer().learningRate();
        assertEquals(base * 0.5, r.trainer(cfg, l).config().optimizer().learningRate(), 1e-15);
        assertEquals(base, r.trainer(r.configure(Map.of()), l).config().optimizer().learningRate(), 1e-15);
    }

    private static SweepResult sweep(String id, long[] seeds, double[] acc) {
        List<RunRecord> records = new java.util.ArrayList<>();
        for (int i = 0; i < seeds.length; i++) {
            records.add(new RunRecord(id, seeds[i], Map.of("best_val_test_accuracy", acc[i]), 1, 1.0, "test", "t"));
        }
        return new SweepResult(id, Profile.SMOKE, records, 0);
    }
}
