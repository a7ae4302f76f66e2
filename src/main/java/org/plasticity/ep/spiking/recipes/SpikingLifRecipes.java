package org.plasticity.ep.spiking.recipes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.plasticity.data.Batch;
import org.plasticity.data.Splits;
import org.plasticity.ep.estimator.EquilibriumPropagation;
import org.plasticity.ep.spiking.SpikingEp;
import org.plasticity.ep.spiking.lif.MembraneTrace;
import org.plasticity.ep.spiking.lif.StabilityStudy;
import org.plasticity.ep.spiking.memory.MemoryComparison;
import org.plasticity.ep.spiking.memory.MemoryStudy;
import org.plasticity.experiment.Catalog;
import org.plasticity.experiment.Claim;
import org.plasticity.experiment.Experiment;
import org.plasticity.experiment.Recipe;
import org.plasticity.experiment.Rules;
import org.plasticity.results.Profile;
import org.plasticity.results.ReproductionRow;
import org.plasticity.results.Status;

/**
 * The stability study (§4.1, Fig. 3) and the memory comparison (§4.4, Table 2) as derived catalogue recipes: their
 * rows are measured by the code of {@link StabilityStudy} and {@link MemoryStudy} when the recipe runs, and recorded
 * with {@code --record} in the full profile. Every row is a stand-in: the paper shows heat maps without a number
 * for Fig. 3, and its Table 2 is GPU memory with PyTorch's fixed cost, a different quantity from our learners' heap.
 *
 * <ul>
 *   <li>{@value #STABILITY}: the trained reduced-budget base run ({@link SpikingAnalyses#BASE}: Table 3 1FC, first
 *       10 000 MNIST images, 3 epochs, seed 1; retrained when its checkpoint is absent), then the study on the first
 *       {@value #PROBE} test images with its weights in all five models: late std and moving share at the free end,
 *       accuracy at the free end, per model.</li>
 *   <li>{@value #MEMORY_1FC}, {@value #MEMORY_2FC}: one EP and one BPTT training step at batch 128 (Table 3
 *       settings), EP MB, BPTT MB, their ratio and difference, next to the paper's 141 / 179 and 147 / 195 MB.</li>
 * </ul>
 */
public final class SpikingLifRecipes {

    /** Id of the stability study. */
    public static final String STABILITY = "stochastic-ep-mnist-1fc-10k-stability";
    /** Id of the 1FC memory comparison. */
    public static final String MEMORY_1FC = "stochastic-ep-mnist-1fc-memory";
    /** Id of the 2FC memory comparison. */
    public static final String MEMORY_2FC = "stochastic-ep-mnist-2fc-memory";
    /** Test images of the stability study (the paper: 100 random MNIST samples). */
    public static final int PROBE = 100;
    /** Metric keys of the study's models, in {@link StabilityStudy#run}'s order. */
    public static final List<String> MODELS = List.of("stochastic", "eqspike", "sigma_delta", "step_schedule", "mean_field");

    private SpikingLifRecipes() {
    }

    /** The three derived recipes. */
    public static List<Recipe> recipes() {
        Recipe.Builder s = Recipe.builder(STABILITY).paper(SpikingRecipes.PAPER).dataset("mnist-first-10k")
                .notes("REDUCED BUDGET base run (Table 3 1FC, first 10000 MNIST images, 3 epochs, seed 1); Fig. 3 stability "
                        + "on the first " + PROBE + " test images, every model with the stochastic net's weights; "
                        + "late_std = mean over images and hidden units of the std of ξ/range over the last "
                        + MembraneTrace.WINDOW + " free steps; moving = share above " + MembraneTrace.OSCILLATING
                        + " of the range (our measures; the paper shows heat maps only)")
                .derived(SpikingLifRecipes::stability).defaultSeedCount(1);
        for (String m : MODELS) {
            for (String metric : List.of("late_std_", "moving_", "accuracy_")) {
                s.claim(new Claim(metric + m, Rules.REPORTED, Double.NaN, Double.NaN, 0));
            }
        }
        List<Recipe> out = new ArrayList<>();
        out.add(s.build());
        out.add(memoryRecipe(MEMORY_1FC, "1FC", MemoryStudy.PAPER_1FC));
        out.add(memoryRecipe(MEMORY_2FC, "2FC", MemoryStudy.PAPER_2FC));
        return out;
    }

