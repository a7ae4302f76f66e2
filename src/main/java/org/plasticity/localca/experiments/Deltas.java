package org.plasticity.localca.experiments;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.plasticity.experiment.Claim;
import org.plasticity.experiment.Outcome;
import org.plasticity.experiment.Recipe;
import org.plasticity.experiment.Rules;
import org.plasticity.experiment.sweep.Compare;
import org.plasticity.experiment.sweep.TTest;
import org.plasticity.results.Profile;
import org.plasticity.results.ReproductionRow;
import org.plasticity.results.RunRecord;
import org.plasticity.results.Stats;
import org.plasticity.results.SweepResult;

/**
 * Differences between two experiments (shunting − additive, path − no path, ...), seed-matched:
 * the mean and sample std of the per-seed differences of the reported accuracy
 * ({@link Rules#reported}).
 */
public final class Deltas {

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
            bm.put(r.seed(), Rules.reported(r));
        }
        double[] d = a.records().stream().filter(r -> bm.containsKey(r.seed()))
                .mapToDouble(r -> Rules.reported(r) - bm.get(r.seed())).toArray();
        if (d.length == 0) {
            throw new IllegalStateException("'" + a.experiment() + "' and '" + b.experiment() + "' share no seed; run "
                    + "both over the same seeds");
        }
        return d;
    }

    /**
     * The paired t-test of a − b on the reported accuracy over the seeds both share (p-value,
     * Cohen's d_z, Hedges' g); the rows of {@link #row} stay mean ± std of the differences.
     *
     * @param a first experiment's records
     * @param b second experiment's records
     * @return the test (needs at least two shared seeds)
     */
    public static TTest pairedTest(SweepResult a, SweepResult b) {
        Map<Long, Double> am = new HashMap<>();
        Map<Long, Double> bm = new HashMap<>();
        a.records().forEach(r -> am.put(r.seed(), Rules.reported(r)));
        b.records().forEach(r -> bm.put(r.seed(), Rules.reported(r)));
        return Compare.paired(a.experiment(), am, b.experiment(), bm);
    }

    /**
     * The {@code test_accuracy_delta} row of a derived recipe.
     *
     * @param recipe the derived recipe (id, data set, claim)
     * @param diffs per-seed (or per-cell) differences
     * @param epochs epochs per run
     * @param wallSeconds total cost
     * @param profile profile of the runs
     * @param commit commit(s) of the compared runs
     * @param extra extra note (may be empty)
     * @return the row (not written)
     */
    static ReproductionRow row(Recipe recipe, double[] diffs, int epochs, double wallSeconds, Profile profile,
            String commit, String extra) {
        Claim c = recipe.claims().get(0);
        double mean = Stats.mean(diffs);
        return new ReproductionRow(recipe.paper(), recipe.id(), recipe.dataset(), c.metric(), c.paperValue(),
                c.paperStd(), mean, Stats.std(diffs), diffs.length, profile, Rules.status(mean, c), epochs, wallSeconds,
                commit, recipe.notes() + (extra.isEmpty() ? "" : ", " + extra));
    }

    /** The distinct commits of the compared runs, joined by {@code +}. */
    static String commit(List<Outcome> outcomes) {
        return String.join("+", outcomes.stream().flatMap(o -> java.util.Arrays.stream(o.sweep().commit().split("\\+")))
                .distinct().toList());
    }
}
