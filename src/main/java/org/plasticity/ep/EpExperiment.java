package org.plasticity.ep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.plasticity.data.Splits;
import org.plasticity.ep.bptt.Bptt;
import org.plasticity.ep.estimator.EquilibriumPropagation;
import org.plasticity.ep.model.LayeredNetwork;
import org.plasticity.results.Profile;
import org.plasticity.results.ReproductionRow;
import org.plasticity.results.ResultsCsv;
import org.plasticity.results.RunRecord;
import org.plasticity.results.SeedSweep;
import org.plasticity.results.SweepResult;
import org.plasticity.train.Checkpoint;
import org.plasticity.train.EpochMetrics;
import org.plasticity.train.Learner;
import org.plasticity.train.Parameter;
import org.plasticity.train.Trainer;
import org.plasticity.train.TrainingListener;
import org.plasticity.train.TrainingRun;

/**
 * One reproduction experiment: an {@link EpRecipe} trained over several seeds through the shared
 * {@link Trainer} with per-seed checkpoints (a killed run resumes where it stopped), aggregated to
 * mean ± std and written to {@code results/reproduction.csv}. The {@link Profile#SMOKE smoke} profile
 * trains one epoch on a few hundred samples; {@link Profile#FULL full} runs the recipe on the whole data.
 *
 * <pre>{@code
 * SweepResult r = EpExperiment.of(EpPresets.laborieux2021Mnist()).seeds(1, 2, 3).run(Datasets.mnist());
 * }</pre>
 *
 * @param recipe the setting
 * @param seeds seeds to run
 * @param profile smoke or full
 * @param backpropThroughTime train with backprop-through-time over the same dynamics instead of EP
 * @param listeners extra training listeners (e.g. a live display)
 * @param silent turn the trainer's own progress display off
 */
