package org.plasticity.experiment.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.plasticity.display.Displayable;
import org.plasticity.display.TableHtml;
import org.plasticity.io.AtomicFiles;
import org.plasticity.results.Provenance;
import org.plasticity.results.Stats;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The results of a sweep: one row per run ({@link #table()}) with its knob values, seed, status,
 * message, metrics, times and provenance, and the per-configuration summary ({@link #grouped()}:
 * n, mean, std, min, max and the t-based 95 % confidence interval of each metric over seeds).
 *
 * @param recipe recipe id
 * @param varied the varied knobs (the grouping columns)
 * @param results one result per run, in sweep order
 */
public record SweepTable(String recipe, List<String> varied, List<RunResult> results) implements Displayable {

    /** Copies the lists. */
    public SweepTable {
        varied = List.copyOf(varied);
        results = List.copyOf(results);
    }

    /** Metric names over all finished runs, in first-seen order. */
    public List<String> metrics() {
        Set<String> m = new LinkedHashSet<>();
        results.stream().filter(RunResult::finished).forEach(r -> m.addAll(r.metrics().keySet()));
        return List.copyOf(m);
    }

    /** Knobs set on any run (varied first), in order. */
    public List<String> knobs() {
        Set<String> k = new LinkedHashSet<>(varied);
        results.forEach(r -> k.addAll(r.knobs().keySet()));
        return List.copyOf(k);
    }

    /**
     * The columns of {@link #table()} and {@link #grouped()} that are not knobs. A knob of the same
     * name (a sweep that sets or varies {@code epochs}: the knob is the budget, the column the epochs
     * trained) gets the column {@code knob_NAME} instead; see {@link #knobColumn(String)}.
     */
    public static final List<String> FIXED_COLUMNS = List.of("index", "run_id", "seed", "status", "message", "epochs",
            "train_seconds", "wall_seconds", "config", "commit", "library_version", "data", "machine", "metric", "n",
            "failed", "mean", "std", "min", "max", "ci95_low", "ci95_high");

    /**
     * The column name of a knob in {@link #table()} and {@link #grouped()}: the knob's name, or
     * {@code knob_NAME} when the name is one of {@link #FIXED_COLUMNS} or a metric of this sweep.
     *
     * @param knob knob name
     * @return its column name
     */
    public String knobColumn(String knob) {
        String c = knob;
        while (FIXED_COLUMNS.contains(c) || metrics().contains(c)) {
            c = "knob_" + c;
        }
        return c;
    }

    /** Runs that failed. */
    public List<RunResult> failed() {
        return results.stream().filter(r -> !r.finished()).toList();
    }

    /**
     * One row per run. Columns: {@code index}, {@code run_id}, one column per knob (named by
     * {@link #knobColumn(String)}), {@code seed},
     * {@code status} (done / reused / failed), {@code message}, {@code epochs}, {@code train_seconds},
     * {@code wall_seconds}, one column per metric, then provenance: {@code config}, {@code commit},
     * {@code library_version}, {@code data} (name, sizes, SHA-256 checksums) and {@code machine}
     * (this process's; run records do not store the machine).
     */
    public Table table() {
        Table t = Table.create(recipe + " sweep");
        IntColumn index = IntColumn.create("index");
        StringColumn runId = StringColumn.create("run_id");
        Map<String, StringColumn> knobCols = new LinkedHashMap<>();
        for (String k : knobs()) {
            knobCols.put(k, StringColumn.create(knobColumn(k)));
        }
        LongColumn seed = LongColumn.create("seed");
        StringColumn status = StringColumn.create("status");
        StringColumn message = StringColumn.create("message");
        IntColumn epochs = IntColumn.create("epochs");
        DoubleColumn train = DoubleColumn.create("train_seconds");
        DoubleColumn wall = DoubleColumn.create("wall_seconds");
        Map<String, DoubleColumn> metricCols = new LinkedHashMap<>();
        for (String m : metrics()) {
            metricCols.put(m, DoubleColumn.create(m));
        }
        StringColumn config = StringColumn.create("config");
        StringColumn commit = StringColumn.create("commit");
        StringColumn version = StringColumn.create("library_version");
        StringColumn data = StringColumn.create("data");
        StringColumn machine = StringColumn.create("machine");
        Provenance pv = Provenance.current();
        for (RunResult r : results) {
            index.append(r.index());
            runId.append(r.runId());
            knobCols.forEach((k, c) -> c.append(r.knobs().containsKey(k) ? String.valueOf(r.knobs().get(k)) : ""));
            seed.append(r.seed());
            status.append(r.state().name().toLowerCase(Locale.ROOT));
            message.append(r.message());
            epochs.append(r.epochs());
            train.append(r.trainSeconds());
            wall.append(r.wallSeconds());
            metricCols.forEach((m, c) -> {
                Double v = r.metrics().get(m);
                if (v == null) {
                    c.appendMissing();
                } else {
                    c.append(v);
                }
            });
            config.append(r.config());
            commit.append(r.commit());
            version.append(pv.libraryVersion());
            data.append(r.data());
            machine.append(pv.machine());
        }
        t.addColumns(index, runId);
        knobCols.values().forEach(t::addColumns);
        t.addColumns(seed, status, message, epochs, train, wall);
        metricCols.values().forEach(t::addColumns);
        t.addColumns(config, commit, version, data, machine);
        return t;
    }

    /**
     * The summary per configuration (the knob values without the seed) and metric over finished
     * runs: {@code n}, {@code failed}, {@code mean}, {@code std}, {@code min}, {@code max},
     * {@code ci95_low}, {@code ci95_high} (mean ± t<sub>0.975, n−1</sub>·std/√n; NaN for n &lt; 2).
     */
    public Table grouped() {
        Table t = Table.create(recipe + " sweep, grouped");
        List<String> ks = knobs();
        Map<String, StringColumn> knobCols = new LinkedHashMap<>();
        for (String k : ks) {
            knobCols.put(k, StringColumn.create(knobColumn(k)));
        }
        StringColumn metric = StringColumn.create("metric");
        IntColumn n = IntColumn.create("n");
        IntColumn failed = IntColumn.create("failed");
        DoubleColumn mean = DoubleColumn.create("mean");
        DoubleColumn std = DoubleColumn.create("std");
        DoubleColumn min = DoubleColumn.create("min");
        DoubleColumn max = DoubleColumn.create("max");
        DoubleColumn lo = DoubleColumn.create("ci95_low");
        DoubleColumn hi = DoubleColumn.create("ci95_high");
        for (Map<String, Object> g : configurations()) {
            List<RunResult> rs = results.stream().filter(r -> r.knobs().equals(g)).toList();
            int nFailed = (int) rs.stream().filter(r -> !r.finished()).count();
            for (String m : metrics()) {
                double[] v = rs.stream().filter(RunResult::finished).filter(r -> r.metrics().containsKey(m))
                        .mapToDouble(r -> r.metrics().get(m)).toArray();
                knobCols.forEach((k, c) -> c.append(g.containsKey(k) ? String.valueOf(g.get(k)) : ""));
                metric.append(m);
                n.append(v.length);
                failed.append(nFailed);
                double mu = Stats.mean(v);
                double h = Compare.ci95HalfWidth(v);
                mean.append(mu);
                std.append(Stats.std(v));
                min.append(v.length == 0 ? Double.NaN : java.util.Arrays.stream(v).min().getAsDouble());
                max.append(v.length == 0 ? Double.NaN : java.util.Arrays.stream(v).max().getAsDouble());
                lo.append(mu - h);
                hi.append(mu + h);
            }
        }
        knobCols.values().forEach(t::addColumns);
        t.addColumns(metric, n, failed, mean, std, min, max, lo, hi);
        return t;
    }

    /** The distinct knob settings, in sweep order. */
    public List<Map<String, Object>> configurations() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RunResult r : results) {
            if (!out.contains(r.knobs())) {
                out.add(r.knobs());
            }
        }
        return out;
    }

    /**
     * Seed to metric value of the finished runs whose knobs include {@code knobs}.
     *
     * @param metric metric name
     * @param knobs knob values to match (canonical values, as in {@link RunResult#knobs()})
     * @return seed to value
     */
    public Map<Long, Double> values(String metric, Map<String, ?> knobs) {
        Map<Long, Double> out = new LinkedHashMap<>();
        for (RunResult r : results) {
            if (r.finished() && r.metrics().containsKey(metric) && knobs.entrySet().stream()
                    .allMatch(e -> Objects.equals(String.valueOf(r.knobs().get(e.getKey())), String.valueOf(e.getValue())))) {
                out.put(r.seed(), r.metrics().get(metric));
            }
        }
        return out;
    }

    /**
     * "A beats B" on one metric: the paired t-test when A and B share at least two seeds (the
     * sweep's usual case: every configuration runs the same seeds), else Welch's test.
     *
     * @param metric metric name
     * @param a knob values of A
     * @param b knob values of B
     * @return the test
     */
    public TTest compare(String metric, Map<String, ?> a, Map<String, ?> b) {
        Map<Long, Double> va = values(metric, a);
        Map<Long, Double> vb = values(metric, b);
        long shared = va.keySet().stream().filter(vb::containsKey).count();
        if (shared >= 2) {
            return Compare.paired(a.toString(), va, b.toString(), vb);
        }
        return Compare.welch(a.toString(), va.values().stream().mapToDouble(Double::doubleValue).toArray(),
                b.toString(), vb.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Writes {@link #table()} as CSV, atomically (temporary file, then rename). */
    public void writeCsv(Path file) {
        java.io.StringWriter sw = new java.io.StringWriter();
        table().write().csv(sw);
        AtomicFiles.writeString(file, sw.toString());
    }

    @Override
    public String toHtml() {
        return "<div class=\"plasticity-sweep\"><b>" + org.plasticity.display.Html.escape(recipe) + "</b> · "
                + results.size() + " runs, " + failed().size() + " failed" + TableHtml.toHtml(grouped())
                + "</div>";
    }

    @Override
    public String toText() {
        return recipe + ": " + results.size() + " runs, " + failed().size() + " failed\n" + grouped().printAll();
    }

    @Override
    public String toString() {
        return "SweepTable[" + recipe + ", " + results.size() + " runs, " + failed().size() + " failed]";
    }
}
