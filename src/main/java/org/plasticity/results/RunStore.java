package org.plasticity.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Where run records, histories and checkpoints live. A store has an <em>output</em> directory, where
 * new runs write (records, histories, checkpoints), and optionally a read-only <em>committed</em>
 * directory ({@code results/runs/} of the project), whose records are read back but never written
 * except by {@link #promote(String, long)}, the explicit "record" step. So a user's run never
 * dirties tracked files.
 *
 * <ul>
 *   <li>{@link Profile#FULL full}: output {@code -Dplasticity.runs} / {@code $PLASTICITY_RUNS}, else
 *       {@code target/runs/full} of the enclosing project, else {@code ~/.plasticity/runs/full};
 *       committed {@code results/runs/}.</li>
 *   <li>{@link Profile#SMOKE smoke}: a per-process temporary directory, deleted with everything in
 *       it when the JVM exits ({@link SmokeRuns}); no committed directory, so smoke runs always
 *       recompute.</li>
 * </ul>
 *
 * Layout per experiment {@code <dir>/<experiment>/}: {@code seed-N.properties} (the record),
 * {@code seed-N-history.csv}, {@code seed-N/checkpoint.plck}.
 *
 * @param output directory new runs write into
 * @param committed directory of committed records (read-only here), or null
 */
public record RunStore(Path output, Path committed) {

    /** System property naming the output directory of full-profile runs. */
    public static final String PROPERTY = "plasticity.runs";
    /** Environment variable naming the output directory of full-profile runs. */
    public static final String ENV = "PLASTICITY_RUNS";

    /** Validates. */
    public RunStore {
        if (output == null) {
            throw new IllegalArgumentException("a run store needs an output directory");
        }
        output = output.toAbsolutePath().normalize();
        committed = committed == null ? null : committed.toAbsolutePath().normalize();
    }

    /** A store reading and writing only {@code dir} (tests, sweeps with their own folder). */
    public static RunStore at(Path dir) {
        return new RunStore(dir, null);
    }

    /** The default store of a profile (see the class comment). */
    public static RunStore of(Profile profile) {
        if (profile == Profile.SMOKE) {
            return new RunStore(SmokeRuns.directory(), null);
        }
        return new RunStore(userRuns().resolve("full"), ResultsCsv.inProject().directory().resolve("runs"));
    }

    /** The user's run folder: {@code -Dplasticity.runs}, {@code $PLASTICITY_RUNS}, project {@code target/runs}, or {@code ~/.plasticity/runs}. */
    public static Path userRuns() {
        String v = System.getProperty(PROPERTY);
        if (v == null || v.isBlank()) {
            v = System.getenv(ENV);
        }
        if (v != null && !v.isBlank()) {
            return Path.of(v).toAbsolutePath().normalize();
        }
        return ResultsCsv.projectRoot().map(p -> p.resolve("target").resolve("runs"))
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".plasticity", "runs"));
    }

    /** This experiment's output folder. */
    public Path outputDir(String experiment) {
        return output.resolve(experiment);
    }

    /** The private checkpoint folder of one seed (always in the output directory). */
    public Path checkpointDir(String experiment, long seed) {
        return outputDir(experiment).resolve("seed-" + seed);
    }

    /** Where a new record of this seed is written. */
    public Path outputRecord(String experiment, long seed) {
        return outputDir(experiment).resolve(recordName(seed));
    }

    /** Where a new history of this seed is written. */
    public Path outputHistory(String experiment, long seed) {
        return outputDir(experiment).resolve(historyName(seed));
    }

    /** The stored record of a seed: the output directory's, else the committed one. */
    public Optional<Path> record(String experiment, long seed) {
        return find(experiment, recordName(seed));
    }

    /** The stored per-epoch history of a seed, if any. */
    public Optional<Path> history(String experiment, long seed) {
        return find(experiment, historyName(seed));
    }

    /** The checkpoint of a seed's run (finished or in progress), if any. */
    public Optional<Path> checkpoint(String experiment, long seed) {
        String rel = "seed-" + seed + "/" + org.plasticity.train.Checkpoint.FILE_NAME;
        return find(experiment, rel);
    }

    /** Whether the record of a seed is in the committed directory. */
    public boolean isCommitted(String experiment, long seed) {
        return committed != null && Files.exists(committed.resolve(experiment).resolve(recordName(seed)));
    }

    private Optional<Path> find(String experiment, String name) {
        Path out = outputDir(experiment).resolve(name);
        if (Files.exists(out)) {
            return Optional.of(out);
        }
        if (committed != null) {
            Path c = committed.resolve(experiment).resolve(name);
            if (Files.exists(c)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * The explicit "record" step: copies a seed's record and history from the output directory into
     * the committed directory (a no-op when it is already committed).
     *
     * @param experiment experiment id
     * @param seed the seed
     * @return true when a file was copied
     * @throws IllegalStateException when this store has no committed directory or the seed has no record
     */
    public boolean promote(String experiment, long seed) {
        if (committed == null) {
            throw new IllegalStateException("this store (" + output + ") has no committed directory; smoke runs are"
                    + " never recorded");
        }
        Path rec = outputRecord(experiment, seed);
        if (!Files.exists(rec)) {
            if (isCommitted(experiment, seed)) {
                return false;
            }
            throw new IllegalStateException("no record of " + experiment + " seed " + seed + " in " + output);
        }
        try {
            Path dir = committed.resolve(experiment);
            Files.createDirectories(dir);
            Files.copy(rec, dir.resolve(recordName(seed)), StandardCopyOption.REPLACE_EXISTING);
            Path hist = outputHistory(experiment, seed);
            if (Files.exists(hist)) {
                Files.copy(hist, dir.resolve(historyName(seed)), StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not record " + experiment + " seed " + seed + " into " + committed, e);
        }
    }

    static String recordName(long seed) {
        return "seed-" + seed + ".properties";
    }

    static String historyName(long seed) {
        return "seed-" + seed + "-history.csv";
    }

    @Override
    public String toString() {
        return "RunStore[" + output + (committed == null ? "" : ", committed " + committed) + "]";
    }
}
