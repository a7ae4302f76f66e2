package org.plasticity.ep.spiking.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plasticity.data.Splits;
import org.plasticity.ep.estimator.EquilibriumPropagation;
import org.plasticity.ep.estimator.Estimator;
import org.plasticity.ep.spiking.SpikingEp;
import org.plasticity.experiment.Catalog;
import org.plasticity.experiment.Claim;
import org.plasticity.experiment.Recipe;
import org.plasticity.results.RunRecord;
import org.plasticity.testing.TestData;

/** The stability and memory recipes are catalogued trained runs whose measurements land in the record. */
class SpikingLifRecipesTest {

    private static RunRecord record() {
        return new RunRecord("x", 1, Map.of("test_accuracy", 0.5), 1, 1.0, "", "", "");
    }

    @Test
    void theRecipesAreTrainedRunsWithThePapersTable2Figures() {
        Recipe stability = Catalog.get(SpikingLifRecipes.STABILITY);
        assertTrue(stability.isTrained());
        assertTrue(stability.notes().startsWith("REDUCED BUDGET"), stability.notes());
        assertEquals(SpikingAnalyses.EPOCHS, stability.configure(Map.of()).integer("epochs"));
        assertEquals(1 + 3 * SpikingLifRecipes.MODELS.size(), stability.claims().size());
        Recipe memory = Catalog.get(SpikingLifRecipes.MEMORY_2FC);
        assertEquals(128, memory.configure(Map.of()).integer("batch_size"));
        Claim ratio = memory.claims().stream().filter(c -> c.metric().equals("bptt_over_ep")).findFirst().orElseThrow();
        assertEquals(1.3, ratio.paperValue(), 0);
        Claim diff = memory.claims().stream().filter(c -> c.metric().equals("bptt_minus_ep_mb")).findFirst().orElseThrow();
        assertEquals(48, diff.paperValue(), 0);
        assertFalse(memory.claims().stream().filter(c -> c.metric().equals("ep_mb")).findFirst().orElseThrow().hasPaperValue());
    }

    @Test
    void measurementsLandInTheRecord() {
        Splits data = TestData.prototypeSplits(16, 4);
        EquilibriumPropagation ep = SpikingEp.ep(SpikingEp.oneHidden(24, 3).withSizes(16, List.of(24), 4), 25, 6, 0.5,
                Estimator.RANDOM_SIGN, 1);
        RunRecord s = SpikingLifRecipes.measureStability(ep, data, record());
        for (String m : SpikingLifRecipes.MODELS) {
            double late = s.metrics().get("late_std_" + m);
            double moving = s.metrics().get("moving_" + m);
            assertTrue(late >= 0 && moving >= 0 && moving <= 1, m + ": " + late + ", " + moving);
        }
        assertTrue(s.metrics().get("late_std_eqspike") > s.metrics().get("late_std_mean_field"), s.metrics().toString());
        RunRecord r = SpikingLifRecipes.measureMemory(ep, data, record());
        assertTrue(r.metrics().get("bptt_mb") > r.metrics().get("ep_mb"), r.metrics().toString());
        assertEquals(r.metrics().get("bptt_mb") / r.metrics().get("ep_mb"), r.metrics().get("bptt_over_ep"), 1e-9);
    }
}
