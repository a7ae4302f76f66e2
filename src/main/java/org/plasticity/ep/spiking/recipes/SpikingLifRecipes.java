package org.plasticity.ep.spiking.recipes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.plasticity.data.Batch;
import org.plasticity.data.Splits;
import org.plasticity.ep.estimator.EquilibriumPropagation;
import org.plasticity.ep.spiking.SpikingConfig;
import org.plasticity.ep.spiking.SpikingEp;
import org.plasticity.ep.spiking.lif.MembraneTrace;
import org.plasticity.ep.spiking.lif.StabilityStudy;
import org.plasticity.ep.spiking.memory.MemoryComparison;
import org.plasticity.ep.spiking.memory.MemoryStudy;
import org.plasticity.experiment.Claim;
import org.plasticity.experiment.Recipe;
import org.plasticity.results.RunRecord;
import org.plasticity.train.Learner;

/**
 * The stability study (§4.1, Fig. 3) and the memory comparison (§4.4, Table 2) as catalogue recipes. Each
 * trains a run and measures after training, and the measurements go into its run record, like
 * {@link SpikingAnalyses}. So the rows are written by the code that measured them, recorded with {@code --record}
 * in the full profile, and read back from the committed records. The stability rows are stand-ins: Fig. 3 shows heat
 * maps without a number. Table 2 is GPU memory with PyTorch's fixed cost, a different quantity from the bytes our
 * learners reference. So its absolute MB are stand-ins, and only the ratio and the difference BPTT − EP are compared
 * with the paper's.
 *
 * <ul>
 *   <li>{@value #STABILITY}: the reduced-budget base run again (Table 3 1FC, first {@value SpikingAnalyses#TRAIN}
 *       MNIST training images, {@value SpikingAnalyses#EPOCHS} epochs; the same settings and seed as
 *       {@link SpikingAnalyses#BASE}, so the same weights). After training, {@link StabilityStudy#run} runs on the
 *       first {@value #PROBE} test images with its weights in all five models. Metrics per model: the late std and
 *       the moving share at the free end, and the accuracy at the free end.</li>
 *   <li>{@value #MEMORY_1FC}, {@value #MEMORY_2FC}: the Table 3 network trained for one step, one epoch of the first
 *       {@value MemoryStudy#BATCH} training images at batch {@value MemoryStudy#BATCH}; that only makes it a
 *       catalogued run. After it, fresh EP and BPTT learners of the same network are measured on that batch
 *       ({@link MemoryComparison}): EP MB, BPTT MB, their ratio and their difference.</li>
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
    /** Memory metrics of a memory run. */
    public static final List<String> MEMORY_METRICS = List.of("ep_mb", "bptt_mb", "bptt_over_ep", "bptt_minus_ep_mb",
            "ep_heap_mb", "bptt_heap_mb", "ep_step_alloc_mb", "bptt_step_alloc_mb");

    private SpikingLifRecipes() {
    }

    /** The three recipes. */
    public static List<Recipe> recipes() {
        List<Recipe> out = new ArrayList<>();
        out.add(stabilityRecipe());
        out.add(memoryRecipe(MEMORY_1FC, SpikingRecipes.mnist1fc(), MemoryStudy.PAPER_1FC, 1.2));
        out.add(memoryRecipe(MEMORY_2FC, SpikingRecipes.mnist2fc(), MemoryStudy.PAPER_2FC, 1.3));
        return out;
    }

    private static Recipe stabilityRecipe() {
        SpikingRecipes.Setting t = SpikingRecipes.mnist1fc();
        SpikingRecipes.Setting s = new SpikingRecipes.Setting(STABILITY, t.net(), t.tFree(), t.tNudge(), t.beta(), t.estimator(),
                t.lr(), t.batchSize(), SpikingAnalyses.EPOCHS, t.paperEpochs(), Double.NaN);
        String notes = String.format(Locale.ROOT, "REDUCED BUDGET: first %d MNIST training images, %d epochs (paper: 60000, %d); "
                + "the base run %s again, then Fig. 3 on the first %d test images with its weights in every model; late_std = mean "
                + "over images and hidden units of the std of ξ/range over the last %d free steps, moving = share above %s of the "
                + "range (our measures; the paper shows heat maps only); ", SpikingAnalyses.TRAIN, SpikingAnalyses.EPOCHS,
                s.paperEpochs(), SpikingAnalyses.BASE, PROBE, MembraneTrace.WINDOW, MembraneTrace.OSCILLATING);
        Recipe.Builder b = trainedBuilder(s, notes, "mnist-first-10k",
                () -> SpikingRecipes.mnist().limit(SpikingAnalyses.TRAIN, 10_000), SpikingLifRecipes::measureStability);
        b.claim(Claim.accuracy(Double.NaN, Double.NaN, SpikingRecipes.MARGIN));
        for (String m : MODELS) {
            for (String metric : List.of("late_std_", "moving_", "accuracy_")) {
                b.claim(new Claim(metric + m, metric + m, Double.NaN, Double.NaN, 0));
            }
        }
        return b.build();
    }

    private static Recipe memoryRecipe(String id, SpikingRecipes.Setting t, double[] paper, double paperRatio) {
        SpikingRecipes.Setting s = new SpikingRecipes.Setting(id, t.net(), t.tFree(), t.tNudge(), t.beta(), t.estimator(),
                t.lr(), MemoryStudy.BATCH, 1, t.paperEpochs(), Double.NaN);
        String notes = String.format(Locale.ROOT, "Table 2: one EP and one BPTT training step at batch %d (Table 2's MNIST batch; "
                + "the run itself is 1 epoch of the first %d training images, 1 step, only to make it a catalogued run); ours = "
                + "bytes the learner references (parameters, gradients, state pool, buffers; object graph, exact for arrays), "
                + "BPTT recording all T_free steps, and the live heap after GC as a cross-check; paper = GPU MB incl. PyTorch's "
                + "fixed cost, not the same quantity: its EP / BPTT MB %s / %s are in these notes only (ep_mb, bptt_mb are stand-ins), "
                + "bptt_over_ep is compared with its printed ratio %s× (margin 0.05) and bptt_minus_ep_mb with %s MB; ",
                MemoryStudy.BATCH, MemoryStudy.BATCH, fmt(paper[0]), fmt(paper[1]), paperRatio, fmt(paper[1] - paper[0]));
        Recipe.Builder b = trainedBuilder(s, notes, "mnist", () -> SpikingRecipes.mnist().limit(MemoryStudy.BATCH,
                MemoryStudy.BATCH), SpikingLifRecipes::measureMemory);
        // the ratio and the difference next to the paper's (compared: above / below); the absolute MB are stand-ins
        b.claim(new Claim("bptt_over_ep", "bptt_over_ep", paperRatio, Double.NaN, 0.05));
        b.claim(new Claim("bptt_minus_ep_mb", "bptt_minus_ep_mb", paper[1] - paper[0], Double.NaN, 0));
        b.claim(new Claim("ep_mb", "ep_mb", Double.NaN, Double.NaN, 0));
        b.claim(new Claim("bptt_mb", "bptt_mb", Double.NaN, Double.NaN, 0));
        for (String m : MEMORY_METRICS.subList(4, MEMORY_METRICS.size())) {
            b.claim(new Claim(m, m, Double.NaN, Double.NaN, 0));
        }
        return b.build();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static Recipe.Builder trainedBuilder(SpikingRecipes.Setting s, String notes, String dataset,
            java.util.function.Supplier<Splits> data, Recipe.AfterTraining after) {
        Recipe base = SpikingRecipes.recipe(s, 1, dataset, data);
        Recipe.Builder b = Recipe.builder(s.id()).paper(SpikingRecipes.PAPER).dataset(dataset).notes(notes + base.notes())
                .data(data).epochs(s.epochs()).batchSize(s.batchSize());
        base.knobs().forEach(b::knob);
        return b.learner((cfg, seed) -> SpikingRecipes.apply(s, cfg).learner(seed))
                .trainer((cfg, l) -> SpikingRecipes.apply(s, cfg).trainer())
                .afterTraining(after)
                .seeds(1, 2, 3, 4, 5).defaultSeedCount(1);
    }

    /**
     * The stability metrics of a trained stochastic 1FC learner: {@link StabilityStudy#run} on the first {@value #PROBE}
     * test images with its T_free, T_nudge and β.
     *
     * @param l the trained learner
     * @param data its data
     * @param r the standard record
     * @return the record with the metrics of every model
     */
    public static RunRecord measureStability(Learner l, Splits data, RunRecord r) {
        if (!(l instanceof EquilibriumPropagation ep)) {
            return r;
        }
        int n = Math.min(PROBE, data.test().size());
        Batch probe = data.test().head(n).batchesInOrder(n).iterator().next();
        StabilityStudy study = StabilityStudy.run(SpikingEp.network(l), probe, ep.t1(), ep.t2(), ep.beta());
        RunRecord out = r;
        for (int i = 0; i < MODELS.size(); i++) {
            MembraneTrace t = study.traces().get(i);
            String m = MODELS.get(i);
            out = out.with("late_std_" + m, t.lateStdFree()).with("moving_" + m, t.oscillatingFree())
                    .with("accuracy_" + m, t.accuracy());
        }
        return out;
    }

    /**
     * The memory metrics of a network: fresh EP (its estimator, T_free, T_nudge, β) and full-BPTT learners measured on the
     * first {@value MemoryStudy#BATCH} training images of the data.
     *
     * @param l the trained learner (its network's configuration and phases are what is measured)
     * @param data its data
     * @param r the standard record
     * @return the record with {@link #MEMORY_METRICS}
     */
    public static RunRecord measureMemory(Learner l, Splits data, RunRecord r) {
        if (!(l instanceof EquilibriumPropagation ep)) {
            return r;
        }
        SpikingConfig net = SpikingEp.network(l).config();
        Batch b = data.train().forEpoch(0, 1).head(MemoryStudy.BATCH).batchesInOrder(MemoryStudy.BATCH).iterator().next();
        MemoryComparison c = MemoryComparison.measure("net", () -> new EquilibriumPropagation(SpikingEp.network(net, 1), ep.t1(),
                ep.t2(), ep.beta(), ep.estimator()), () -> SpikingEp.bptt(net, ep.t1(), 1), ep.t1(), ep.t2(), b, Double.NaN,
                Double.NaN);
        return r.with("ep_mb", c.ep().reachableMb()).with("bptt_mb", c.bptt().reachableMb()).with("bptt_over_ep", c.ratio())
                .with("bptt_minus_ep_mb", c.differenceMb()).with("ep_heap_mb", c.ep().retainedMb())
                .with("bptt_heap_mb", c.bptt().retainedMb()).with("ep_step_alloc_mb", c.ep().stepAllocatedBytes() / 1e6)
                .with("bptt_step_alloc_mb", c.bptt().stepAllocatedBytes() / 1e6);
    }
}