    private static Recipe memoryRecipe(String id, String net, double[] paper) {
        Recipe.Builder b = Recipe.builder(id).paper(SpikingRecipes.PAPER).dataset("mnist")
                .notes("Table 2: one training step at batch " + MemoryStudy.BATCH + ", Table 3 " + net + " settings; ours = the "
                        + "bytes the learner references (parameters, gradients, state pool, buffers), BPTT recording all "
                        + "T_free steps; paper = GPU MB incl. PyTorch's fixed cost: not the same quantity (stand-in)")
                .derived(e -> memory(e, id, net)).defaultSeedCount(1);
        b.claim(new Claim("ep_mb", Rules.REPORTED, paper[0], Double.NaN, 0));
        b.claim(new Claim("bptt_mb", Rules.REPORTED, paper[1], Double.NaN, 0));
        b.claim(new Claim("bptt_over_ep", Rules.REPORTED, paper[1] / paper[0], Double.NaN, 0));
        b.claim(new Claim("bptt_minus_ep_mb", Rules.REPORTED, paper[1] - paper[0], Double.NaN, 0));
        return b.build();
    }

    private static List<ReproductionRow> memory(Experiment e, String id, String net) {
        long t0 = System.nanoTime();
        MemoryComparison c = MemoryStudy.mnist(SpikingRecipes.mnist(), net).rows().get(0);
        double wall = (System.nanoTime() - t0) / 1e9;
        String notes = String.format(Locale.ROOT, "batch %d, T_free %d (BPTT records all); MB = bytes the learner references "
                + "(object graph, exact for arrays); live heap after GC EP %.2f MB, BPTT %.2f MB (%.2fx); a warm step allocates "
                + "EP %.3f MB, BPTT %.3f MB; paper GPU MB incl. framework overhead: not the same quantity", c.batch(), c.tFree(),
                c.ep().retainedMb(), c.bptt().retainedMb(), c.heapRatio(), c.ep().stepAllocatedBytes() / 1e6,
                c.bptt().stepAllocatedBytes() / 1e6);
        Map<String, double[]> metrics = new LinkedHashMap<>();
        metrics.put("ep_mb", new double[] {c.ep().reachableMb(), c.paperEpMb()});
        metrics.put("bptt_mb", new double[] {c.bptt().reachableMb(), c.paperBpttMb()});
        metrics.put("bptt_over_ep", new double[] {c.ratio(), c.paperRatio()});
        metrics.put("bptt_minus_ep_mb", new double[] {c.differenceMb(), c.paperDifferenceMb()});
        List<ReproductionRow> rows = new ArrayList<>();
        metrics.forEach((m, v) -> rows.add(new ReproductionRow(SpikingRecipes.PAPER, id, "mnist", m, v[1], Double.NaN, v[0],
                Double.NaN, 1, e.profile(), Status.STAND_IN, 0, wall, null, notes)));
        return rows;
    }

    private static List<ReproductionRow> stability(Experiment e) {
        long t0 = System.nanoTime();
        Experiment base = Catalog.get(SpikingAnalyses.BASE).experiment().profile(e.profile()).seeds(1).quiet();
        EquilibriumPropagation trained = (EquilibriumPropagation) base.trained(1);
        Splits mnist = SpikingRecipes.mnist();
        Batch probe = mnist.test().head(PROBE).batchesInOrder(PROBE).iterator().next();
        StabilityStudy study = StabilityStudy.run(SpikingEp.network(trained), probe, trained.t1(), trained.t2(), trained.beta());
        double wall = (System.nanoTime() - t0) / 1e9;
        int epochs = e.profile() == Profile.FULL ? SpikingAnalyses.EPOCHS : e.profile().epochs(SpikingAnalyses.EPOCHS, false);
        List<ReproductionRow> rows = new ArrayList<>();
        for (int i = 0; i < MODELS.size(); i++) {
            MembraneTrace t = study.traces().get(i);
            String notes = t.model() + "; " + t.rows() + " test images; T " + t.tFree() + "/" + t.tNudge() + "; firing density "
                    + String.format(Locale.ROOT, "%.4f", t.firingDensity()) + "; mean-map std "
                    + String.format(Locale.ROOT, "%.2e", t.meanMapStdFree()) + " (free), late std nudged "
                    + String.format(Locale.ROOT, "%.2e", t.lateStdNudged());
            String m = MODELS.get(i);
            rows.add(row(e, "late_std_" + m, t.lateStdFree(), epochs, wall, notes));
            rows.add(row(e, "moving_" + m, t.oscillatingFree(), epochs, wall, notes));
            rows.add(row(e, "accuracy_" + m, t.accuracy(), epochs, wall, notes));
        }
        return rows;
    }

    private static ReproductionRow row(Experiment e, String metric, double v, int epochs, double wall, String notes) {
        return new ReproductionRow(SpikingRecipes.PAPER, STABILITY, "mnist-first-10k", metric, Double.NaN, Double.NaN, v,
                Double.NaN, 1, e.profile(), Status.STAND_IN, epochs, wall, null, notes);
    }
}
