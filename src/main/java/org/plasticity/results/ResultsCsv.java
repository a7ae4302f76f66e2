package org.plasticity.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The project's {@code results/} directory: {@code reproduction.csv} and {@code benchmarks.csv}
 * (schema: results-schema.md). Each {@code record} call replaces the row with the same key and
 * rewrites the file atomically under a lock, so rows land as each run finishes and concurrent
 * writers never lose each other's rows.
 */
public final class ResultsCsv {

    /** Environment variable overriding the results directory. */
    public static final String ENV = "PLASTICITY_RESULTS";
    /** System property overriding the results directory. */
    public static final String PROPERTY = "plasticity.results";

    private final Path dir;
    private final boolean committed;
    private final CsvFile reproduction;
    private final CsvFile benchmarks;

    private ResultsCsv(Path dir, boolean committed) {
        this.dir = dir;
        this.committed = committed;
        this.reproduction = new CsvFile(dir.resolve("reproduction.csv"), ReproductionRow.HEADER);
        this.benchmarks = new CsvFile(dir.resolve("benchmarks.csv"), BenchmarkRow.HEADER);
    }

    /** Results in the given directory (accepts smoke rows). */
    public static ResultsCsv at(Path dir) {
        return new ResultsCsv(dir.toAbsolutePath().normalize(), false);
    }

    /** System property naming the project checkout ({@code bin/plasticity} sets it). */
    public static final String PROJECT_PROPERTY = "plasticity.project";

    /**
     * The project checkout: {@code -Dplasticity.project}, else the nearest enclosing directory of the
     * working directory that holds a {@code pom.xml} and a {@code notebooks/} folder, if any.
     */
    public static Optional<Path> projectRoot() {
        String prop = System.getProperty(PROJECT_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return Optional.of(Path.of(prop).toAbsolutePath().normalize());
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("notebooks"))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * The user's own results, where runs write their rows unless asked to record: {@code target/results}
     * of the project checkout, else {@code ~/.plasticity/results}. Accepts smoke rows.
     */
    public static ResultsCsv local() {
        return at(projectRoot().map(p -> p.resolve("target").resolve("results"))
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".plasticity", "results")));
    }

    /**
     * Where rows of a profile go when the caller asked to record: the committed results for the full
     * profile, {@link #local()} for smoke rows (never a reproduction claim).
     */
    public static ResultsCsv forProfile(Profile profile) {
        return profile == Profile.FULL ? inProject() : local();
    }

    /** Whether this is the committed results directory, which refuses smoke rows. */
    public boolean isCommitted() {
        return committed;
    }

    /**
     * The project's results directory: {@code -Dplasticity.results}, else {@code $PLASTICITY_RESULTS},
     * else {@code results/} in the nearest enclosing directory holding a {@code pom.xml} (so notebooks
     * executed from {@code notebooks/} write to the project's folder), else {@code ./results}. These
     * are the committed files: they refuse smoke rows (never a reproduction claim). Runs write to
     * {@link #local()} unless the user asks to record.
     */
    public static ResultsCsv inProject() {
        String v = System.getProperty(PROPERTY);
        if (v == null || v.isBlank()) {
            v = System.getenv(ENV);
        }
        if (v != null && !v.isBlank()) {
            return new ResultsCsv(Path.of(v).toAbsolutePath().normalize(), true);
        }
        Path root = projectRoot().orElse(Path.of("").toAbsolutePath());
        return new ResultsCsv(root.resolve("results").normalize(), true);
    }

    /** The directory. */
    public Path directory() {
        return dir;
    }

    /**
     * Adds or replaces (same key) a reproduction row.
     *
     * @throws IllegalArgumentException for a smoke row on the committed results
     */
    public ReproductionRow record(ReproductionRow row) {
        if (committed && row.profile() == Profile.SMOKE) {
            throw new IllegalArgumentException("smoke rows are never recorded into the committed " + dir.resolve(
                    "reproduction.csv") + " (" + row.experiment() + "); write them to ResultsCsv.local()");
        }
        reproduction.upsert(row.values(), r -> ReproductionRow.fromValues(r).key().equals(row.key()));
        return row;
    }

    /** Adds or replaces (same benchmark id) a benchmark row. */
    public BenchmarkRow record(BenchmarkRow row) {
        benchmarks.upsert(row.values(), r -> r.get(0).equals(row.benchmark()));
        return row;
    }

    /** All reproduction rows, in file order. */
    public List<ReproductionRow> reproductionRows() {
        return reproduction.read().stream().map(ReproductionRow::fromValues).toList();
    }

    /** All benchmark rows, in file order. */
    public List<BenchmarkRow> benchmarkRows() {
        return benchmarks.read().stream().map(BenchmarkRow::fromValues).toList();
    }

    /**
     * The "paper vs ours" table of one paper's rows.
     *
     * @param paper paper id
     * @return one row per claim
     */
    public Table paperVsOurs(String paper) {
        return paperVsOurs(reproductionRows().stream().filter(r -> r.paper().equals(paper)).toList());
    }

    /** The "paper vs ours" table of the given rows. */
    public static Table paperVsOurs(List<ReproductionRow> rows) {
        Table t = Table.create("paper vs ours");
        t.addColumns(StringColumn.create("experiment"), StringColumn.create("dataset"), StringColumn.create("metric"),
                StringColumn.create("paper"), StringColumn.create("ours"), IntColumn.create("seeds"),
                StringColumn.create("profile"), StringColumn.create("status"), IntColumn.create("epochs"),
                DoubleColumn.create("wall_s"), StringColumn.create("notes"));
        for (ReproductionRow r : rows) {
            t.stringColumn("experiment").append(r.experiment());
            t.stringColumn("dataset").append(r.dataset());
            t.stringColumn("metric").append(r.metric());
            t.stringColumn("paper").append(pm(r.paperValue(), r.paperStd()));
            t.stringColumn("ours").append(pm(r.oursMean(), r.oursStd()));
            t.intColumn("seeds").append(r.nSeeds());
            t.stringColumn("profile").append(r.profile().id());
            t.stringColumn("status").append(r.status().id());
            t.intColumn("epochs").append(r.epochs());
            t.doubleColumn("wall_s").append(Math.round(r.wallSeconds() * 10) / 10.0);
            t.stringColumn("notes").append(r.notes());
        }
        return t;
    }

    /** Rows matching a predicate. */
    public List<ReproductionRow> reproductionRows(Predicate<ReproductionRow> filter) {
        return reproductionRows().stream().filter(filter).toList();
    }

    static String pm(double mean, double std) {
        if (Double.isNaN(mean)) {
            return "–";
        }
        String m = String.format(Locale.ROOT, "%.4f", mean);
        return Double.isNaN(std) ? m : m + " ± " + String.format(Locale.ROOT, "%.4f", std);
    }

    @Override
    public String toString() {
        return "ResultsCsv[" + dir + "]";
    }
}
