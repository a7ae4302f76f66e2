package org.plasticity.ep.spiking.recipes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.plasticity.data.Batch;
import org.plasticity.data.Splits;
import org.plasticity.ep.estimator.EquilibriumPropagation;
import org.plasticity.ep.spiking.SpikeTrace;
import org.plasticity.ep.spiking.SpikingEp;
import org.plasticity.ep.spiking.SpikingNetwork;
import org.plasticity.experiment.Claim;
import org.plasticity.experiment.Recipe;
import org.plasticity.results.RunRecord;

/**
 * The paper's cheap analyses (appendices F and G; spec ep-family §3.3) as catalogue recipes at a <b>reduced
 * budget</b>: the MNIST 1FC network of Table 3 with one setting changed, trained on the first
 * {@value #TRAIN} MNIST training images for {@value #EPOCHS} epochs (the paper: 60 000 images, 100 epochs), tested
 * on the full 10 000-image test set. After training, {@link SpikeTrace} measures on the first {@value #PROBE}
 * test images (the paper averages over 128): the hidden and output firing densities over the free and nudged
 * phases, the output error signal at the free equilibrium and the membrane fluctuation at the free end.
 *
 * <ul>
 *   <li>κ sweep (Fig. 4): κ ∈ {0.5, 1, 2, 4}; the paper's hidden firing density is 0.04 at κ 0.5 and 0.26 at
 *       κ 4 (claims {@code hidden_firing_density}, margin {@value #DENSITY_MARGIN}, ours); accuracy is a stand-in
 *       (the paper gives none for this sweep).</li>
 *   <li>N_perclass sweep (Figs. 5–6, there on CIFAR-10 5C, not obtainable here; here on MNIST 1FC):
 *       N_perclass ∈ {1, 10, 100}; every metric is a stand-in (the paper gives bar charts, no numbers).</li>
 * </ul>
 * The κ 2 / N_perclass 10 point is the Table 3 setting itself, {@code stochastic-ep-mnist-1fc-10k}.
 */
public final class SpikingAnalyses {

    /** Training images of the reduced budget (the first ones of the MNIST training set). */
    public static final int TRAIN = 10_000;
    /** Epochs of the reduced budget. */
    public static final int EPOCHS = 3;
    /** Test images the trace measurements average over. */
    public static final int PROBE = 128;
    /** Absolute margin on the firing density (our choice; the paper reads it off spike rasters). */
    public static final double DENSITY_MARGIN = 0.03;
    /** κ values of the sweep. */
    public static final List<Double> KAPPAS = List.of(0.5, 1.0, 2.0, 4.0);
    /** N_perclass values of the sweep. */
    public static final List<Integer> PER_CLASS = List.of(1, 10, 100);
    /** Record metrics the analyses add (besides the accuracies). */
    public static final List<String> METRICS = List.of("hidden_firing_density", "hidden_firing_density_free",
            "output_firing_density", "output_error_magnitude", "output_error_nonzero", "output_flip_fraction",
            "hidden_fluctuation");

    private SpikingAnalyses() {
    }

    /** Id of the reduced-budget 1FC base run (κ 2, N_perclass 10: Table 3). */
    public static final String BASE = "stochastic-ep-mnist-1fc-10k";

    /** Id of the κ-sweep point (the base id for κ 2). */
    public static String kappaId(double kappa) {
        return kappa == 2.0 ? BASE : BASE + "-kappa-" + fmt(kappa);
    }

    /** Id of the N_perclass-sweep point (the base id for 10). */
    public static String perClassId(int n) {
        return n == 10 ? BASE : BASE + "-nperclass-" + n;
    }

    /** All analysis recipes: the base, the other κ points, the other N_perclass points. */
    public static List<Recipe> recipes() {
        List<Recipe> out = new ArrayList<>();
        for (double kappa : KAPPAS) {
            SpikingRecipes.Setting s = reduced(kappaId(kappa), SpikingRecipes.mnist1fc().net().withKappa(kappa));
            double paper = kappa == 0.5 ? 0.04 : kappa == 4.0 ? 0.26 : Double.NaN;
            out.add(recipe(s, paper, "κ sweep (Fig. 4): κ = " + fmt(kappa)));
        }
        for (int n : PER_CLASS) {
            if (n == 10) {
                continue;
            }
            SpikingRecipes.Setting s = reduced(perClassId(n), SpikingRecipes.mnist1fc().net().withPerClass(n));
            out.add(recipe(s, Double.NaN, "N_perclass sweep (Figs. 5–6, CIFAR-10 5C in the paper): N_perclass = " + n));
        }
        return out;
    }

