package org.plasticity.localca.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import org.plasticity.data.Batch;
import org.plasticity.data.Splits;
import org.plasticity.localca.LocalCa;
import org.plasticity.localca.LocalCaLearner;
import org.plasticity.localca.LocalRuleLearner;
import org.plasticity.localca.fidelity.FidelityReport;
import org.plasticity.localca.fidelity.GradientFidelity;
import org.plasticity.results.Profile;
import org.plasticity.results.ReproductionRow;
import org.plasticity.results.ResultsCsv;
import org.plasticity.results.RunRecord;
import org.plasticity.results.SeedSweep;
import org.plasticity.results.Status;
import org.plasticity.results.SweepResult;
import org.plasticity.train.Trainer;
import org.plasticity.train.TrainingRun;
import org.plasticity.train.listeners.EarlyStopping;

/**
 * One experiment of the paper: a learner configuration on a task, trained over seeds with the
 * shared trainer as a resumable {@link SeedSweep} (each seed checkpoints every epoch and is skipped
 * once its record exists). The reported accuracy is the test accuracy at the best-validation
 * epoch (the authors keep the best-validation state). Local learners can also measure the
 * gradient fidelity (Eqs. 27–28) of their trained state on a fixed probe batch.
 *
 * <pre>{@code
 * Experiment e = Experiments.mnist5fPerSoma();
 * SweepResult r = e.run();                 // profile from PLASTICITY_PROFILE (smoke by default)
 * e.record(r);                             // rows into results/reproduction.csv
 * }</pre>
 *
 * @param id experiment id, e.g. {@code mnist-5f-per-soma}
 * @param task data set
 * @param learner builds the learner of one seed
 * @param fullEpochs epochs in the full profile
 * @param patience early-stopping patience (0 = none)
 * @param paperAccuracy the paper's test accuracy (NaN when none)
 * @param paperStd the paper's std (NaN when none)
 * @param measureFidelity measure gradient fidelity after training (local learners only)
 * @param paperFidelity the paper's [cosine, scale, rel L2] (Table 2), or null
 * @param notes one line for the result rows
 */
