package org.plasticity.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
 * <p>Store: {@link RunStore#of(Profile)} unless {@link #store} names another. Records are looked
 * up in the store's output directory, then in its committed directory ({@code results/runs/}); new
 * records, histories and checkpoints are written to the output directory only, so a run never
 * dirties tracked files. Smoke runs use a per-process temporary store that is deleted at exit.
 */
public final class SeedSweep {

    private final String experiment;
    private final long[] seeds;
    private final RunStore store;
    private final Profile profile;

    private SeedSweep(String experiment, long[] seeds, RunStore store, Profile profile) {
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

    /** Stores records and checkpoints under {@code dir} (read and written) instead of the default. */
    public SeedSweep store(Path dir) {
        return new SeedSweep(experiment, seeds, RunStore.at(dir), profile);
    }

    /** Uses the given store. */
    public SeedSweep store(RunStore s) {
        return new SeedSweep(experiment, seeds, s, profile);
    }

    /** The store this sweep reads and writes ({@link RunStore#of(Profile)} by default). */
    public RunStore runStore() {
        return store != null ? store : RunStore.of(profile);
    }

    /** The directory new records of this sweep are written to. */
    public Path storeDirectory() {
        return runStore().outputDir(experiment);
    }

    /**
     * The seeds of this sweep whose record is already stored (finished runs), in sweep order.
     * Nothing is run or loaded.
     */
    public long[] finishedSeeds() {
        RunStore st = runStore();
        return Arrays.stream(seeds).filter(s -> st.record(experiment, s).isPresent()).toArray();
    }

    /**
     * Runs every seed whose record is missing, in order, storing each record as it finishes.
     *
     * @param body trains one run and returns its record (its seed must be the run's seed)
     * @return all records (stored and new) with aggregates
     */
    public SweepResult run(Function<SweepRun, RunRecord> body) {
        RunStore st = runStore();
        List<RunRecord> records = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < seeds.length; i++) {
            Optional<Path> stored = st.record(experiment, seeds[i]);
            if (stored.isPresent()) {
                records.add(RunRecord.load(stored.get()));
                skipped++;
                continue;
            }
            Path file = st.outputRecord(experiment, seeds[i]);
            SweepRun run = new SweepRun(experiment, i, seeds[i], st.checkpointDir(experiment, seeds[i]), profile);
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
}
