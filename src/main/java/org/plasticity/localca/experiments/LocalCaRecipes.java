package org.plasticity.localca.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.plasticity.data.Batch;
import org.plasticity.data.Splits;
import org.plasticity.experiment.Claim;
import org.plasticity.experiment.Knob;
import org.plasticity.experiment.Recipe;
import org.plasticity.experiment.RecipeProvider;
import org.plasticity.localca.LocalCa;
import org.plasticity.localca.LocalCaLearner;
import org.plasticity.localca.LocalRuleLearner;
import org.plasticity.localca.fidelity.FidelityReport;
import org.plasticity.localca.fidelity.GradientFidelity;
import org.plasticity.train.Trainer;
import org.plasticity.train.optim.Adam;
import org.plasticity.train.listeners.EarlyStopping;

/**
 * The LocalCA paper's experiments ({@link Experiments}, {@link Comparisons}, the CIFAR-10 claims) as
 * catalogue recipes ({@code notebooks/05-local-credit-assignment.ipynb}). Seeds 42–46 (the revised
 * paper's and the committed runs'), 5 by default in the full profile; reported metric: test accuracy
 * at the best-validation epoch (80/20 validation split). Tolerance margin 0.01 when the paper gives a
 * std (then max(2·std, 0.01)), 0.015 without one; fidelity claims 0.05 (cosine), 0.1 (scale
 * mismatch), 0.5 (relative L2). Knobs: {@code epochs}, {@code batch_size}, {@code patience}, {@code lr_scale}.
 */
public final class LocalCaRecipes implements RecipeProvider {

    /** Seeds of the paper's main runs (revised paper: 42–46). */
    public static final long[] SEEDS = {42, 43, 44, 45, 46};

    @Override
    public String family() {
        return LocalCa.PAPER;
    }

    @Override
    public List<Recipe> recipes() {
        List<Recipe> out = new ArrayList<>(Experiments.all().values());
        out.addAll(Comparisons.recipes());
        out.addAll(Cifar10.recipes());
        return out;
    }

    /**
     * A trained LocalCA recipe.
     *
     * @param id experiment id
     * @param task data set
     * @param learner the learner of one seed
     * @param fullEpochs epochs in the full profile
     * @param patience early-stopping patience (0 = none)
     * @param paperAccuracy the paper's test accuracy (NaN when none)
     * @param paperStd the paper's std (NaN when none)
     * @param measureFidelity measure gradient fidelity after training (local learners only)
     * @param paperFidelity the paper's [cosine, scale, rel L2] (Table 2), or null
     * @param notes one line for the result rows
     * @return the recipe
     */
    public static Recipe recipe(String id, Task task, LongFunction<LocalCaLearner> learner, int fullEpochs, int patience,
            double paperAccuracy, double paperStd, boolean measureFidelity, double[] paperFidelity, String notes) {
        Recipe.Builder b = Recipe.builder(id).paper(LocalCa.PAPER).dataset(task.id())
                .notes("test accuracy at the best-validation epoch" + (notes.isEmpty() ? "" : "; " + notes))
                .data(task::full).epochs(fullEpochs).batchSize(256)
                .knob(Knob.integer("patience", patience, 0, 100_000, "early-stopping patience in epochs (0 = none)"))
                .knob(Knob.real("lr_scale", 1.0, 1e-9, 1e9, "multiplies the learner's Adam rates (every parameter group)"))
                .learner((cfg, seed) -> learner.apply(seed))
                .trainer((cfg, l) -> trainer((LocalCaLearner) l, cfg.integer("batch_size"), cfg.integer("patience"),
                        cfg.real("lr_scale")))
                .seeds(SEEDS).defaultSeedCount(SEEDS.length)
                .claim(Claim.accuracy(paperAccuracy, paperStd, Double.isNaN(paperStd) ? 0.015 : 0.01));
        if (measureFidelity) {
            String[] metrics = {"cosine", "scale_mismatch", "relative_l2"};
            String[] sources = {"weighted_cosine", "scale_mismatch", "relative_l2"};
            double[] margins = {0.05, 0.1, 0.5};
            for (int i = 0; i < 3; i++) {
                b.claim(new Claim(metrics[i], sources[i], paperFidelity == null ? Double.NaN : paperFidelity[i],
                        Double.NaN, margins[i]));
            }
            b.afterTraining((l, data, r) -> {
                if (!(l instanceof LocalRuleLearner local)) {
                    return r;
                }
                FidelityReport f = GradientFidelity.measure(local, probe(data));
                return r.with("weighted_cosine", f.weightedCosine()).with("scale_mismatch", f.weightedScaleMismatch())
                        .with("relative_l2", f.weightedRelativeL2()).with("global_scale_mismatch", f.globalScaleMismatch());
            });
        }
        return b.build();
    }

    private static Trainer trainer(LocalCaLearner l, int batch, int patience, double lrScale) {
        Trainer t = LocalCa.trainer(l).batchSize(batch);
        if (lrScale != 1.0) {
            if (!(l.optimizer() instanceof Adam a)) {
                throw new IllegalArgumentException("lr_scale needs an Adam learner, got " + l.optimizer());
            }
            t = t.optimizer(a.withLearningRate(a.learningRate() * lrScale));
        }
        return patience > 0 ? t.listener(new EarlyStopping(patience)) : t;
    }

    /** The fixed probe batch of the fidelity diagnostic: the first 256 validation samples. */
    public static Batch probe(Splits splits) {
        return splits.validation().batchesInOrder(256).iterator().next().copy();
    }
}
