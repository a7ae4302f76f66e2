package org.plasticity.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Runs one experiment over several seeds as independent, resumable units and aggregates the
 * metrics to mean ± std. Each finished run is stored as a {@link RunRecord} file the moment it
 * finishes; a rerun of the same sweep skips seeds whose record exists, and an interrupted seed
 * resumes from its own checkpoint directory.
 *
 * <pre>{@code
 * SweepResult r = SeedSweep.of("mnist-784-500-10-symmetric").seeds(1, 2, 3)
 *         .run(run -> RunRecord.of(run.experiment(),
 *                 trainer.seed(run.seed()).checkpointDir(run.checkpointDir()).fit(net.build(run.seed()), mnist)));
 * r.mean("test_accuracy");
 * }</pre>
 *
 * <p>Store: in the {@link Profile#FULL full} profile {@code results/runs/<experiment>/} of the
 * project (committed with the results); in the smoke profile a fresh temporary directory, so smoke
 * runs always recompute.
 */
public final class SeedSweep {

    private final String experiment;
    private final long[] seeds;
    private final Path store;
    private final Profile profile;

    private SeedSweep(String experiment, long[] seeds, Path store, Profile profile) {
        if (experiment == null || !experiment.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("experiment id must match [A-Za-z0-9._-]+, got '" + experiment + "'");
        }
        this.experiment = experiment;
        this.seeds = seeds;
        this.store = store;
        this.profile = profile;
    }

    /** A sweep of one experiment over seeds 1, 2, 3 in the current profile. */
    public static SeedSweep of(String experiment) {
        return new SeedSweep(experiment, new long[] {1, 2, 3}, null, Profile.current());
    }

    /** The seeds to run. */
    public SeedSweep seeds(long... s) {
        if (s.length == 0) {
            throw new IllegalArgumentException("a sweep needs at least one seed");
        }
        if (Arrays.stream(s).distinct().count() != s.length) {
            throw new IllegalArgumentException("seeds must be distinct, got " + Arrays.toString(s));
        }
        return new SeedSweep(experiment, s.clone(), store, profile);
    }

    /** The profile (default {@link Profile#current()}). */
    public SeedSweep profile(Profile p) {
        return new SeedSweep(experiment, seeds, store, p);
    }

    /** Stores records and checkpoints under {@code dir} instead of the default. */
    public SeedSweep store(Path dir) {
        return new SeedSweep(experiment, seeds, dir, profile);
    }

    /** The directory holding this sweep's records. */
    public Path storeDirectory() {
        if (store != null) {
            return store.resolve(experiment);
        }
        if (profile == Profile.FULL) {
            return ResultsCsv.inProject().directory().resolve("runs").resolve(experiment);
        }
        return SmokeStore.DIR.resolve(experiment);
    }

    /**
     * The seeds of this sweep whose record is already stored (finished runs), in sweep order.
     * Nothing is run or loaded.
     */
    public long[] finishedSeeds() {
        Path dir = storeDirectory();
        return Arrays.stream(seeds).filter(s -> Files.exists(recordFile(dir, s))).toArray();
    }

    private static Path recordFile(Path dir, long seed) {
        return dir.resolve("seed-" + seed + ".properties");
    }

    /**
     * Runs every seed whose record is missing, in order, storing each record as it finishes.
     *
     * @param body trains one run and returns its record (its seed must be the run's seed)
     * @return all records (stored and new) with aggregates
     */
    public SweepResult run(Function<SweepRun, RunRecord> body) {
        Path dir = storeDirectory();
        List<RunRecord> records = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < seeds.length; i++) {
            Path file = recordFile(dir, seeds[i]);
            if (Files.exists(file)) {
                records.add(RunRecord.load(file));
                skipped++;
                continue;
            }
            SweepRun run = new SweepRun(experiment, i, seeds[i], dir.resolve("seed-" + seeds[i]), profile);
            RunRecord r = body.apply(run);
            if (r.seed() != seeds[i]) {
                throw new IllegalStateException("run " + run + " returned a record for seed " + r.seed()
                        + "; build the record from the run's seed");
            }
            r.save(file);
            records.add(r);
        }
        return new SweepResult(experiment, profile, records, skipped);
    }

    @Override
    public String toString() {
        return "SeedSweep[" + experiment + ", seeds " + Arrays.toString(seeds) + ", " + profile.id() + "]";
    }

    /** The per-process temporary store of smoke runs. */
    private static final class SmokeStore {
        static final Path DIR = create();

        private static Path create() {
            try {
                Path d = Files.createTempDirectory("plasticity-smoke-runs");
                d.toFile().deleteOnExit();
                return d;
            } catch (IOException e) {
                throw new UncheckedIOException("could not create a temporary directory for smoke runs", e);
            }
        }
    }
}
