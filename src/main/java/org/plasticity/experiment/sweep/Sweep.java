package org.plasticity.experiment.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.plasticity.experiment.Catalog;
import org.plasticity.experiment.Experiment;
import org.plasticity.experiment.Outcome;
import org.plasticity.experiment.Recipe;
import org.plasticity.io.AtomicFiles;
import org.plasticity.io.Json;
import org.plasticity.results.Profile;
import org.plasticity.results.RunRecord;
import org.plasticity.results.RunStore;
import org.plasticity.tensor.Parallel;
import org.plasticity.train.EpochMetrics;
import org.plasticity.train.TrainingListener;
import org.plasticity.train.TrainingSession;

/**
 * A grid of knob values × seeds of one recipe, run as independent, resumable runs. Each point is
 * one seed of {@link Experiment} with its overrides, so records, checkpoints and resumption are the
 * experiment layer's ({@link RunStore}): a re-run skips finished runs and resumes the one that was
 * in progress from its checkpoint. A run that throws (or diverges) is recorded as failed, with its
 * message in {@code <run>/seed-N.failed}, and the sweep goes on; a re-run keeps it failed unless
 * {@link #retryFailed(boolean)} asks to try again.
 *
 * <pre>{@code
 * SweepTable t = Sweep.of(Catalog.get("mnist-784-500-10-symmetric")).
 *         vary("beta", 0.1, 0.5).
 *         seeds(5).
 *         run();
 * t.grouped();
 * }</pre>
 *
 * <p>As a file ({@link #toJson()} / {@link #fromJson(String)}):
 * {@code {"recipe":"...","vary":{"beta":[0.1,0.5]},"set":{"epochs":3},"seeds":[1,2,3],"profile":"full"}}.
 */
public final class Sweep {

    /** Suffix of the failure-marker file of a seed. */
    public static final String FAILED_SUFFIX = ".failed";

    private final Recipe recipe;
    private final Map<String, List<Object>> vary;
    private final Map<String, Object> set;
    private final long[] seeds;
    private final Profile profile;
    private final RunStore store;
    private final boolean retryFailed;
    private final SweepExecutor executor;
    private final List<SweepListener> listeners;
    private final int threadsPerRun;
    private final boolean record;

    private Sweep(Recipe recipe, Map<String, List<Object>> vary, Map<String, Object> set, long[] seeds, Profile profile,
            RunStore store, boolean retryFailed, SweepExecutor executor, List<SweepListener> listeners, int threadsPerRun,
            boolean record) {
        this.recipe = recipe;
        this.vary = vary;
        this.set = set;
        this.seeds = seeds;
        this.profile = profile;
        this.store = store;
        this.retryFailed = retryFailed;
        this.executor = executor;
        this.listeners = List.copyOf(listeners);
        this.threadsPerRun = threadsPerRun;
        this.record = record;
    }

    /**
     * A sweep of one recipe: no varied knobs, the recipe's declared seeds, the current profile.
     *
     * @param recipe a trained recipe
     * @return the sweep
     */
    public static Sweep of(Recipe recipe) {
        if (!recipe.isTrained()) {
            throw new IllegalArgumentException("recipe '" + recipe.id() + "' is not trained here; a sweep runs trained"
                    + " recipes");
        }
        return new Sweep(recipe, new LinkedHashMap<>(), new LinkedHashMap<>(), recipe.seeds(), Profile.current(), null,
                false, null, List.of(), 0, false);
    }

    private Sweep copy(Map<String, List<Object>> v, Map<String, Object> s, long[] sd, Profile p, RunStore st, boolean rf,
            SweepExecutor ex, List<SweepListener> ls) {
        return new Sweep(recipe, v, s, sd, p, st, rf, ex, ls, threadsPerRun, record);
    }

