package org.plasticity.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.plasticity.data.DataProvenance;
import org.plasticity.data.Splits;
import org.plasticity.io.Json;
import org.plasticity.results.EpochHistoryCsv;
import org.plasticity.results.Profile;
import org.plasticity.results.ReproductionRow;
import org.plasticity.results.ResultsCsv;
import org.plasticity.results.RunRecord;
import org.plasticity.results.RunStore;
import org.plasticity.results.SeedSweep;
import org.plasticity.results.SweepResult;
import org.plasticity.results.SweepRun;
import org.plasticity.train.Checkpoint;
import org.plasticity.train.EpochMetrics;
import org.plasticity.train.Learner;
import org.plasticity.train.Parameter;
import org.plasticity.train.Trainer;
import org.plasticity.train.TrainingListener;
import org.plasticity.train.TrainingRun;

/**
 * A recipe with the choices of one run: knob overrides, profile, seeds, listeners, store and whether
 * to record. Immutable; every call returns a copy. {@link #run()} trains every seed whose record is
 * missing (each resumable from its checkpoint), reads back the others (the user's own runs first,
 * then the committed {@code results/runs/}), writes the rows to {@link ResultsCsv#local()} and, only
 * when recording is asked ({@link #record(boolean)}, {@code -Dplasticity.record=true} or
 * {@code plasticity run --record}), copies the new records into {@code results/runs/} and the rows
 * into {@code results/reproduction.csv}. Smoke rows are never recorded.
 *
 * <pre>{@code
 * Outcome o = Catalog.get("mnist-784-500-10-symmetric").experiment()
 *         .with("beta", 0.2).profile(Profile.FULL).seeds(3).quiet().run();
 * }</pre>
 */
public final class Experiment {

    /** System property that asks every run of this process to record (full profile only). */
    public static final String RECORD_PROPERTY = "plasticity.record";
    /** Environment variable that asks to record ({@code 1} or {@code true}). */
    public static final String RECORD_ENV = "PLASTICITY_RECORD";
    /** System property with explicit seeds, comma-separated ({@code -Dplasticity.seeds=42,43}). */
    public static final String SEEDS_PROPERTY = "plasticity.seeds";

    private final Recipe recipe;
    private final Map<String, Object> overrides;
    private final Profile profile;
    private final int seedCount;
    private final long[] seeds;
    private final List<TrainingListener> listeners;
    private final boolean quiet;
    private final RunStore store;
    private final Boolean record;

    private Experiment(Recipe recipe, Map<String, Object> overrides, Profile profile, int seedCount, long[] seeds,
            List<TrainingListener> listeners, boolean quiet, RunStore store, Boolean record) {
        this.recipe = recipe;
        this.overrides = new TreeMap<>(recipe.configure(overrides).overrides());
        this.profile = profile;
        this.seedCount = seedCount;
        this.seeds = seeds;
        this.listeners = List.copyOf(listeners);
        this.quiet = quiet;
        this.store = store;
        this.record = record;
    }

    /** The recipe's defaults in the current profile ({@code -Dplasticity.seeds} honoured). */
    public static Experiment of(Recipe recipe) {
        String s = System.getProperty(SEEDS_PROPERTY);
        long[] explicit = s == null || s.isBlank() ? null : parseSeeds(s);
        return new Experiment(recipe, Map.of(), Profile.current(), recipe.defaultSeedCount(), explicit, List.of(), false,
                null, null);
    }

