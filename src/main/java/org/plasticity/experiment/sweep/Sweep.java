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

    private Sweep(Recipe recipe, Map<String, List<Object>> vary, Map<String, Object> set, long[] seeds, Profile profile,
            RunStore store, boolean retryFailed, SweepExecutor executor, List<SweepListener> listeners) {
        this.recipe = recipe;
        this.vary = vary;
        this.set = set;
        this.seeds = seeds;
        this.profile = profile;
        this.store = store;
        this.retryFailed = retryFailed;
        this.executor = executor;
        this.listeners = List.copyOf(listeners);
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
                false, null, List.of());
    }

    private Sweep copy(Map<String, List<Object>> v, Map<String, Object> s, long[] sd, Profile p, RunStore st, boolean rf,
            SweepExecutor ex, List<SweepListener> ls) {
        return new Sweep(recipe, v, s, sd, p, st, rf, ex, ls);
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
        List<SweepPoint> ps = points();
        SweepExecutor ex = executor != null ? executor : SweepExecutor.inProcess();
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

    /** Runs one point with failure isolation; never throws for the run's own errors. */
    RunResult runOne(SweepPoint p) {
        RunStore st = runStore();
        listeners.forEach(l -> l.runStarted(p));
        RunResult r = attempt(p, st);
        listeners.forEach(l -> l.runFinished(r));
        return r;
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
            Outcome o = recipe.experiment().with(p.overrides()).profile(p.profile()).seedList(p.seed()).store(st)
                    .quiet().record(false).run();
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