public record EpExperiment(EpRecipe recipe, long[] seeds, Profile profile, boolean backpropThroughTime,
        List<TrainingListener> listeners, boolean silent) {

    /** Paper id of standard EP in the results files. */
    public static final String PAPER = "ep-standard";
    /** Absolute tolerance on test accuracy for "reproduced" (±0.3 percentage points). */
    public static final double TOLERANCE = 0.003;
    /** Training samples of the smoke profile. */
    public static final int SMOKE_TRAIN = 600;
    /** Test samples of the smoke profile. */
    public static final int SMOKE_TEST = 300;

    /** Copies arrays and validates. */
    public EpExperiment {
        if (recipe == null || profile == null) {
            throw new IllegalArgumentException("an experiment needs a recipe and a profile");
        }
        seeds = seeds.clone();
        if (seeds.length == 0) {
            throw new IllegalArgumentException("give at least one seed");
        }
        listeners = List.copyOf(listeners);
    }

    /** The recipe with seeds 1, 2, 3 in the current profile. */
    public static EpExperiment of(EpRecipe recipe) {
        return new EpExperiment(recipe, new long[] {1, 2, 3}, Profile.current(), false, List.of(), false);
    }

    /** Other seeds. */
    public EpExperiment seeds(long... s) {
        return new EpExperiment(recipe, s, profile, backpropThroughTime, listeners, silent);
    }

    /** Another profile. */
    public EpExperiment profile(Profile p) {
        return new EpExperiment(recipe, seeds, p, backpropThroughTime, listeners, silent);
    }

    /** Backprop-through-time over the same dynamics (the experiment id gets the suffix {@code -bptt}). */
    public EpExperiment bptt() {
        return new EpExperiment(recipe, seeds, profile, true, listeners, silent);
    }

    /** Adds a training listener. */
    public EpExperiment listener(TrainingListener l) {
        List<TrainingListener> ls = new ArrayList<>(listeners);
        ls.add(l);
        return new EpExperiment(recipe, seeds, profile, backpropThroughTime, ls, silent);
    }

    /** Without the trainer's live progress display. */
    public EpExperiment quiet() {
        return new EpExperiment(recipe, seeds, profile, backpropThroughTime, listeners, true);
    }

    /** The experiment id in result rows and run folders. */
    public String id() {
        return recipe.id() + (backpropThroughTime ? "-bptt" : "");
    }

    /** Epochs actually trained in this profile. */
    public int epochs() {
        return profile.choose(1, recipe.epochs());
    }

    /** The data this profile trains on. */
    public Splits data(Splits full) {
        return profile == Profile.SMOKE ? full.limit(SMOKE_TRAIN, SMOKE_TEST) : full;
    }

    /**
     * Trains every seed whose record is missing (each resumable from its checkpoint) and aggregates.
     *
     * @param full the full data set (the smoke profile takes a slice)
     * @return one record per seed with mean and std
     */
    public SweepResult run(Splits full) {
        Splits data = data(full);
        return SeedSweep.of(id()).seeds(seeds).profile(profile).run(run -> {
            Trainer t = recipe.trainer().epochs(epochs()).seed(run.seed()).checkpointDir(run.checkpointDir());
            if (silent) {
                t = t.quiet();
            }
            for (TrainingListener l : listeners) {
                t = t.listener(l);
            }
            Learner learner = backpropThroughTime ? recipe.bptt(run.seed()) : recipe.learner(run.seed());
            TrainingRun tr = t.fit(learner, data);
            EpochHistoryCsv.write(historyFile(run.checkpointDir().getParent(), run.seed()), tr.history());
            return RunRecord.of(run.experiment(), tr, data);
        });
    }

    /**
     * The reproduction row of a finished sweep (test accuracy against the paper's 1 − error).
     *
     * @param r the sweep
     * @param dataset data set id, e.g. {@code mnist}
     * @return the row (not yet written)
     */
    public ReproductionRow row(SweepResult r, String dataset) {
        double paper = Double.isNaN(recipe.paperTestError()) ? Double.NaN : 1 - recipe.paperTestError() / 100;
        String notes = String.format(Locale.ROOT, "%s%s; %s; optimizer %s, batch %d; paper: %s",
                backpropThroughTime ? "BPTT over the same dynamics, " : "", recipe.config(), recipe.paper(), recipe.optimizer(),
                recipe.batchSize(), recipe.source());
        return r.toRow(PAPER, dataset, "test_accuracy", paper, Double.NaN, TOLERANCE, notes);
    }

    private static Path historyFile(Path store, long seed) {
        return store.resolve("seed-" + seed + "-history.csv");
    }

    /**
     * The per-epoch history of each finished seed, from its {@code seed-N-history.csv} (written when the
     * seed finishes, committed with the run records), else from its checkpoint; seeds with neither are
     * skipped. Available after {@link #run} in the same profile.
     */
    public List<List<EpochMetrics>> histories() {
        Path dir = SeedSweep.of(id()).seeds(seeds).profile(profile).storeDirectory();
        List<List<EpochMetrics>> out = new ArrayList<>();
        for (long s : seeds) {
            Path csv = historyFile(dir, s);
            Path ck = dir.resolve("seed-" + s).resolve(Checkpoint.FILE_NAME);
            if (Files.exists(csv)) {
                out.add(EpochHistoryCsv.read(csv));
            } else if (Files.exists(ck)) {
                out.add(Checkpoint.load(ck).history());
            }
        }
        return out;
    }

    /** Writes the history files of finished seeds that have a checkpoint but no history file yet. */
    public void exportHistories() {
        Path dir = SeedSweep.of(id()).seeds(seeds).profile(profile).storeDirectory();
        for (long s : seeds) {
            Path ck = dir.resolve("seed-" + s).resolve(Checkpoint.FILE_NAME);
            if (!Files.exists(historyFile(dir, s)) && Files.exists(ck)) {
                EpochHistoryCsv.write(historyFile(dir, s), Checkpoint.load(ck).history());
            }
        }
    }

    /**
     * The network of seed {@code seed} after training: the parameters of its last checkpoint, or, when the
     * checkpoint is not there (a fresh clone holds only the run records), the same training run again,
     * which gives bit-identical parameters (same seed, same data order).
     *
     * @param seed the seed
     * @param full the full data set (used only when retraining)
     * @return the trained network
     */
    public LayeredNetwork trainedNetwork(long seed, Splits full) {
        Path f = SeedSweep.of(id()).seeds(seeds).profile(profile).storeDirectory().resolve("seed-" + seed)
                .resolve(Checkpoint.FILE_NAME);
        if (!Files.exists(f)) {
            Learner learner = backpropThroughTime ? recipe.bptt(seed) : recipe.learner(seed);
            recipe.trainer().epochs(epochs()).seed(seed).quiet().fit(learner, data(full));
            return learner instanceof Bptt b ? (LayeredNetwork) b.model() : (LayeredNetwork) ((EquilibriumPropagation) learner).model();
        }
        Checkpoint ck = Checkpoint.load(f);
        LayeredNetwork net = EqProp.from(recipe.config()).network(seed);
        for (Parameter p : net.parameters()) {
            float[] v = ck.parameters().get(p.name());
            if (v == null || v.length != p.size()) {
                throw new IllegalStateException("checkpoint " + f + " has no parameter " + p.name() + " of size " + p.size());
            }
            System.arraycopy(v, 0, p.value(), 0, v.length);
        }
        return net;
    }

    /** Runs, then writes the row to {@code results/reproduction.csv}; returns the sweep. */
    public SweepResult runAndRecord(Splits full, String dataset) {
        SweepResult r = run(full);
        ResultsCsv.forProfile(profile).record(row(r, dataset));
        return r;
    }

    @Override
    public String toString() {
        return "EpExperiment[" + id() + ", seeds " + java.util.Arrays.toString(seeds) + ", " + profile.id() + ", "
                + epochs() + " epochs]";
    }
}
