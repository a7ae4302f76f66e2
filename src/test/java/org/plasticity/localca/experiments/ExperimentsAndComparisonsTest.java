package org.plasticity.localca.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plasticity.results.Profile;
import org.plasticity.results.ReproductionRow;
import org.plasticity.results.RunRecord;
import org.plasticity.results.SeedSweep;
import org.plasticity.results.SweepResult;

/** The catalogue's ids, the seed-matched differences and a comparison end to end (smoke profile). */
class ExperimentsAndComparisonsTest {

    @Test
    void catalogueCarriesTaskRuleAndBroadcastInItsIds() {
        Map<String, Experiment> all = Experiments.all();
        for (String id : List.of("mnist-bp-ceiling", "mnist-5f-per-soma", "context-gating-5f-per-soma",
                "context-gating-3f-per-soma", "mnist-5f-scalar", "mnist-5f-local-mismatch", "mnist-5f-per-soma-additive",
                "mnist-sandbox-5f-per-soma-ni20-shunting", "mnist-sandbox-5f-scalar-ni0-additive")) {
            assertTrue(all.containsKey(id), id);
        }
        assertEquals(200, all.get("mnist-5f-per-soma").fullEpochs());
        assertEquals(0.914, all.get("mnist-5f-per-soma").paperAccuracy());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Experiments.byId("mnist-6f"));
        assertTrue(e.getMessage().contains("mnist-5f-per-soma"), "the message lists the known ids");
    }

    @Test
    void differencesPairRecordsBySeedNotByPosition() {
        SweepResult a = sweep("a", new long[] {1, 2, 3}, new double[] {0.90, 0.80, 0.70});
        SweepResult b = sweep("b", new long[] {3, 1}, new double[] {0.50, 0.60});
        assertArrayEquals(new double[] {0.90 - 0.60, 0.70 - 0.50}, Deltas.differences(a, b), 1e-12);
    }

    @Test
    void pathComparisonRunsBothArmsAndRecordsTheirSeedMatchedDifference() {
        assertEquals(Profile.SMOKE, Profile.current(), "tests run in the smoke profile");
        ReproductionRow row = Comparisons.pathEffect(1);
        SweepResult on = Experiments.pathPropagation(true).run(1);   // stored by the comparison: reused
        SweepResult off = Experiments.pathPropagation(false).run(1);
        assertEquals(Comparisons.PATH_MINUS_NO_PATH, row.experiment());
        assertEquals("test_accuracy_delta", row.metric());
        assertEquals(1, row.nSeeds());
        assertEquals(on.mean("best_val_test_accuracy") - off.mean("best_val_test_accuracy"), row.oursMean(), 1e-12);
        assertEquals(-0.0030, row.paperValue(), 1e-12);
    }

    @Test
    void fewerSeedsStillAggregateEveryFinishedSeedOfTheProfile() {
        Experiment e = Experiments.byId("mnist-5f-scalar").withId("test-finished-seeds-" + System.nanoTime());
        java.nio.file.Path store = SeedSweep.of(e.id()).profile(Profile.FULL).storeDirectory(); // target/test-results
        java.nio.file.Path record = store.resolve("seed-45.properties");
        try {
            assertArrayEquals(new long[] {42}, e.seedsFor(Profile.FULL, 1));
            new RunRecord(e.id(), 45, Map.of("best_val_test_accuracy", 0.5), 1, 1.0, "test", "t").save(record);
            assertArrayEquals(new long[] {42, 45}, e.seedsFor(Profile.FULL, 1), "a finished later seed joins");
            assertArrayEquals(new long[] {42, 43, 44, 45}, e.seedsFor(Profile.FULL, 3));
            assertArrayEquals(Experiment.FULL_SEEDS, e.seedsFor(Profile.FULL, 9));
            assertArrayEquals(new long[] {42}, e.seedsFor(Profile.SMOKE, 1), "the smoke store is separate");
            assertThrows(IllegalArgumentException.class, () -> e.seedsFor(Profile.FULL, 0));
        } finally {
            org.plasticity.io.FileTrees.deleteTree(store);
        }
    }

    private static SweepResult sweep(String id, long[] seeds, double[] acc) {
        List<RunRecord> records = new java.util.ArrayList<>();
        for (int i = 0; i < seeds.length; i++) {
            records.add(new RunRecord(id, seeds[i], Map.of("best_val_test_accuracy", acc[i]), 1, 1.0, "test", "t"));
        }
        return new SweepResult(id, Profile.SMOKE, records, 0);
    }
}
