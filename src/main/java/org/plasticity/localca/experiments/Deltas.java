package org.plasticity.localca.experiments;

import java.util.HashMap;
import java.util.Map;
import org.plasticity.localca.LocalCa;
import org.plasticity.results.ReproductionRow;
import org.plasticity.results.ResultsCsv;
import org.plasticity.results.RunRecord;
import org.plasticity.results.Stats;
import org.plasticity.results.Status;
import org.plasticity.results.SweepResult;

/**
 * Differences between two experiments (shunting − additive, path − no path, ...), seed-matched:
 * the mean and sample std of the per-seed differences of the best-validation test accuracy.
 */
public final class Deltas {

    private static final String METRIC = "best_val_test_accuracy";

    private Deltas() {
    }

    /**
     * Per-seed differences a − b over the seeds both results share.
     *
     * @throws IllegalStateException when the two sweeps share no seed
     */
    public static double[] differences(SweepResult a, SweepResult b) {
        Map<Long, Double> bm = new HashMap<>();
        for (RunRecord r : b.records()) {
            bm.put(r.seed(), r.metric(METRIC));
        }
        double[] d = a.records().stream().filter(r -> bm.containsKey(r.seed()))
                .mapToDouble(r -> r.metric(METRIC) - bm.get(r.seed())).toArray();
        if (d.length == 0) {
            throw new IllegalStateException("'" + a.experiment() + "' and '" + b.experiment() + "' share no seed; run "
                    + "both over the same seeds");
        }
        return d;
    }

    /**
     * Records a difference row ({@code test_accuracy_delta}).
     *
     * @param id experiment id of the claim
     * @param dataset data set id
     * @param diffs per-seed (or per-cell) differences
     * @param epochs epochs per run
     * @param wallSeconds total cost
     * @param paper the paper's difference (NaN if none)
     * @param tolerance absolute tolerance for "reproduced"
     * @param profile profile of the runs
     * @param notes one line
     * @return the recorded row
     */
    public static ReproductionRow record(String id, String dataset, double[] diffs, int epochs, double wallSeconds,
            double paper, double tolerance, org.plasticity.results.Profile profile, String notes) {
        double mean = Stats.mean(diffs);
        double std = Stats.std(diffs);
        Status st = Double.isNaN(paper) ? Status.STAND_IN : Status.compare(mean, paper, tolerance);
        return ResultsCsv.forProfile(profile).record(new ReproductionRow(LocalCa.PAPER, id, dataset, "test_accuracy_delta", paper,
                Double.NaN, mean, std, diffs.length, profile, st, epochs, wallSeconds, null, notes));
    }
}
