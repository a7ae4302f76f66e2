package org.plasticity.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.plasticity.data.Splits;
import org.plasticity.results.Profile;
import org.plasticity.results.ReproductionRow;
import org.plasticity.results.RunRecord;
import org.plasticity.results.Status;
import org.plasticity.results.SweepResult;
import org.plasticity.train.Learner;
import org.plasticity.train.Trainer;

/**
 * One catalogued experiment: id, paper, data set, how to build the learner of a seed and its trainer,
 * the knobs a run spec may override, the seeds of its runs and the paper's claims with their
 * comparison rule. Immutable; built by family recipe providers with {@link #builder(String)}.
 *
 * <pre>{@code
 * Outcome o = Catalog.get("mnist-784-500-10-symmetric").run(3);      // current profile, 3 seeds
 * Outcome b = Catalog.get("mnist-784-500-10-symmetric").with("beta", 0.2).run();
 * }</pre>
 *
 * <p>Three kinds: a <em>trained</em> recipe (learner + trainer + data), a <em>derived</em> claim
 * computed from other recipes' runs (e.g. a seed-matched difference), and a claim whose data is
 * <em>not obtainable here</em> (recorded with that status, never trained).
 */
public final class Recipe {

    /** Builds a learner from the resolved configuration and a seed. */
    @FunctionalInterface
    public interface LearnerFactory {
        /**
         * @param config the resolved knobs
         * @param seed the run's seed (parameters are drawn from it)
         * @return a fresh learner
         */
        Learner create(Config config, long seed);
    }

    /** Builds the trainer (optimizer, batch size, listeners such as early stopping) for a learner. */
    @FunctionalInterface
    public interface TrainerFactory {
        /**
         * @param config the resolved knobs
         * @param learner the learner it will train (LocalCA installs the learner's optimizer)
         * @return the trainer; epochs, seed and checkpoints are set by the runner
         */
        Trainer create(Config config, Learner learner);
    }

    /** Adds metrics measured on the trained learner (e.g. gradient fidelity) to its record. */
    @FunctionalInterface
    public interface AfterTraining {
        /**
         * @param learner the trained learner
         * @param data the splits it was trained on
         * @param record the standard record
         * @return the record with extra metrics
         */
        RunRecord apply(Learner learner, Splits data, RunRecord record);
    }

    /** Computes a derived claim's rows from other recipes (running or reading them back). */
    @FunctionalInterface
    public interface Derivation {
        /**
         * @param settings the profile, seed count and recording choice of this run
         * @return the rows of the claim (one per claim metric)
         */
        List<ReproductionRow> rows(Experiment settings);
    }

    private final String id;
    private final String paper;
    private final String dataset;
    private final String notes;
    private final Supplier<Splits> data;
    private final LearnerFactory learner;
    private final TrainerFactory trainer;
    private final AfterTraining after;
    private final Derivation derivation;
    private final String notObtainable;
    private final List<Knob> knobs;
    private final List<Claim> claims;
    private final long[] seeds;
    private final int defaultSeedCount;

    private Recipe(Builder b) {
        this.id = b.id;
        this.paper = b.paper;
        this.dataset = b.dataset;
        this.notes = b.notes;
        this.data = b.data;
        this.learner = b.learner;
        this.trainer = b.trainer;
        this.after = b.after;
        this.derivation = b.derivation;
        this.notObtainable = b.notObtainable;
        this.knobs = List.copyOf(b.knobs.values());
        this.claims = List.copyOf(b.claims);
        this.seeds = b.seeds.clone();
        this.defaultSeedCount = b.defaultSeedCount;
    }

    /** Starts a recipe with this id ({@code [a-z0-9][a-z0-9.-]*}). */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Stable id used in result rows and run folders. */
    public String id() {
        return id;
    }

    /** Paper id of the result rows, e.g. {@code ep-standard}. */
    public String paper() {
        return paper;
    }

    /** Data set id of the result rows, e.g. {@code mnist}. */
    public String dataset() {
        return dataset;
    }

    /** One line for the result rows: setting, source of the paper's figure, deviations. */
    public String notes() {
        return notes;
    }

    /** The knobs a run spec may override, with this recipe's defaults. */
    public List<Knob> knobs() {
        return knobs;
    }

    /** The paper's claims this recipe reproduces (the first is the headline). */
    public List<Claim> claims() {
        return claims;
    }

    /** The declared seed list (the seeds of committed runs, or {@link Rules#defaultSeeds()}). */
    public long[] seeds() {
        return seeds.clone();
    }

    /** Seeds run by default in the full profile. */
    public int defaultSeedCount() {
        return defaultSeedCount;
    }

