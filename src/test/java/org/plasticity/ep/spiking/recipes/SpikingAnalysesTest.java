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

/** The reduced-budget analyses carry the paper's densities and label their budget; the trace metrics land in the record. */
class SpikingAnalysesTest {

    @Test
    void theSweepPointsAreCataloguedWithThePapersDensities() {
        Map<Double, Double> paper = Map.of(0.5, 0.04, 4.0, 0.26);
        for (double kappa : SpikingAnalyses.KAPPAS) {
            Recipe r = Catalog.get(SpikingAnalyses.kappaId(kappa));
            assertEquals(kappa, r.configure(Map.of()).real("kappa"), 1e-6);
            assertEquals(SpikingAnalyses.EPOCHS, r.configure(Map.of()).integer("epochs"));
            assertTrue(r.notes().startsWith("REDUCED BUDGET"), r.notes());
            Claim density = r.claims().stream().filter(c -> c.metric().equals("hidden_firing_density")).findFirst().orElseThrow();
            assertEquals(paper.getOrDefault(kappa, Double.NaN), density.paperValue(), 0.0);
            assertFalse(r.claims().get(0).hasPaperValue(), "the sweep's accuracy is a stand-in");
        }
        for (int n : SpikingAnalyses.PER_CLASS) {
            assertEquals(n, Catalog.get(SpikingAnalyses.perClassId(n)).configure(Map.of()).integer("n_perclass"));
        }
        assertTrue(Catalog.get("stochastic-ep-cifar10-5c").claims().get(0).hasPaperValue());
        assertFalse(Catalog.get("stochastic-ep-cifar10-5c").isObtainable());
        assertEquals("fashion-mnist", Catalog.get("stochastic-ep-fmnist-1fc").dataset());
    }

    @Test
    void measureAddsEveryTraceMetricWithinItsRange() {
        Splits data = TestData.prototypeSplits(16, 4);
        EquilibriumPropagation ep = SpikingEp.ep(SpikingEp.oneHidden(24, 3).withSizes(16, List.of(24), 4), 20, 6, 0.5,
                Estimator.RANDOM_SIGN, 1);
        RunRecord r = SpikingAnalyses.measure(ep, data, new RunRecord("x", 1, Map.of("test_accuracy", 0.5), 1, 1.0, "", "", ""));
        for (String m : SpikingAnalyses.METRICS) {
            double v = r.metrics().get(m);
            assertTrue(v >= 0 && (m.equals("output_error_magnitude") || v <= 1), m + " = " + v);
        }
        assertTrue(r.metrics().get("hidden_firing_density") > 0, "an untrained net still fires");
    }
}
