package org.plasticity.experiment;

import java.util.List;
import org.plasticity.display.Displayable;
import org.plasticity.display.Html;
import org.plasticity.results.Profile;
import org.plasticity.results.ReproductionRow;
import org.plasticity.results.ResultsCsv;
import org.plasticity.results.Stats;
import org.plasticity.results.SweepResult;
import tech.tablesaw.api.Table;

/**
 * What one {@link Experiment#run()} gave: the per-seed records (trained recipes) and the result rows
 * of the recipe's claims, next to the paper's figures. The rows were written to
 * {@link ResultsCsv#local()}, and also to the committed {@code results/} when recording was asked.
 *
 * @param recipe the recipe
 * @param runId experiment id of the rows and stored runs (the recipe id, plus a suffix with overrides)
 * @param profile the profile
 * @param sweep the per-seed records, or null for derived and not-obtainable claims
 * @param rows one row per claim
 */
public record Outcome(Recipe recipe, String runId, Profile profile, SweepResult sweep, List<ReproductionRow> rows)
        implements Displayable {

    /** Copies the rows. */
    public Outcome {
        rows = List.copyOf(rows);
    }

    /** The reported accuracy of each seed ({@link Rules#reported}). */
    public double[] reported() {
        requireSweep();
        return sweep.records().stream().mapToDouble(Rules::reported).toArray();
    }

    /** Mean of the reported accuracy over seeds (for derived claims: the first row's mean). */
    public double mean() {
        return sweep == null ? rows.get(0).oursMean() : Stats.mean(reported());
    }

    /** Sample std of the reported accuracy over seeds (NaN for one seed). */
    public double std() {
        return sweep == null ? rows.get(0).oursStd() : Stats.std(reported());
    }

    /** Mean of any record metric over seeds. */
    public double mean(String metric) {
        requireSweep();
        return sweep.mean(metric);
    }

    /** Sample std of any record metric over seeds. */
    public double std(String metric) {
        requireSweep();
        return sweep.std(metric);
    }

    /** The row of one claim metric (e.g. {@code test_accuracy}, {@code cosine}). */
    public ReproductionRow row(String metric) {
        return rows.stream().filter(r -> r.metric().equals(metric)).findFirst().orElseThrow(
                () -> new IllegalArgumentException(runId + " has no row for metric '" + metric + "'; it has "
                        + rows.stream().map(ReproductionRow::metric).toList()));
    }

    /** The "paper vs ours" table of the rows. */
    public Table table() {
        return ResultsCsv.paperVsOurs(rows);
    }

    private void requireSweep() {
        if (sweep == null) {
            throw new IllegalStateException(runId + " is " + (recipe.isDerived() ? "derived" : "not obtainable here")
                    + ": it has rows, not per-seed records");
        }
    }

    @Override
    public String toHtml() {
        StringBuilder sb = new StringBuilder("<div class=\"plasticity-outcome\"><b>").append(Html.escape(runId))
                .append("</b> · ").append(profile.id());
        if (sweep != null) {
            sb.append(" · ").append(sweep.records().size()).append(" seeds");
        }
        sb.append("<table><tr><th>metric</th><th>paper</th><th>ours</th><th>status</th></tr>");
        for (ReproductionRow r : rows) {
            sb.append("<tr><td>").append(Html.escape(r.metric())).append("</td><td>").append(pm(r.paperValue(),
                    r.paperStd())).append("</td><td>").append(pm(r.oursMean(), r.oursStd())).append("</td><td>")
                    .append(r.status().id()).append("</td></tr>");
        }
        sb.append("</table>");
        if (sweep != null) {
            sb.append(sweep.toHtml());
        }
        return sb.append("</div>").toString();
    }

    private static String pm(double m, double s) {
        if (Double.isNaN(m)) {
            return "–";
        }
        return String.format(java.util.Locale.ROOT, "%.4f", m) + (Double.isNaN(s) ? ""
                : String.format(java.util.Locale.ROOT, " ± %.4f", s));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Outcome[" + runId + ", " + profile.id());
        for (ReproductionRow r : rows) {
            sb.append(", ").append(r.metric()).append(' ').append(pm(r.oursMean(), r.oursStd())).append(" vs paper ")
                    .append(pm(r.paperValue(), r.paperStd())).append(" (").append(r.status().id()).append(')');
        }
        return sb.append(']').toString();
    }
}