    /**
     * Varies a knob over values (the grid is the product over varied knobs; values are validated now).
     *
     * @param knob knob name
     * @param values its values
     * @return a copy
     */
    public Sweep vary(String knob, Object... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("vary(\"" + knob + "\") needs at least one value");
        }
        List<Object> canon = new ArrayList<>();
        for (Object v : values) {
            canon.add(recipe.configure(Map.of(knob, v)).overrides().get(knob));
        }
        Map<String, List<Object>> v = new LinkedHashMap<>(vary);
        v.put(knob, List.copyOf(canon));
        return copy(v, set, seeds, profile, store, retryFailed, executor, listeners);
    }

    /** Fixes a knob for every run. */
    public Sweep set(String knob, Object value) {
        Map<String, Object> s = new LinkedHashMap<>(set);
        s.put(knob, recipe.configure(Map.of(knob, value)).overrides().get(knob));
        return copy(vary, s, seeds, profile, store, retryFailed, executor, listeners);
    }

    /** Seeds 1..n. */
    public Sweep seeds(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one seed, got " + n);
        }
        long[] s = new long[n];
        for (int i = 0; i < n; i++) {
            s[i] = i + 1;
        }
        return seedList(s);
    }

    /** Exactly these seeds (distinct). */
    public Sweep seedList(long... s) {
        if (s.length == 0 || Arrays.stream(s).distinct().count() != s.length) {
            throw new IllegalArgumentException("seeds must be distinct and at least one, got " + Arrays.toString(s));
        }
        return copy(vary, set, s.clone(), profile, store, retryFailed, executor, listeners);
    }

    /** Another profile. */
    public Sweep profile(Profile p) {
        return copy(vary, set, seeds, p, store, retryFailed, executor, listeners);
    }

    /** Another run store (default {@link RunStore#of(Profile)}). */
    public Sweep store(RunStore s) {
        return copy(vary, set, seeds, profile, s, retryFailed, executor, listeners);
    }

    /** Whether a re-run tries runs that failed before again (default false: they stay failed). */
    public Sweep retryFailed(boolean on) {
        return copy(vary, set, seeds, profile, store, on, executor, listeners);
    }

    /** Another executor (default {@link SweepExecutor#inProcess()}). */
    public Sweep executor(SweepExecutor ex) {
        return copy(vary, set, seeds, profile, store, retryFailed, ex, listeners);
    }

    /** Adds a progress listener ({@link SweepProgress} for the notebook display and terminal line). */
    public Sweep listener(SweepListener l) {
        List<SweepListener> ls = new ArrayList<>(listeners);
        ls.add(l);
        return copy(vary, set, seeds, profile, store, retryFailed, executor, ls);
    }

    /**
     * Threads each run may use for its kernels ({@link Parallel#withThreads}); 0 (the default) leaves it
     * to the executor: one per run when runs go side by side ({@link SweepExecutor#threads(int)} with
     * more than one thread, Spark), else the library's setting ({@code -Dplasticity.threads}). The
     * numbers do not depend on it.
     *
     * @param threads 0, or at least 1
     * @return a copy
     */
    public Sweep threadsPerRun(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads per run must be ≥ 0 (0 = the executor's choice), got " + threads);
        }
        return new Sweep(recipe, vary, set, seeds, profile, store, retryFailed, executor, listeners, threads, record);
    }

    /**
     * Whether each finished run is recorded into the committed {@code results/} as it lands (full
     * profile, the default store only): its record is promoted into {@code results/runs/} and the
     * recipe's rows for its grid point are written again over every recorded seed (the committed
     * ones and this sweep's), so a killed sweep keeps what it recorded. Job arrays record in the
     * {@code collect} step instead ({@link #collectAndRecord()}).
     *
     * @param on whether to record
     * @return a copy
     */
    public Sweep record(boolean on) {
        if (on && profile == Profile.SMOKE) {
            throw new IllegalArgumentException("smoke runs are never recorded: use the full profile to record");
        }
        return new Sweep(recipe, vary, set, seeds, profile, store, retryFailed, executor, listeners, threadsPerRun, on);
    }

    /** Whether finished runs are recorded into the committed results. */
    public boolean records() {
        return record;
    }

    /** The threads each run uses: the explicit {@link #threadsPerRun(int)}, else the executor's choice (0 = the library's setting). */
    public int effectiveThreadsPerRun() {
        return threadsPerRun > 0 ? threadsPerRun : executor().threadsPerRun();
    }

    /** The executor: the one set, else {@link SweepExecutor#inProcess()}. */
    public SweepExecutor executor() {
        return executor != null ? executor : SweepExecutor.inProcess();
    }

    /** The recipe. */
    public Recipe recipe() {
        return recipe;
    }

    /** The varied knobs, in order. */
    public List<String> varied() {
        return List.copyOf(vary.keySet());
    }

    /** Whether failed runs are tried again. */
    public boolean retryFailed() {
        return retryFailed;
    }

    /** The run store. */
    public RunStore runStore() {
        return store != null ? store : RunStore.of(profile);
    }

    /** Every run of the sweep: the grid (first varied knob slowest) × seeds (fastest). */
    public List<SweepPoint> points() {
        List<Map<String, Object>> grid = new ArrayList<>();
        grid.add(new LinkedHashMap<>(set));
        for (Map.Entry<String, List<Object>> e : vary.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> g : grid) {
                for (Object v : e.getValue()) {
                    Map<String, Object> m = new LinkedHashMap<>(g);
                    m.put(e.getKey(), v);
                    next.add(m);
                }
            }
            grid = next;
        }
        List<SweepPoint> out = new ArrayList<>();
        for (Map<String, Object> g : grid) {
            String runId = recipe.experiment().with(g).runId();
            for (long s : seeds) {
                out.add(new SweepPoint(out.size(), recipe.id(), runId, g, s, profile));
            }
        }
        return out;
    }

    /**
     * Runs every point with the executor and returns the table.
     *
     * @return one row per run
     */
    public SweepTable run() {
        if (record && profile == Profile.SMOKE) {
            throw new IllegalArgumentException("smoke runs are never recorded: use the full profile to record");
        }
        List<SweepPoint> ps = points();
        SweepExecutor ex = executor();
        listeners.forEach(l -> l.started(ps));
        List<RunResult> rs = ex.execute(this, ps, this::runOne);
        listeners.forEach(l -> l.finished(rs));
        return new SweepTable(recipe.id(), varied(), rs);
    }

    /**
     * Runs one point (a job-array task: {@code plasticity sweep SWEEP.json --index N}).
     *
     * @param index the point's index
     * @return its result
     */
    public RunResult runIndex(int index) {
        List<SweepPoint> ps = points();
        if (index < 0 || index >= ps.size()) {
            throw new IllegalArgumentException("index " + index + " is outside the sweep's 0.." + (ps.size() - 1));
        }
        return runOne(ps.get(index));
    }

    /**
     * Reads back what is stored for every point without running anything (the job-array
     * {@code collect} step): finished runs as reused, failed ones with their message; runs not yet
     * done are left out.
     *
     * @return the table of the stored runs
     */
    public SweepTable collect() {
        RunStore st = runStore();
        List<RunResult> rs = new ArrayList<>();
        for (SweepPoint p : points()) {
            Optional<Path> rec = st.record(p.runId(), p.seed());
            if (rec.isPresent()) {
                rs.add(RunResult.of(p, RunRecord.load(rec.get()), true, 0));
            } else {
                readFailure(st, p).ifPresent(m -> rs.add(RunResult.failed(p, m, 0)));
            }
        }
        return new SweepTable(recipe.id(), varied(), rs);
    }

    /** Runs one point with failure isolation (with its threads, recorded when asked); never throws for the run's own errors. */
    RunResult runOne(SweepPoint p) {
        return runOne(p, effectiveThreadsPerRun());
    }

    /** {@link #runOne(SweepPoint)} with {@code threads} per run (0: the library's setting). */
    RunResult runOne(SweepPoint p, int threads) {
        RunStore st = runStore();
        listeners.forEach(l -> l.runStarted(p));
        RunResult r = threads > 0 ? Parallel.withThreads(threads, () -> attempt(p, st)) : attempt(p, st);
        if (record && r.finished()) {
            recordPoint(p.overrides(), st);
        }
        listeners.forEach(l -> l.runFinished(r));
        return r;
    }

    /** One lock for the record step of every sweep in this JVM (the CSV itself is locked across processes). */
    private static final Object RECORDING = new Object();

    /**
     * Records the finished seeds of one grid point: promotes this sweep's records into the committed
     * directory and writes the recipe's rows over the committed seeds of the recipe and this sweep.
     */
    private void recordPoint(Map<String, Object> overrides, RunStore st) {
        if (st.committed() == null) {
            throw new IllegalStateException("recording needs a store with a committed directory (the default full-profile"
                    + " store), not " + st);
        }
        synchronized (RECORDING) {
            Experiment e = recipe.experiment().with(overrides).profile(profile).store(st).quiet();
            String id = e.runId();
            java.util.LinkedHashSet<Long> ss = new java.util.LinkedHashSet<>();
            for (long s : recipe.seeds()) {
                if (st.isCommitted(id, s)) {
                    ss.add(s);
                }
            }
            for (long s : seeds) {
                if (st.record(id, s).isPresent()) {
                    st.promote(id, s);
                    ss.add(s);
                }
            }
            e.seedList(ss.stream().mapToLong(Long::longValue).toArray()).record(true).run();
        }
    }

    /**
     * {@link #collect()}, then records every grid point's finished seeds into the committed results
     * (the job-array path's record step: {@code plasticity collect SWEEP.json --record}).
     *
     * @return the table of the stored runs
     */
    public SweepTable collectAndRecord() {
        if (profile == Profile.SMOKE) {
            throw new IllegalArgumentException("smoke runs are never recorded: use the full profile to record");
        }
        SweepTable t = collect();
        RunStore st = runStore();
        java.util.Set<Map<String, Object>> done = new java.util.LinkedHashSet<>();
        for (RunResult r : t.results()) {
            if (r.finished() && done.add(r.knobs())) {
                recordPoint(r.knobs(), st);
            }
        }
        return t;
    }

    private RunResult attempt(SweepPoint p, RunStore st) {
        Optional<Path> rec = st.record(p.runId(), p.seed());
        if (rec.isPresent()) {
            return RunResult.of(p, RunRecord.load(rec.get()), true, 0);
        }
        Path marker = failureMarker(st, p);
        Optional<String> failedBefore = readFailure(st, p);
        if (failedBefore.isPresent() && !retryFailed) {
            return RunResult.failed(p, failedBefore.get(), 0);
        }
        long t0 = System.nanoTime();
        try {
            Experiment e = recipe.experiment().with(p.overrides()).profile(p.profile()).seedList(p.seed()).store(st)
                    .quiet().record(false);
            if (!listeners.isEmpty()) {
                e = e.listener(new TrainingListener() {
                    @Override
                    public void onEpochEnd(TrainingSession session, EpochMetrics m) {
                        listeners.forEach(l -> l.runEpoch(p, m, session.config().epochs()));
                    }
                });
            }
            Outcome o = e.run();
            RunRecord r = o.sweep().records().get(0);
            Files.deleteIfExists(marker);
            return RunResult.of(p, r, false, (System.nanoTime() - t0) / 1e9);
        } catch (RuntimeException | IOException | StackOverflowError | OutOfMemoryError e) {
            String msg = e.getClass().getSimpleName() + ": " + e.getMessage();
            AtomicFiles.writeString(marker, msg + "\n");
            return RunResult.failed(p, msg, (System.nanoTime() - t0) / 1e9);
        }
    }

    private static Path failureMarker(RunStore st, SweepPoint p) {
        return st.outputDir(p.runId()).resolve("seed-" + p.seed() + FAILED_SUFFIX);
    }

    private static Optional<String> readFailure(RunStore st, SweepPoint p) {
        Path m = failureMarker(st, p);
        if (!Files.exists(m)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(m).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + m, e);
        }
    }

    /** The sweep as one line of JSON (recipe, vary, set, seeds, profile). */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recipe", recipe.id());
        m.put("vary", new LinkedHashMap<>(vary));
        m.put("set", new LinkedHashMap<>(set));
        List<Object> s = new ArrayList<>();
        for (long x : seeds) {
            s.add(x);
        }
        m.put("seeds", s);
        m.put("profile", profile.id());
        return Json.write(m);
    }

    /**
     * Reads a sweep file: {@code recipe} (catalogue id, required), {@code vary} (knob: [values]),
     * {@code set} (knob: value), {@code seeds} (a count n for 1..n, or a list), {@code profile}.
     *
     * @param json the document
     * @return the sweep
     */
    public static Sweep fromJson(String json) {
        return fromJson(json, Catalog::get);
    }

    /** {@link #fromJson(String)} resolving recipe ids with {@code recipes} (tests, private catalogues). */
    @SuppressWarnings("unchecked")
    public static Sweep fromJson(String json, Function<String, Recipe> recipes) {
        if (!(Json.parse(json) instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("a sweep file is a JSON object, got " + json);
        }
        for (Object k : m.keySet()) {
            if (!List.of("recipe", "vary", "set", "seeds", "profile").contains(k)) {
                throw new IllegalArgumentException("unknown sweep field '" + k + "'; fields: recipe, vary, set, seeds,"
                        + " profile");
            }
        }
        if (!(m.get("recipe") instanceof String id)) {
            throw new IllegalArgumentException("a sweep needs \"recipe\": \"<catalogue id>\"");
        }
        Sweep s = of(recipes.apply(id));
        if (m.get("profile") != null) {
            s = s.profile(Profile.parse(String.valueOf(m.get("profile"))));
        }
        if (m.get("set") instanceof Map<?, ?> set) {
            for (Map.Entry<?, ?> e : set.entrySet()) {
                s = s.set(String.valueOf(e.getKey()), e.getValue());
            }
        } else if (m.get("set") != null) {
            throw new IllegalArgumentException("\"set\" must be an object of knob: value");
        }
        if (m.get("vary") instanceof Map<?, ?> vary) {
            for (Map.Entry<?, ?> e : vary.entrySet()) {
                if (!(e.getValue() instanceof List<?> vs)) {
                    throw new IllegalArgumentException("\"vary\"." + e.getKey() + " must be a list of values");
                }
                s = s.vary(String.valueOf(e.getKey()), vs.toArray());
            }
        } else if (m.get("vary") != null) {
            throw new IllegalArgumentException("\"vary\" must be an object of knob: [values]");
        }
        Object seeds = m.get("seeds");
        if (seeds instanceof Number n) {
            s = s.seeds(whole(n));
        } else if (seeds instanceof List<?> l) {
            s = s.seedList(((List<Object>) l).stream().mapToLong(x -> {
                if (!(x instanceof Number n)) {
                    throw new IllegalArgumentException("seeds must be whole numbers, got " + x);
                }
                return whole(n);
            }).toArray());
        } else if (seeds != null) {
            throw new IllegalArgumentException("\"seeds\" is a count or a list of seeds");
        }
        return s;
    }

    private static int whole(Number n) {
        if (n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new IllegalArgumentException("expected a whole number, got " + n);
        }
        return (int) n.longValue();
    }

    @Override
    public String toString() {
        return "Sweep" + toJson();
    }
}
