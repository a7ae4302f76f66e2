package org.plasticity.ep.recipes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.plasticity.data.Datasets;
import org.plasticity.data.Splits;
import org.plasticity.ep.EpConfig;
import org.plasticity.ep.bptt.Bptt;
import org.plasticity.ep.estimator.EquilibriumPropagation;
import org.plasticity.ep.estimator.Estimator;
import org.plasticity.ep.model.LayeredNetwork;
import org.plasticity.experiment.Claim;
import org.plasticity.experiment.Config;
import org.plasticity.experiment.Knob;
import org.plasticity.experiment.Recipe;
import org.plasticity.experiment.RecipeProvider;
import org.plasticity.train.Learner;

/**
 * The standard-EP reproductions on MNIST ({@code notebooks/02-equilibrium-propagation.ipynb}) as
 * catalogue recipes. Knobs beyond {@code epochs} and {@code batch_size}: {@code beta} (|β|),
 * {@code t1}, {@code t2}, {@code estimator} and {@code lr_scale} (multiplies every layer's rate).
 * The paper's figure is 1 − its test error; tolerance ±0.3 points (no paper std is given). The data
 * has no validation split, so the reported value is the last epoch's test accuracy. Seeds 1, 2, 3
 * (the committed runs), 3 by default; the conv net runs one seed.
 */
public final class EpRecipes implements RecipeProvider {

    /** Paper id of standard EP in the results files. */
    public static final String PAPER = "ep-standard";
    /** Absolute margin on test accuracy for "reproduced" (±0.3 percentage points). */
    public static final double MARGIN = 0.003;

    private static volatile Splits mnist;

    @Override
    public String family() {
        return PAPER;
    }

    @Override
    public List<Recipe> recipes() {
        EpRecipe sym = EpPresets.laborieux2021Mnist();
        List<Recipe> out = new ArrayList<>();
        out.add(recipe(sym, false, 3));
        out.add(recipe(sym.withId("mnist-784-500-10-one-sided").withConfig(sym.config().withEstimator(Estimator.ONE_SIDED)),
                false, 3));
        out.add(recipe(sym.withId("mnist-784-500-10-random-sign").withConfig(sym.config().withEstimator(
                Estimator.RANDOM_SIGN)), false, 3));
        out.add(recipe(sym, true, 3));
        out.add(recipe(EpPresets.ernoult2019(), false, 3));
        out.add(recipe(EpPresets.scellierBengio2017(), false, 3));
        out.add(recipe(EpPresets.laborieux2021MnistTwoHidden(), false, 3));
        out.add(recipe(EpPresets.mnistConv(), false, 1));
        return out;
    }

    /** MNIST 60k / 10k, loaded once per process. */
    static Splits mnist() {
        Splits m = mnist;
        if (m == null) {
            synchronized (EpRecipes.class) {
                if (mnist == null) {
                    mnist = Datasets.mnist();
                }
                m = mnist;
            }
        }
        return m;
    }

    /**
     * The catalogue recipe of an EP setting.
     *
     * @param r the setting
     * @param bptt train with backprop-through-time over the same dynamics (id suffix {@code -bptt})
     * @param defaultSeeds seeds run by default in the full profile
     * @return the recipe
     */
    public static Recipe recipe(EpRecipe r, boolean bptt, int defaultSeeds) {
        return recipe(r, bptt, defaultSeeds, "mnist", EpRecipes::mnist);
    }

    /**
     * The catalogue recipe of an EP setting on other data (tests, new data sets).
     *
     * @param r the setting
     * @param bptt train with backprop-through-time over the same dynamics
     * @param defaultSeeds seeds run by default in the full profile
     * @param dataset data set id of the rows
     * @param data the full splits
     * @return the recipe
     */
    public static Recipe recipe(EpRecipe r, boolean bptt, int defaultSeeds, String dataset,
            java.util.function.Supplier<Splits> data) {
        EpConfig c = r.config();
        String notes = String.format(Locale.ROOT, "%s%s; %s; optimizer %s, batch %d; paper: %s",
                bptt ? "BPTT over the same dynamics, " : "", c, r.paper(), r.optimizer(), r.batchSize(), r.source());
        Recipe.Builder b = Recipe.builder(r.id() + (bptt ? "-bptt" : "")).paper(PAPER).dataset(dataset).notes(notes)
                .data(data).epochs(r.epochs()).batchSize(r.batchSize())
                .knob(Knob.real("beta", c.beta(), 1e-6, 100, "nudging strength |β|"))
                .knob(Knob.integer("t1", c.t1(), 1, 100_000, "free-phase steps"))
                .knob(Knob.integer("t2", c.t2(), 1, 100_000, "nudged-phase steps"))
                .knob(Knob.choice("estimator", id(c.estimator()), Arrays.stream(Estimator.values()).map(EpRecipes::id)
                        .toList(), "gradient estimator"))
                .knob(Knob.real("lr_scale", 1.0, 1e-9, 1e9, "multiplies every layer's learning rate"))
                .learner((cfg, seed) -> bptt ? apply(r, cfg).bptt(seed) : apply(r, cfg).learner(seed))
                .trainer((cfg, l) -> apply(r, cfg).trainer())
                .seeds(1, 2, 3).defaultSeedCount(defaultSeeds);
        if (!Double.isNaN(r.paperTestError())) {
            b.claim(Claim.accuracy(1 - r.paperTestError() / 100, Double.NaN, MARGIN));
        } else {
            b.claim(Claim.accuracy(Double.NaN, Double.NaN, MARGIN));
        }
        return b.build();
    }

    /** The setting with a run's knobs applied. */
    public static EpRecipe apply(EpRecipe r, Config cfg) {
        EpConfig c = r.config().withBeta(cfg.real("beta")).withT1(cfg.integer("t1")).withT2(cfg.integer("t2"))
                .withEstimator(Estimator.valueOf(cfg.choice("estimator").toUpperCase(Locale.ROOT).replace('-', '_')));
        double f = cfg.real("lr_scale");
        if (f != 1.0) {
            EpConfig base = c;
            c = c.withLayerLrScales(IntStream.range(0, base.connections()).mapToDouble(i -> base.lrScale(i) * f).toArray());
        }
        return r.withConfig(c).withEpochs(cfg.integer("epochs")).withBatchSize(cfg.integer("batch_size"));
    }

    private static String id(Estimator e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The network of a trained EP or BPTT learner (e.g. {@code Experiment.trained(seed)}). */
    public static LayeredNetwork network(Learner l) {
        if (l instanceof Bptt b && b.model() instanceof LayeredNetwork n) {
            return n;
        }
        if (l instanceof EquilibriumPropagation ep && ep.model() instanceof LayeredNetwork n) {
            return n;
        }
        throw new IllegalArgumentException("not an EP learner on a layered network: " + l.describe());
    }
}
