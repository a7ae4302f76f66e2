package org.plasticity.results;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.plasticity.data.Splits;
import org.plasticity.io.AtomicFiles;
import org.plasticity.train.EpochMetrics;
import org.plasticity.train.TrainingRun;

/**
 * The outcome of one finished run of an experiment: seed, named metrics, cost, full
 * configuration and provenance. Enough to reproduce the row it feeds.
 *
 * @param experiment experiment id
 * @param seed the run's seed
 * @param metrics metric name to value, in insertion order
 * @param epochs epochs trained
 * @param wallSeconds training time
 * @param config the full configuration (model description + trainer config)
 * @param commit project commit that produced it
 * @param data identity of the data it was trained on ({@code Splits.identity()}: name, split sizes,
 *     SHA-256 of the input files), empty for records written before data identities were stored
 */
public record RunRecord(String experiment, long seed, Map<String, Double> metrics, int epochs, double wallSeconds,
        String config, String commit, String data) {

    /** Copies the metrics. */
    public RunRecord {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        commit = commit == null ? Provenance.current().commit() : commit;
        data = data == null ? "" : data;
    }

    /** A record without a data identity (hand-built records, tests). */
    public RunRecord(String experiment, long seed, Map<String, Double> metrics, int epochs, double wallSeconds,
            String config, String commit) {
        this(experiment, seed, metrics, epochs, wallSeconds, config, commit, "");
    }

    /**
     * The standard record of a training run on {@code data}, with the data's identity and checksums.
     *
     * @param experiment experiment id
     * @param run the finished run
     * @param data the splits it was trained on
     * @return the record
     */
    public static RunRecord of(String experiment, TrainingRun run, Splits data) {
        RunRecord r = of(experiment, run);
        return new RunRecord(r.experiment, r.seed, r.metrics, r.epochs, r.wallSeconds, r.config, r.commit, data.identity());
    }

    /**
     * The standard record of a training run: {@code test_accuracy} (last epoch),
     * {@code train_accuracy}, {@code best_val_accuracy} and {@code best_val_test_accuracy} (test
     * accuracy at the best-validation epoch) when a validation split exists.
     *
     * @param experiment experiment id
     * @param run the finished run
     * @return the record
     */
    public static RunRecord of(String experiment, TrainingRun run) {
        Map<String, Double> m = new LinkedHashMap<>();
        EpochMetrics last = run.last();
        m.put("test_accuracy", last.testAccuracy());
        m.put("train_accuracy", last.trainAccuracy());
        EpochMetrics best = run.bestByValidation();
        if (!Double.isNaN(best.validationAccuracy())) {
            m.put("best_val_accuracy", best.validationAccuracy());
            m.put("best_val_test_accuracy", best.testAccuracy());
        }
        return new RunRecord(experiment, run.seed(), m, run.history().size(), run.totalEpochSeconds(),
                run.model() + " | " + run.config(), null);
    }

    /** A copy with one more metric. */
    public RunRecord with(String metric, double value) {
        Map<String, Double> m = new LinkedHashMap<>(metrics);
        m.put(metric, value);
        return new RunRecord(experiment, seed, m, epochs, wallSeconds, config, commit, data);
    }

    /** A metric's value; throws naming the available metrics when absent. */
    public double metric(String name) {
        Double v = metrics.get(name);
        if (v == null) {
            throw new IllegalArgumentException("run " + experiment + "/seed " + seed + " has no metric '" + name
                    + "'; it has " + metrics.keySet());
        }
        return v;
    }

    /** Writes the record atomically as a properties file. */
    public void save(Path file) {
        Properties p = new Properties();
        p.setProperty("experiment", experiment);
        p.setProperty("seed", Long.toString(seed));
        p.setProperty("epochs", Integer.toString(epochs));
        p.setProperty("wall_seconds", Double.toString(wallSeconds));
        p.setProperty("config", config);
        p.setProperty("commit", commit);
        if (!data.isEmpty()) {
            p.setProperty("data", data);
        }
        metrics.forEach((k, v) -> p.setProperty("metric." + k, Double.toString(v)));
        java.io.StringWriter sw = new java.io.StringWriter();
        try {
            p.store(sw, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Properties order is unspecified: sort the lines (dropping the date comment) for stable diffs
        String body = sw.toString().lines().filter(l -> !l.startsWith("#")).sorted()
                .collect(java.util.stream.Collectors.joining("\n", "# Plasticity run record\n", "\n"));
        AtomicFiles.writeString(file, body);
    }

    /** Reads a record written by {@link #save(Path)}. */
    public static RunRecord load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read run record " + file, e);
        }
        try {
            Map<String, Double> m = new TreeMap<>();
            for (String k : p.stringPropertyNames()) {
                if (k.startsWith("metric.")) {
                    m.put(k.substring(7), Double.parseDouble(p.getProperty(k)));
                }
            }
            return new RunRecord(p.getProperty("experiment"), Long.parseLong(p.getProperty("seed")), m,
                    Integer.parseInt(p.getProperty("epochs")), Double.parseDouble(p.getProperty("wall_seconds")),
                    p.getProperty("config"), p.getProperty("commit"), p.getProperty("data", ""));
        } catch (RuntimeException e) {
            throw new IllegalStateException("run record " + file + " is damaged (" + e.getMessage()
                    + "); delete it to rerun that seed", e);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("RunRecord[" + experiment + ", seed " + seed);
        metrics.forEach((k, v) -> sb.append(", ").append(k).append('=').append(String.format(Locale.ROOT, "%.4f", v)));
        return sb.append(String.format(Locale.ROOT, ", %d epochs, %.1fs]", epochs, wallSeconds)).toString();
    }
}
