package org.plasticity.experiment.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.knowm.xchart.CategoryChart;
import org.plasticity.display.Displayable;
import org.plasticity.display.TableHtml;
import org.plasticity.plot.Charts;
import org.plasticity.results.Profile;
import org.plasticity.results.ReproductionRow;
import org.plasticity.results.ResultsCsv;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Every paper's headline numbers next to ours: the full-profile rows of the committed
 * {@code results/reproduction.csv}, with status, seeds, epochs, wall time and the notebook that
 * shows them; and per paper a chart of ours vs the paper with error bars (± std over seeds).
 *
 * @param rows the result rows (full profile)
 * @param notebooks folder of the per-paper notebooks (for the notebook column), or null
 */
public record ReproductionSummary(List<ReproductionRow> rows, Path notebooks) implements Displayable {

    /** Copies the rows. */
    public ReproductionSummary {
        rows = List.copyOf(rows);
    }

    /** The committed full-profile rows ({@link ResultsCsv#inProject()}) and the project's {@code notebooks/}. */
    public static ReproductionSummary committed() {
        List<ReproductionRow> rs = ResultsCsv.inProject().reproductionRows(r -> r.profile() == Profile.FULL);
        Path nb = ResultsCsv.projectRoot().map(p -> p.resolve("notebooks")).orElse(null);
        return new ReproductionSummary(rs, nb);
    }

    /** The papers, in row order. */
    public List<String> papers() {
        return List.copyOf(new LinkedHashSet<>(rows.stream().map(ReproductionRow::paper).toList()));
    }

    /**
     * The summary table: paper, experiment, metric, paper value and std, ours (mean, std), seeds,
     * epochs, wall seconds, status and notebook.
     */
    public Table table() {
        StringColumn paper = StringColumn.create("paper");
        StringColumn exp = StringColumn.create("experiment");
        StringColumn metric = StringColumn.create("metric");
        DoubleColumn pv = DoubleColumn.create("paper_value");
        DoubleColumn ps = DoubleColumn.create("paper_std");
        DoubleColumn om = DoubleColumn.create("ours_mean");
        DoubleColumn os = DoubleColumn.create("ours_std");
        IntColumn seeds = IntColumn.create("seeds");
        IntColumn epochs = IntColumn.create("epochs");
        DoubleColumn wall = DoubleColumn.create("wall_seconds");
        StringColumn status = StringColumn.create("status");
        StringColumn nb = StringColumn.create("notebook");
        for (ReproductionRow r : rows) {
            paper.append(r.paper());
            exp.append(r.experiment());
            metric.append(r.metric());
            pv.append(r.paperValue());
            ps.append(r.paperStd());
            om.append(r.oursMean());
            os.append(r.oursStd());
            seeds.append(r.nSeeds());
            epochs.append(r.epochs());
            wall.append(r.wallSeconds());
            status.append(r.status().id());
            nb.append(notebookFor(r.paper()).orElse(""));
        }
        return Table.create("reproduction summary").addColumns(paper, exp, metric, pv, ps, om, os, seeds, epochs, wall,
                status, nb);
    }

    /** Claims per chart, so that the category labels stay readable. */
    public static final int CLAIMS_PER_CHART = 12;

    /**
     * Ours vs the paper for one paper's rows of {@code metric} that have both values, with ± std
     * error bars (0 where a side has no std), at most {@link #CLAIMS_PER_CHART} claims from
     * {@code from} on.
     *
     * @param paper paper id
     * @param metric metric (e.g. {@code test_accuracy})
     * @param from index of the first such row
     * @return the chart
     */
    public CategoryChart chart(String paper, String metric, int from) {
        List<ReproductionRow> all = chartable(paper, metric);
        if (all.isEmpty() || from < 0 || from >= all.size()) {
            throw new IllegalArgumentException("paper '" + paper + "' has no " + metric + " row " + from + " with both a"
                    + " paper value and ours; papers: " + papers());
        }
        List<ReproductionRow> rs = all.subList(from, Math.min(all.size(), from + CLAIMS_PER_CHART));
        List<String> cats = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        List<Double> theirErr = new ArrayList<>();
        List<Double> ours = new ArrayList<>();
        List<Double> ourErr = new ArrayList<>();
        for (ReproductionRow r : rs) {
            cats.add(r.experiment());
            theirs.add(r.paperValue());
            theirErr.add(Double.isNaN(r.paperStd()) ? 0 : r.paperStd());
            ours.add(r.oursMean());
            ourErr.add(Double.isNaN(r.oursStd()) ? 0 : r.oursStd());
        }
        String part = all.size() > CLAIMS_PER_CHART ? String.format(" (%d-%d of %d)", from + 1, from + rs.size(),
                all.size()) : "";
        CategoryChart c = Charts.bars(paper + part + ": ours vs paper, ± std over seeds", "claim", metric);
        c.addSeries("paper", cats, theirs, theirErr);
        c.addSeries("ours", cats, ours, ourErr);
        return c;
    }

    /** {@link #chart(String, String, int)} of the first claims. */
    public CategoryChart chart(String paper, String metric) {
        return chart(paper, metric, 0);
    }

    private List<ReproductionRow> chartable(String paper, String metric) {
        return rows.stream().filter(r -> r.paper().equals(paper) && r.metric().equals(metric)
                && !Double.isNaN(r.paperValue()) && !Double.isNaN(r.oursMean())).toList();
    }

    /** Every paper's {@code metric} claims with both values, {@link #CLAIMS_PER_CHART} per chart. */
    public List<CategoryChart> charts(String metric) {
        List<CategoryChart> out = new ArrayList<>();
        for (String p : papers()) {
            int n = chartable(p, metric).size();
            for (int from = 0; from < n; from += CLAIMS_PER_CHART) {
                out.add(chart(p, metric, from));
            }
        }
        return out;
    }

    /** The first per-paper notebook (not this summary) whose text names the paper id. */
    Optional<String> notebookFor(String paper) {
        if (notebooks == null || !Files.isDirectory(notebooks)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(notebooks)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList()) {
                if (!p.getFileName().toString().startsWith("10-") && Files.readString(p).contains(paper)) {
                    return Optional.of(p.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + notebooks, e);
        }
        return Optional.empty();
    }

    @Override
    public String toHtml() {
        return TableHtml.toHtml(table());
    }

    @Override
    public String toText() {
        return TableHtml.toText(table());
    }

    @Override
    public String toString() {
        return "ReproductionSummary[" + rows.size() + " rows, " + papers().size() + " papers]";
    }
}