    private static SpikingRecipes.Setting reduced(String id, org.plasticity.ep.spiking.SpikingConfig net) {
        SpikingRecipes.Setting t = SpikingRecipes.mnist1fc();
        return new SpikingRecipes.Setting(id, net, t.tFree(), t.tNudge(), t.beta(), t.estimator(), t.lr(), t.batchSize(),
                EPOCHS, t.paperEpochs(), Double.NaN);
    }

    private static Recipe recipe(SpikingRecipes.Setting s, double paperDensity, String what) {
        String budget = String.format(Locale.ROOT, "REDUCED BUDGET: first %d MNIST training images, %d epochs (paper: 60000, "
                + "%d), full test set; trace metrics on the first %d test images; %s; ", TRAIN, EPOCHS, s.paperEpochs(), PROBE,
                what);
        Recipe base = SpikingRecipes.recipe(s, 1, "mnist", () -> SpikingRecipes.mnist().limit(TRAIN, 10_000));
        Recipe.Builder b = Recipe.builder(s.id()).paper(SpikingRecipes.PAPER).dataset("mnist-first-10k")
                .notes(budget + base.notes()).data(() -> SpikingRecipes.mnist().limit(TRAIN, 10_000))
                .epochs(s.epochs()).batchSize(s.batchSize());
        base.knobs().forEach(b::knob);
        b.learner((cfg, seed) -> SpikingRecipes.apply(s, cfg).learner(seed))
                .trainer((cfg, l) -> SpikingRecipes.apply(s, cfg).trainer())
                .afterTraining(SpikingAnalyses::measure)
                .seeds(1, 2, 3, 4, 5).defaultSeedCount(1)
                .claim(Claim.accuracy(Double.NaN, Double.NaN, SpikingRecipes.MARGIN))
                .claim(new Claim("hidden_firing_density", "hidden_firing_density", paperDensity, Double.NaN, DENSITY_MARGIN));
        for (String m : METRICS.subList(1, METRICS.size())) {
            b.claim(new Claim(m, m, Double.NaN, Double.NaN, 0.0));
        }
        return b.build();
    }

    /**
     * The trace metrics of a trained spiking EP learner on the first {@value #PROBE} test images.
     *
     * @param l the trained learner
     * @param data its data
     * @param r the standard record
     * @return the record with {@link #METRICS}
     */
    public static RunRecord measure(org.plasticity.train.Learner l, Splits data, RunRecord r) {
        if (!(l instanceof EquilibriumPropagation ep)) {
            return r;
        }
        SpikingNetwork net = SpikingEp.network(l);
        SpikeTrace t = trace(ep, data);
        int hidden = 0;
        int out = net.layerSizes().length - 1;
        return r.with("hidden_firing_density", t.firingDensity(hidden, true))
                .with("hidden_firing_density_free", t.firingDensity(hidden, false))
                .with("output_firing_density", t.firingDensity(out, true))
                .with("output_error_magnitude", t.errorMagnitude())
                .with("output_error_nonzero", t.errorNonZeroFraction())
                .with("output_flip_fraction", t.flipFraction())
                .with("hidden_fluctuation", t.fluctuation(hidden, false, 10));
    }

    /**
     * The trace of a trained spiking EP learner on the first {@value #PROBE} test images (its T_free, T_nudge and β;
     * spikes from the evaluation stream).
     *
     * @param ep the learner
     * @param data the splits (their test set)
     * @return the trace, with the spikes of the first 4 images kept for rasters
     */
    public static SpikeTrace trace(EquilibriumPropagation ep, Splits data) {
        Batch probe = data.test().head(PROBE).batchesInOrder(PROBE).iterator().next();
        return SpikeTrace.record(SpikingEp.network(ep), probe, ep.t1(), ep.t2(), ep.beta(), 4);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