    /** Whether this claim is derived from other recipes' runs. */
    public boolean isDerived() {
        return derivation != null;
    }

    /** Whether the data cannot be obtained on the project's machines (the claim is recorded, never trained). */
    public boolean isObtainable() {
        return notObtainable == null;
    }

    /** Whether {@link #run} trains a learner. */
    public boolean isTrained() {
        return derivation == null && notObtainable == null;
    }

    /** The full data set (the profile takes its smoke slice); only for trained recipes. */
    public Splits data() {
        requireTrained("data");
        return data.get();
    }

    /** A fresh learner of {@code seed} under {@code config}. */
    public Learner learner(Config config, long seed) {
        requireTrained("learner");
        return learner.create(config, seed);
    }

    /** The trainer for a learner under {@code config}, epochs from the {@code epochs} knob. */
    public Trainer trainer(Config config, Learner l) {
        requireTrained("trainer");
        return trainer.create(config, l).epochs(config.integer("epochs"));
    }

    RunRecord afterTraining(Learner l, Splits d, RunRecord r) {
        return after == null ? r : after.apply(l, d, r);
    }

    Derivation derivation() {
        return derivation;
    }

    String notObtainableReason() {
        return notObtainable;
    }

    private void requireTrained(String what) {
        if (!isTrained()) {
            throw new IllegalStateException("recipe '" + id + "' is " + (isDerived() ? "derived from other recipes"
                    : "not obtainable here") + " and has no " + what);
        }
    }

    /**
     * Resolves overrides against the knobs.
     *
     * @param overrides knob name to raw value
     * @return the configuration
     * @throws IllegalArgumentException for unknown knobs or bad values
     */
    public Config configure(Map<String, ?> overrides) {
        return Config.resolve(id, knobs, overrides);
    }

    /** The experiment of this recipe with defaults: current profile, default seeds, no overrides. */
    public Experiment experiment() {
        return Experiment.of(this);
    }

    /** An experiment with one knob overridden. */
    public Experiment with(String knob, Object value) {
        return experiment().with(knob, value);
    }

    /** Runs (or reads back) the default seeds in the current profile. */
    public Outcome run() {
        return experiment().run();
    }

    /** Runs (or reads back) the first {@code n} seeds in the current profile (and later ones already finished). */
    public Outcome run(int n) {
        return experiment().seeds(n).run();
    }

    /** The run spec of one seed in a profile, without overrides. */
    public RunSpec spec(long seed, Profile profile) {
        return new RunSpec(id, Map.of(), seed, profile);
    }

    /**
     * The result rows of a finished sweep, one per claim whose source metric the records hold.
     *
     * @param sweep the sweep
     * @param profile its profile
     * @param runId the sweep's experiment id (the recipe id, or with an override suffix)
     * @return the rows
     */
    public List<ReproductionRow> rows(SweepResult sweep, Profile profile, String runId) {
        List<ReproductionRow> out = new ArrayList<>();
        for (Claim c : claims) {
            if (!Rules.REPORTED.equals(c.source()) && !sweep.metrics().contains(c.source())) {
                continue;
            }
            double[] v = sweep.records().stream().mapToDouble(r -> Rules.value(r, c.source())).toArray();
            double mean = org.plasticity.results.Stats.mean(v);
            out.add(new ReproductionRow(paper, runId, dataset, c.metric(), c.paperValue(), c.paperStd(), mean,
                    org.plasticity.results.Stats.std(v), v.length, profile, Rules.status(mean, c), sweep.epochs(),
                    sweep.wallSeconds(), sweep.commit(), notes));
        }
        return out;
    }

    /** The rows of a not-obtainable claim. */
    List<ReproductionRow> notObtainableRows(Profile profile) {
        List<ReproductionRow> out = new ArrayList<>();
        for (Claim c : claims) {
            out.add(new ReproductionRow(paper, id, dataset, c.metric(), c.paperValue(), c.paperStd(), Double.NaN,
                    Double.NaN, 0, profile, Status.NOT_OBTAINABLE_HERE, 0, 0, null, notes));
        }
        return out;
    }

    @Override
    public String toString() {
        String kind = isDerived() ? "derived" : isObtainable() ? "" : "not obtainable here";
        return String.format(Locale.ROOT, "Recipe[%s · %s on %s%s · %s]", id, paper, dataset,
                kind.isEmpty() ? ", seeds " + java.util.Arrays.toString(seeds) : ", " + kind,
                claims.isEmpty() ? "no paper claim" : claims.get(0));
    }