public record Experiment(String id, Task task, LongFunction<LocalCaLearner> learner, int fullEpochs, int patience,
        double paperAccuracy, double paperStd, boolean measureFidelity, double[] paperFidelity, String notes) {

    /** Seeds of the paper's main runs (revised paper: 42–46). */
    public static final long[] FULL_SEEDS = {42, 43, 44, 45, 46};
    /** Seeds of smoke runs. */
    public static final long[] SMOKE_SEEDS = {42, 43};
    /** Epochs of smoke runs. */
    public static final int SMOKE_EPOCHS = 2;

    /** Validates. */
    public Experiment {
        if (id == null || !id.matches("[a-z0-9.-]+")) {
            throw new IllegalArgumentException("experiment id must be lower-case [a-z0-9.-]+, got '" + id + "'");
        }
        if (fullEpochs < 1 || patience < 0) {
            throw new IllegalArgumentException("fullEpochs must be ≥ 1 and patience ≥ 0");
        }
    }

    /** Copy with other full-profile epochs. */
    public Experiment withFullEpochs(int epochs) {
        return new Experiment(id, task, learner, epochs, patience, paperAccuracy, paperStd, measureFidelity,
                paperFidelity, notes);
    }

    /** Copy with another id (e.g. for a variant). */
    public Experiment withId(String newId) {
        return new Experiment(newId, task, learner, fullEpochs, patience, paperAccuracy, paperStd, measureFidelity,
                paperFidelity, notes);
    }

    /** Epochs in a profile. */
    public int epochs(Profile p) {
        return p == Profile.FULL ? fullEpochs : SMOKE_EPOCHS;
    }

    /** Runs the current profile's seeds (5 in the full profile, 2 in the smoke profile). */
    public SweepResult run() {
        Profile p = Profile.current();
        return run(p, profileSeeds(p));
    }

    /**
     * Runs the first {@code n} of the current profile's seeds (grids and ablations use fewer
     * seeds), together with any later seed of the profile whose run has already finished: a seed
     * run from the command line ({@code -Dplasticity.seeds}) is never dropped from the aggregate,
     * so a notebook asking for one seed does not replace a stored five-seed row with a one-seed
     * row.
     *
     * @param n number of seeds to run at least (≥ 1)
     * @return the sweep result
     */
    public SweepResult run(int n) {
        Profile p = Profile.current();
        return run(p, seedsFor(p, n));
    }

    private static long[] profileSeeds(Profile p) {
        return p == Profile.FULL ? FULL_SEEDS : SMOKE_SEEDS;
    }

    /**
     * The seeds {@link #run(int)} uses: the first {@code n} of the profile's seeds plus the later
     * ones already finished, in the profile's order.
     *
     * @param profile smoke or full
     * @param n number of seeds to run at least (≥ 1)
     * @return the seeds
     */
    public long[] seedsFor(Profile profile, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one seed, got " + n);
        }
        long[] all = profileSeeds(profile);
        int first = Math.min(n, all.length);
        long[] rest = java.util.Arrays.copyOfRange(all, first, all.length);
        long[] finished = rest.length == 0 ? rest : SeedSweep.of(id).profile(profile).seeds(rest).finishedSeeds();
        return java.util.stream.LongStream.concat(java.util.Arrays.stream(all, 0, first),
                java.util.Arrays.stream(finished)).toArray();
    }

    /**
     * Runs (or resumes) the given seeds.
     *
     * @param profile smoke or full
     * @param seeds seeds to run
     * @return records of all seeds with aggregates
     */
    public SweepResult run(Profile profile, long... seeds) {
        Splits splits = task.splits(profile);
        int epochs = epochs(profile);
        return SeedSweep.of(id).profile(profile).seeds(seeds).run(sr -> {
            LocalCaLearner l = learner.apply(sr.seed());
            Trainer t = LocalCa.trainer(l, epochs).seed(sr.seed()).checkpointDir(sr.checkpointDir())
                    .quiet();
            if (patience > 0) {
                t = t.listener(new EarlyStopping(patience));
            }
            if (Boolean.getBoolean("plasticity.verbose")) {
                t = t.listener(new org.plasticity.train.TrainingListener() {
                    @Override
                    public void onEpochEnd(org.plasticity.train.TrainingSession s, org.plasticity.train.EpochMetrics m) {
                        System.out.println("   " + id + " seed " + sr.seed() + " " + m);
                    }
                });
            }
            TrainingRun run = t.fit(l, splits);
            RunRecord r = RunRecord.of(id, run, splits);
            if (measureFidelity && l instanceof LocalRuleLearner local) {
                FidelityReport f = GradientFidelity.measure(local, probe(splits));
                r = r.with("weighted_cosine", f.weightedCosine()).with("scale_mismatch", f.weightedScaleMismatch())
                        .with("relative_l2", f.weightedRelativeL2()).with("global_scale_mismatch",
                                f.globalScaleMismatch());
            }
            return r;
        });
    }

    /** The fixed probe batch of the fidelity diagnostic: the first 256 validation samples. */
    public static Batch probe(Splits splits) {
        return splits.validation().batchesInOrder(256).iterator().next().copy();
    }

    /**
     * The rows this experiment claims (accuracy, and fidelity when measured), recorded into the
     * project's {@code results/reproduction.csv}.
     *
     * @param result the sweep result
     * @return the recorded rows
     */
    public List<ReproductionRow> record(SweepResult result) {
        List<ReproductionRow> rows = new ArrayList<>();
        double tol = Double.isNaN(paperStd) ? 0.015 : Math.max(2 * paperStd, 0.01);
        rows.add(row(result, "best_val_test_accuracy", "test_accuracy", paperAccuracy, paperStd, tol,
                rowNotes("test accuracy at the best-validation epoch")));
        if (measureFidelity && result.metrics().contains("weighted_cosine")) {
            String[] metrics = {"weighted_cosine", "scale_mismatch", "relative_l2"};
            String[] names = {"cosine", "scale_mismatch", "relative_l2"};
            double[] tols = {0.05, 0.1, 0.5};
            for (int i = 0; i < 3; i++) {
                double pv = paperFidelity == null ? Double.NaN : paperFidelity[i];
                rows.add(row(result, metrics[i], names[i], pv, Double.NaN, tols[i],
                        rowNotes("gradient fidelity of the trained state on 256 validation samples")));
            }
        }
        ResultsCsv csv = ResultsCsv.forProfile(result.profile());
        rows.forEach(csv::record);
        return rows;
    }

    private ReproductionRow row(SweepResult r, String source, String metric, double paper, double paperSd, double tol,
            String rowNotes) {
        double m = r.mean(source);
        Status st = Double.isNaN(paper) ? Status.STAND_IN : Status.compare(m, paper, tol);
        return new ReproductionRow(LocalCa.PAPER, id, task.id(), metric, paper, paperSd, m, r.std(source),
                r.records().size(), r.profile(), st, r.epochs(), r.wallSeconds(), null, rowNotes);
    }

    private String rowNotes(String what) {
        return what + (notes.isEmpty() ? "" : "; " + notes);
    }

    /** Runs the current profile and records the rows. */
    public SweepResult runAndRecord() {
        SweepResult r = run();
        record(r);
        return r;
    }

    /**
     * Runs the first {@code n} of the current profile's seeds and records the rows.
     *
     * @param n number of seeds (≥ 1)
     * @return the sweep result
     */
    public SweepResult runAndRecord(int n) {
        SweepResult r = run(n);
        record(r);
        return r;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Experiment[%s on %s, %d epochs (full), paper %s]", id, task.id(), fullEpochs,
                Double.isNaN(paperAccuracy) ? "–" : String.valueOf(paperAccuracy));
    }
}
