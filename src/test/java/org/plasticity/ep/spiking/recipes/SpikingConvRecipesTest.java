package org.plasticity.ep.spiking.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.data.Splits;
import org.plasticity.ep.estimator.Estimator;
import org.plasticity.ep.model.ConvSpec;
import org.plasticity.ep.model.Pooling;
import org.plasticity.ep.model.WeightInit;
import org.plasticity.ep.spiking.SpikingConvConfig;
import org.plasticity.experiment.Catalog;
import org.plasticity.experiment.Config;
import org.plasticity.experiment.Experiment;
import org.plasticity.experiment.Outcome;
import org.plasticity.experiment.Recipe;
import org.plasticity.neuron.StochasticSpikeParameters;
import org.plasticity.results.Profile;
import org.plasticity.results.ReproductionRow;
import org.plasticity.results.RunStore;
import org.plasticity.testing.TestData;

/** The catalogued 2C settings carry Table 3; a small conv setting runs through the layer with its knobs and rate metrics. */
class SpikingConvRecipesTest {

    @Test
    void theCatalogueHoldsTheTable3SettingsOf2c() {
        Recipe full = Catalog.get(SpikingConvRecipes.MNIST_2C);
        Config c = full.configure(Map.of());
        assertEquals(200, c.integer("epochs"));
        assertEquals(16, c.integer("batch_size"));
        assertEquals(150, c.integer("t_free"));
        assertEquals(50, c.integer("t_nudge"));
        assertEquals(0.5, c.real("beta"));
        assertEquals(2.0, c.real("kappa"));
        assertEquals(0.5, c.real("leak"));
        assertEquals(70, c.integer("n_perclass"));
        assertEquals(5e-4, c.real("lr"), 1e-15);
        assertEquals("random-sign", c.choice("estimator"));
        assertEquals("max", c.choice("pooling"));
        assertEquals(0.9899, full.claims().get(0).paperValue(), 1e-12);
        assertEquals("mnist", full.dataset());
        SpikingConvConfig net = SpikingConvRecipes.apply(SpikingConvRecipes.mnist2c(), c).net();
        assertEquals(3, net.conv().get(1).poolSize());
        assertEquals(512, net.layerSizes()[1]);

        Recipe avg = Catalog.get(SpikingConvRecipes.MNIST_2C + "-avgpool");
        assertEquals("avg", avg.configure(Map.of()).choice("pooling"));
        assertTrue(Double.isNaN(avg.claims().get(0).paperValue()), "the paper has no average-pool row");
        assertTrue(avg.notes().contains("OPTION"), avg.notes());

        Recipe reduced = Catalog.get(SpikingConvRecipes.MNIST_2C + "-10k-1ep");
        assertEquals(1, reduced.configure(Map.of()).integer("epochs"));
        assertEquals("mnist-first-10k", reduced.dataset());
        assertTrue(reduced.notes().startsWith("REDUCED BUDGET: first 10000 training images"), reduced.notes());
        assertEquals(0.27, reduced.claims().get(1).paperValue(), 1e-12);

        Recipe small = Catalog.get(SpikingConvRecipes.MNIST_2C + "-1k-1ep-test1k");
        assertEquals("mnist-first-1k-test1k", small.dataset());
        assertTrue(small.notes().contains("first 1000 training images") && small.notes().contains("first 1000 test images only"),
                small.notes());
    }

    @Test
    void aSmallConvSettingRunsThroughTheLayerWithItsKnobs(@TempDir Path dir) {
        Splits data = new Splits("p", TestData.prototypes("tr", 300, 36, 3, 0.4, 1), TestData.prototypes("v", 30, 36, 3, 0.4, 2),
                TestData.prototypes("te", 60, 36, 3, 0.4, 3));
        SpikingConvConfig net = new SpikingConvConfig(1, 6, 6, List.of(new ConvSpec(6, 3, 1, 1, Pooling.MAX)), List.of(), 3, 5, StochasticSpikeParameters.bernoulli(0.5f, 2f), true, true, WeightInit.PYTORCH_DEFAULT, 1);
        SpikingConvRecipes.ConvSetting s = new SpikingConvRecipes.ConvSetting("tiny-spiking-conv", net, 25, 8, 0.5,
                Estimator.RANDOM_SIGN, 0.1, 10, 3, 100, 0.9, 0, 0);
        Recipe r = SpikingConvRecipes.recipe(s, 1, "prototypes", () -> data);
        Outcome o = r.experiment().profile(Profile.SMOKE).store(RunStore.at(dir)).seeds(1).quiet().record(false).run();
        ReproductionRow row = o.row("test_accuracy");
        assertTrue(row.oursMean() > 0.5, row.toString());
        assertTrue(row.notes().contains("REDUCED BUDGET"), row.notes());
        for (String m : List.of("firing_rate_conv1", "firing_rate_output")) {   // one conv layer here: no conv2 rate
            double rate = o.row(m).oursMean();
            assertTrue(rate >= 0 && rate <= 1, m + " " + rate);
        }
        assertTrue(o.row("firing_rate_conv1").oursMean() > 0, "the first conv layer must fire");
        Experiment avg = r.experiment().with("pooling", "avg").with("estimator", "symmetric").profile(Profile.SMOKE)
                .store(RunStore.at(dir)).seeds(1).quiet().record(false);
        SpikingConvRecipes.ConvSetting applied = SpikingConvRecipes.apply(s, avg.config());
        assertEquals(Pooling.AVG, applied.net().conv().get(0).pooling());
        assertEquals(2, applied.net().conv().get(0).poolSize());
        assertEquals(Estimator.SYMMETRIC, applied.estimator());
    }
}