    /** Parses {@code 1,2,3}. */
    public static long[] parseSeeds(String s) {
        try {
            return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).mapToLong(Long::parseLong)
                    .toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seeds must be comma-separated whole numbers, got '" + s + "'", e);
        }
    }

    private Experiment copy(Map<String, Object> o, Profile p, int n, long[] s, List<TrainingListener> ls, boolean q,
            RunStore st, Boolean rec) {
        return new Experiment(recipe, o, p, n, s, ls, q, st, rec);
    }

    /** Overrides one knob (validated now: unknown knobs and bad values throw). */
    public Experiment with(String knob, Object value) {
        Map<String, Object> o = new TreeMap<>(overrides);
        o.put(knob, value);
        return copy(o, profile, seedCount, seeds, listeners, quiet, store, record);
    }

    /** Overrides several knobs. */
    public Experiment with(Map<String, ?> more) {
        Map<String, Object> o = new TreeMap<>(overrides);
        o.putAll(more);
        return copy(o, profile, seedCount, seeds, listeners, quiet, store, record);
    }

    /** Another profile. */
    public Experiment profile(Profile p) {
        return copy(overrides, p, seedCount, seeds, listeners, quiet, store, record);
    }

    /** The first {@code n} of the recipe's seeds (capped in the smoke profile), plus later ones already finished. */
    public Experiment seeds(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one seed, got " + n);
        }
        return copy(overrides, profile, n, null, listeners, quiet, store, record);
    }

    /** Exactly these seeds. */
    public Experiment seedList(long... s) {
        if (s.length == 0) {
            throw new IllegalArgumentException("give at least one seed");
        }
        return copy(overrides, profile, seedCount, s.clone(), listeners, quiet, store, record);
    }

    /** Adds a training listener (live display, console log). */
    public Experiment listener(TrainingListener l) {
        List<TrainingListener> ls = new ArrayList<>(listeners);
        ls.add(l);
        return copy(overrides, profile, seedCount, seeds, ls, quiet, store, record);
    }

    /** Without the trainer's own progress display. */
    public Experiment quiet() {
        return copy(overrides, profile, seedCount, seeds, listeners, true, store, record);
    }

    /** Another run store (tests, sweeps with their own folder). */
    public Experiment store(RunStore s) {
        return copy(overrides, profile, seedCount, seeds, listeners, quiet, s, record);
    }

    /** Records (or not) into the committed {@code results/} after running; default {@link #recordingRequested()}. */
    public Experiment record(boolean on) {
        return copy(overrides, profile, seedCount, seeds, listeners, quiet, store, on);
    }

    /** Whether this process asked to record: {@code -Dplasticity.record=true} or {@code PLASTICITY_RECORD=1|true}. */
    public static boolean recordingRequested() {
        String v = System.getProperty(RECORD_PROPERTY);
        if (v == null || v.isBlank()) {
            v = System.getenv(RECORD_ENV);
        }
        return v != null && (v.trim().equals("1") || v.trim().equalsIgnoreCase("true"));
    }

    /** The recipe. */
    public Recipe recipe() {
        return recipe;
    }

    /** The profile. */
    public Profile profile() {
        return profile;
    }

    /** The number of seeds asked for. */
    public int seedCount() {
        return seeds != null ? seeds.length : seedCount;
    }

    /** The resolved configuration. */
    public Config config() {
        return recipe.configure(overrides);
    }

    /** The run store used. */
    public RunStore runStore() {
        return store != null ? store : RunStore.of(profile);
    }

    /** Whether {@link #run()} records into the committed results. */
    public boolean records() {
        return record != null ? record : recordingRequested();
    }

    /**
     * The experiment id of rows and stored runs: the recipe id, or with overrides the recipe id plus
     * {@code _} and the first 10 hex digits of the SHA-256 of the overrides' JSON.
     */
    public String runId() {
        return runId(recipe.id(), overrides);
    }

    static String runId(String recipeId, Map<String, Object> overrides) {
        if (overrides.isEmpty()) {
            return recipeId;
        }
        return recipeId + "_" + DataProvenance.sha256(Json.write(new TreeMap<>(overrides))).substring(0, 10);
    }

    /**
     * The seeds {@link #run()} covers: explicit seeds, or the profile's first {@code n} of the recipe's
     * seeds plus any later declared seed already finished (a notebook asking for one seed never
     * replaces a stored five-seed row).
     */
    public long[] seedsToRun() {
        if (seeds != null) {
            return seeds.clone();
        }
        long[] first = profile.seeds(recipe.seeds(), seedCount);
        long[] declared = recipe.seeds();
        if (first.length >= declared.length) {
            return first;
        }
        long[] rest = Arrays.copyOfRange(declared, first.length, declared.length);
        long[] finished = SeedSweep.of(runId()).profile(profile).store(runStore()).seeds(rest).finishedSeeds();
        return LongStream.concat(Arrays.stream(first), Arrays.stream(finished)).toArray();
    }

    /**
     * Runs (or reads back) the seeds and produces the rows.
     *
     * @return records and rows
     */
    public Outcome run() {
        if (records() && profile == Profile.SMOKE && recipe.isObtainable()) {
            throw new IllegalArgumentException("smoke runs are never recorded (" + runId() + "): run the full profile"
                    + " (--profile full, -Dplasticity.profile=full) to record, or drop --record / plasticity.record");
        }
        List<ReproductionRow> rows;
        SweepResult sweep = null;
        if (recipe.isDerived()) {
            rows = recipe.derivation().rows(this);
        } else if (!recipe.isObtainable()) {
            rows = recipe.notObtainableRows(Profile.FULL);
        } else {
            Config c = config();
            String id = runId();
            sweep = SeedSweep.of(id).profile(profile).store(runStore()).seeds(seedsToRun()).run(sr -> train(c, sr));
            rows = recipe.rows(sweep, profile, id);
        }
        Outcome o = new Outcome(recipe, runId(), profile, sweep, rows);
        if (records() && (profile == Profile.FULL || !recipe.isObtainable())) {
            record(o, runStore());
        } else {
            write(rows, false);
        }
        return o;
    }

    /**
     * Writes result rows the way {@link #run()} does: always into {@link ResultsCsv#local()}, and into
     * the committed {@code results/reproduction.csv} too when {@code record} is set (full-profile rows
     * only; smoke rows are never recorded). For claims computed outside a recipe (a notebook's
     * diagnostic) and for derived claims.
     *
     * @param rows the rows
     * @param record also record into the committed results
     */
    public static void write(List<ReproductionRow> rows, boolean record) {
        ResultsCsv local = ResultsCsv.local();
        rows.forEach(local::record);
        if (record) {
            ResultsCsv committed = ResultsCsv.inProject();
            rows.stream().filter(r -> r.profile() == Profile.FULL).forEach(committed::record);
        }
    }

    /**
     * Records an outcome into the committed results: copies its seeds' records from the user's run
     * folder into {@code results/runs/} and writes its rows into {@code results/reproduction.csv}.
     *
     * @param o an outcome of this experiment
     * @throws IllegalArgumentException for smoke outcomes (never a reproduction claim)
     */
    public static void record(Outcome o) {
        record(o, RunStore.of(Profile.FULL));
    }

    private static void record(Outcome o, RunStore st) {
        if (o.profile() == Profile.SMOKE && o.recipe().isObtainable()) {
            throw new IllegalArgumentException("smoke runs are never recorded (" + o.runId() + "); run the full profile");
        }
        if (o.sweep() != null) {
            for (RunRecord r : o.sweep().records()) {
                st.promote(o.runId(), r.seed());
            }
        }
        write(o.rows(), true);
    }

    private RunRecord train(Config c, SweepRun sr) {
        Splits data = profile.data(recipe.data());
        Learner l = recipe.learner(c, sr.seed());
        Trainer t = recipe.trainer(c, l).epochs(profile.epochs(c.integer("epochs"), c.isOverridden("epochs")))
                .seed(sr.seed()).checkpointDir(sr.checkpointDir());
        if (quiet) {
            t = t.quiet();
        }
        for (TrainingListener x : listeners) {
            t = t.listener(x);
        }
        TrainingRun run = t.fit(l, data);
        EpochHistoryCsv.write(sr.checkpointDir().resolveSibling("seed-" + sr.seed() + "-history.csv"), run.history());
        RunRecord r = RunRecord.of(sr.experiment(), run, data);
        if (!overrides.isEmpty()) {
            r = new RunRecord(r.experiment(), r.seed(), r.metrics(), r.epochs(), r.wallSeconds(),
                    r.config() + " | overrides: " + c.describeOverrides(), r.commit(), r.data());
        }
        return recipe.afterTraining(l, data, r);
    }

    /**
     * The per-epoch history of each finished seed (its stored history file, else its checkpoint);
     * seeds with neither are skipped.
     */
    public List<List<EpochMetrics>> histories() {
        List<List<EpochMetrics>> out = new ArrayList<>();
        RunStore st = runStore();
        for (long s : seedsToRun()) {
            Optional<Path> h = st.history(runId(), s);
            Optional<Path> ck = st.checkpoint(runId(), s);
            if (h.isPresent()) {
                out.add(EpochHistoryCsv.read(h.get()));
            } else if (ck.isPresent()) {
                out.add(Checkpoint.load(ck.get()).history());
            }
        }
        return out;
    }

    /**
     * The learner of {@code seed} after training: the parameters of its checkpoint, or, when there
     * is none (a fresh clone holds only the run records), the same training run again, which gives
     * bit-identical parameters (same seed, same data order).
     *
     * @param seed the seed
     * @return the trained learner
     */
    public Learner trained(long seed) {
        Config c = config();
        Learner l = recipe.learner(c, seed);
        Optional<Path> ck = runStore().checkpoint(runId(), seed);
        if (ck.isEmpty()) {
            recipe.trainer(c, l).epochs(profile.epochs(c.integer("epochs"), c.isOverridden("epochs"))).seed(seed).quiet()
                    .fit(l, profile.data(recipe.data()));
            return l;
        }
        Checkpoint saved = Checkpoint.load(ck.get());
        for (Parameter p : l.parameters()) {
            float[] v = saved.parameters().get(p.name());
            if (v == null || v.length != p.size()) {
                throw new IllegalStateException("checkpoint " + ck.get() + " has no parameter " + p.name() + " of size "
                        + p.size() + "; delete it to retrain");
            }
            System.arraycopy(v, 0, p.value(), 0, v.length);
        }
        return l;
    }

    /** The status of each seed this experiment covers (done / in progress with its epoch / not started). */
    public List<RunStatus> status() {
        List<RunStatus> out = new ArrayList<>();
        if (!recipe.isTrained()) {
            return out;
        }
        RunStore st = runStore();
        int epochs = profile.epochs(config().integer("epochs"), config().isOverridden("epochs"));
        long[] ss = seeds != null ? seeds : profile.seeds(recipe.seeds(), Math.max(seedCount, recipe.seeds().length));
        for (long s : ss) {
            out.add(RunStatus.of(st, runId(), s, epochs));
        }
        return out;
    }

    /** The run spec of one seed of this experiment. */
    public RunSpec spec(long seed) {
        return new RunSpec(recipe.id(), overrides, seed, profile);
    }

    @Override
    public String toString() {
        return "Experiment[" + runId() + ", " + profile.id() + ", " + (seeds != null ? "seeds " + Arrays.toString(seeds)
                : seedCount + " seed(s)") + (overrides.isEmpty() ? "" : ", " + overrides) + "]";
    }
}
