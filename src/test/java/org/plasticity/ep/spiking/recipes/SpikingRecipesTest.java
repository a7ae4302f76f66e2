package org.plasticity.ep.spiking.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.data.Splits;
import org.plasticity.ep.estimator.Estimator;
import org.plasticity.ep.spiking.SpikingEp;
import org.plasticity.experiment.Catalog;
import org.plasticity.experiment.Experiment;
import org.plasticity.experiment.Outcome;
import org.plasticity.experiment.Recipe;
import org.plasticity.results.Profile;
import org.plasticity.results.ReproductionRow;
import org.plasticity.results.RunStore;
import org.plasticity.testing.TestData;

/** The catalogued settings carry Table 3, and a recipe runs through the experiment layer with its knobs. */
class SpikingRecipesTest {

    @Test
    void theCatalogueHoldsTheTable3Settings() {
        Recipe one = Catalog.get("stochastic-ep-mnist-1fc");
        assertEquals(100, one.configure(java.util.Map.of()).integer("epochs"));
        assertEquals(4, one.configure(java.util.Map.of()).integer("batch_size"));
        assertEquals(0.75, one.configure(java.util.Map.of()).real("beta"));
        assertEquals(10, one.configure(java.util.Map.of()).integer("n_perclass"));
        assertEquals(0.9746, one.claims().get(0).paperValue(), 1e-12);
        assertEquals(0.005, one.claims().get(0).margin(), 1e-12);
        Recipe two = Catalog.get("stochastic-ep-mnist-2fc");
        assertEquals(70, two.configure(java.util.Map.of()).integer("n_perclass"));
        assertEquals(0.02, two.configure(java.util.Map.of()).real("lr"), 1e-12);
        assertEquals(200, two.configure(java.util.Map.of()).integer("epochs"));
        Recipe shortRun = Catalog.get("stochastic-ep-mnist-1fc-" + SpikingRecipes.SHORT_1FC_EPOCHS + "ep");
        assertTrue(shortRun.notes().startsWith(SpikingRecipes.SHORT_1FC_EPOCHS + " of the paper's 100 epochs"), shortRun.notes());
        assertEquals(SpikingRecipes.SHORT_1FC_EPOCHS, shortRun.configure(java.util.Map.of()).integer("epochs"));
    }

    @Test
    void aSmallSettingRunsThroughTheLayerWithItsKnobs(@TempDir Path dir) {
        Splits data = TestData.prototypeSplits(16, 4);
        SpikingRecipes.Setting s = new SpikingRecipes.Setting("tiny-spiking", SpikingEp.oneHidden(24, 3).withSizes(16, List.of(24), 4),
                20, 6, 0.5, Estimator.RANDOM_SIGN, 0.1, 8, 3, 100, 0.9);
        Recipe r = SpikingRecipes.recipe(s, 2, "prototypes", () -> data);
        Experiment e = r.experiment().profile(Profile.SMOKE).store(RunStore.at(dir)).seeds(1).quiet().record(false);
        Outcome o = e.run();
        ReproductionRow row = o.row("test_accuracy");
        assertTrue(row.oursMean() > 0.5, row.toString());
        assertTrue(row.notes().contains("fewer than the paper"), row.notes());
        Experiment sym = r.experiment().with("estimator", "symmetric").with("n_perclass", 2).with("kappa", 1.5)
                .profile(Profile.SMOKE).store(RunStore.at(dir)).seeds(1).quiet().record(false);
        SpikingRecipes.Setting applied = SpikingRecipes.apply(s, sym.config());
        assertEquals(Estimator.SYMMETRIC, applied.estimator());
        assertEquals(2, applied.net().perClass());
        assertEquals(1.5f, applied.net().neuron().kappa());
    }
}
