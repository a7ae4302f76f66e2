package org.plasticity.results;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.plasticity.display.Displayable;
import org.plasticity.display.Html;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * The records of a {@link SeedSweep} and their aggregates (mean, sample std over seeds).
 *
 * @param experiment experiment id
 * @param profile the sweep's profile
 * @param records one per seed, in seed order
 * @param reused how many records came from an earlier (resumed) session
 */
public record SweepResult(String experiment, Profile profile, List<RunRecord> records, int reused)
        implements Displayable {

    /** Copies the records. */
    public SweepResult {
        records = List.copyOf(records);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a sweep result needs at least one record");
        }
    }

    /** Values of one metric, in seed order. */
    public double[] values(String metric) {
        return records.stream().mapToDouble(r -> r.metric(metric)).toArray();
    }

    /** Mean of a metric over seeds. */
    public double mean(String metric) {
        return Stats.mean(values(metric));
    }

    /** Sample standard deviation (n − 1) of a metric over seeds; NaN for one seed. */
    public double std(String metric) {
        return Stats.std(values(metric));
    }

    /** Total training seconds over all runs. */
    public double wallSeconds() {
        return records.stream().mapToDouble(RunRecord::wallSeconds).sum();
    }

    /** Epochs of the first run. */
    public int epochs() {
        return records.get(0).epochs();
    }

    /**
     * A result row comparing this sweep's mean with a paper's figure.
     *
     * @param paper paper id
     * @param dataset data set id
     * @param metric metric to report
     * @param paperValue the paper's value (NaN if none)
     * @param paperStd the paper's std (NaN if none)
     * @param tolerance absolute tolerance for {@link Status#REPRODUCED}
     * @param notes one line
     * @return the row (not yet recorded; pass it to {@link ResultsCsv#record(ReproductionRow)})
     */
    public ReproductionRow toRow(String paper, String dataset, String metric, double paperValue, double paperStd,
            double tolerance, String notes) {
        double m = mean(metric);
        Status s = Double.isNaN(paperValue) ? Status.STAND_IN : Status.compare(m, paperValue, tolerance);
        return new ReproductionRow(paper, experiment, dataset, metric, paperValue, paperStd, m, std(metric),
                records.size(), profile, s, epochs(), wallSeconds(), commit(), notes);
    }

    /**
     * The commit that produced these values: the run records' commit, or their distinct commits
     * joined by {@code +} in seed order when the seeds were run at different commits (never the
     * current HEAD when the values come from stored runs).
     */
    public String commit() {
        return String.join("+", records.stream().map(RunRecord::commit).distinct().toList());
    }

    /** Metric names present in every record. */
    public Set<String> metrics() {
        Set<String> names = new LinkedHashSet<>(records.get(0).metrics().keySet());
        records.forEach(r -> names.retainAll(r.metrics().keySet()));
        return names;
    }

    /** One row per seed, one column per metric. */
    public Table table() {
        Table t = Table.create(experiment + " (" + profile.id() + ")");
        t.addColumns(LongColumn.create("seed", records.stream().mapToLong(RunRecord::seed).toArray()));
        for (String m : metrics()) {
            t.addColumns(DoubleColumn.create(m, values(m)));
        }
        t.addColumns(DoubleColumn.create("seconds", records.stream().mapToDouble(RunRecord::wallSeconds).toArray()));
        return t;
    }

    @Override
    public String toHtml() {
        StringBuilder sb = new StringBuilder("<div class=\"plasticity-sweep\"><b>").append(Html.escape(experiment))
                .append("</b> · ").append(records.size()).append(" seeds · ").append(profile.id());
        if (reused > 0) {
            sb.append(" · ").append(reused).append(" resumed from stored records");
        }
        sb.append("<table><tr><th>metric</th><th>mean ± std</th><th>per seed</th></tr>");
        for (String m : metrics()) {
            sb.append("<tr><td>").append(Html.escape(m)).append("</td><td>").append(ResultsCsv.pm(mean(m), std(m)))
                    .append("</td><td>");
            double[] v = values(m);
            for (int i = 0; i < v.length; i++) {
                sb.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.4f", v[i]));
            }
            sb.append("</td></tr>");
        }
        return sb.append("</table></div>").toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SweepResult[" + experiment + ", " + records.size() + " seeds");
        for (String m : metrics()) {
            sb.append(", ").append(m).append(' ').append(ResultsCsv.pm(mean(m), std(m)));
        }
        return sb.append(']').toString();
    }
}