    /** Fluent builder of a {@link Recipe}; {@link #build()} validates. */
    public static final class Builder {
        private final String id;
        private String paper;
        private String dataset;
        private String notes = "";
        private Supplier<Splits> data;
        private LearnerFactory learner;
        private TrainerFactory trainer;
        private AfterTraining after;
        private Derivation derivation;
        private String notObtainable;
        private final Map<String, Knob> knobs = new LinkedHashMap<>();
        private final List<Claim> claims = new ArrayList<>();
        private long[] seeds = Rules.defaultSeeds();
        private int defaultSeedCount = Rules.DEFAULT_SEED_COUNT;

        private Builder(String id) {
            if (id == null || !id.matches("[a-z0-9][a-z0-9.-]*")) {
                throw new IllegalArgumentException("recipe id must match [a-z0-9][a-z0-9.-]*, got '" + id + "'");
            }
            this.id = id;
        }

        /** Paper id (required). */
        public Builder paper(String p) {
            this.paper = p;
            return this;
        }

        /** Data set id (required). */
        public Builder dataset(String d) {
            this.dataset = d;
            return this;
        }

        /** One line for the result rows. */
        public Builder notes(String n) {
            this.notes = n == null ? "" : n;
            return this;
        }

        /** The full data (loaded lazily, once per recipe). */
        public Builder data(Supplier<Splits> d) {
            this.data = memo(d);
            return this;
        }

        /** The learner factory. */
        public Builder learner(LearnerFactory f) {
            this.learner = f;
            return this;
        }

        /** The trainer factory. */
        public Builder trainer(TrainerFactory f) {
            this.trainer = f;
            return this;
        }

        /** Extra metrics on the trained learner. */
        public Builder afterTraining(AfterTraining a) {
            this.after = a;
            return this;
        }

        /** Makes this a derived claim. */
        public Builder derived(Derivation d) {
            this.derivation = d;
            return this;
        }

        /** Marks the data as not obtainable here, saying why. */
        public Builder notObtainable(String reason) {
            this.notObtainable = reason;
            return this;
        }

        /** Declares the {@code epochs} knob with this recipe's full-profile epochs. */
        public Builder epochs(int n) {
            return knob(Knob.integer("epochs", n, 1, 100_000, "training epochs (smoke: " + Profile.SMOKE_EPOCHS
                    + " unless overridden)"));
        }

        /** Declares the {@code batch_size} knob with this recipe's batch size. */
        public Builder batchSize(int n) {
            return knob(Knob.integer("batch_size", n, 1, 1_000_000, "training mini-batch size"));
        }

        /** Declares (or redeclares) a knob. */
        public Builder knob(Knob k) {
            knobs.put(k.name(), k);
            return this;
        }

        /** Adds a claim. */
        public Builder claim(Claim c) {
            claims.add(c);
            return this;
        }

        /** The seeds of this recipe's runs, in order (committed runs keep theirs). */
        public Builder seeds(long... s) {
            if (s.length == 0 || java.util.Arrays.stream(s).distinct().count() != s.length) {
                throw new IllegalArgumentException(id + ": seeds must be distinct and at least one");
            }
            this.seeds = s.clone();
            return this;
        }

        /** Seeds run by default in the full profile (≥ 1). */
        public Builder defaultSeedCount(int n) {
            if (n < 1) {
                throw new IllegalArgumentException(id + ": default seed count must be ≥ 1");
            }
            this.defaultSeedCount = n;
            return this;
        }

        /** Validates and builds. */
        public Recipe build() {
            Objects.requireNonNull(paper, id + ": paper");
            Objects.requireNonNull(dataset, id + ": dataset");
            int kinds = (derivation != null ? 1 : 0) + (notObtainable != null ? 1 : 0);
            if (kinds > 1) {
                throw new IllegalArgumentException(id + ": a recipe is either derived or not obtainable, not both");
            }
            if (kinds == 0) {
                if (data == null || learner == null || trainer == null) {
                    throw new IllegalArgumentException(id + ": a trained recipe needs data, a learner and a trainer");
                }
                if (!knobs.containsKey("epochs")) {
                    throw new IllegalArgumentException(id + ": declare the epochs (Builder.epochs)");
                }
            }
            return new Recipe(this);
        }

        private static Supplier<Splits> memo(Supplier<Splits> s) {
            return new Supplier<>() {
                private volatile Splits v;

                @Override
                public Splits get() {
                    Splits x = v;
                    if (x == null) {
                        synchronized (this) {
                            if (v == null) {
                                v = s.get();
                            }
                            x = v;
                        }
                    }
                    return x;
                }
            };
        }
    }
}
