package org.plasticity.results;

import java.util.Locale;

/**
 * How much of an experiment to run. {@link #SMOKE}: seconds, small data, few epochs (tests, Binder,
 * CI); {@link #FULL}: the real reproduction. Only full-profile rows count as reproduction claims.
 *
 * <p>The one smoke policy, for every family: the first {@value #SMOKE_TRAIN} training samples and at
 * most {@value #SMOKE_EVAL} validation and test samples ({@link #data}), {@value #SMOKE_EPOCHS} epochs
 * unless a run spec overrides {@code epochs} ({@link #epochs}), and at most {@value #SMOKE_SEEDS} seeds
 * ({@link #seeds}). The full profile runs the recipe as declared. Smoke runs are stored in a temporary
 * folder (always recomputed, deleted at exit) and their rows are never recorded into the committed
 * {@code results/reproduction.csv}.
 *
 * <p>Selected by the system property {@code plasticity.profile} or the environment variable
 * {@code PLASTICITY_PROFILE} ({@code smoke} or {@code full}); smoke when neither is set, so a cell
 * pasted into JShell never starts an hours-long run by surprise.
 */
public enum Profile {
    /** Small, fast runs that exercise every code path. */
    SMOKE,
    /** The paper's settings on the full data set. */
    FULL;

    /** Environment variable that selects the profile. */
    public static final String ENV = "PLASTICITY_PROFILE";
    /** System property that selects the profile (wins over the environment). */
    public static final String PROPERTY = "plasticity.profile";

    /** Training samples of a smoke run. */
    public static final int SMOKE_TRAIN = 512;
    /** Validation and test samples (each, at most) of a smoke run. */
    public static final int SMOKE_EVAL = 256;
    /** Epochs of a smoke run (unless the run spec overrides {@code epochs}). */
    public static final int SMOKE_EPOCHS = 2;
    /** Seeds of a smoke run, at most. */
    public static final int SMOKE_SEEDS = 2;

    /** The data this profile trains on: the full splits, or their smoke slice. */
    public org.plasticity.data.Splits data(org.plasticity.data.Splits full) {
        return this == FULL ? full : full.limit(SMOKE_TRAIN, SMOKE_EVAL);
    }

    /**
     * Epochs of a run in this profile.
     *
     * @param declared the recipe's (or the run spec's) epochs
     * @param overridden whether the run spec set {@code epochs} explicitly (then it wins in smoke too)
     * @return the epochs to train
     */
    public int epochs(int declared, boolean overridden) {
        return this == FULL || overridden ? declared : Math.min(SMOKE_EPOCHS, declared);
    }

    /**
     * The first {@code n} seeds of a recipe's seed list, capped at {@value #SMOKE_SEEDS} in the smoke
     * profile; past the end of the list the seeds continue one by one after its last seed.
     *
     * @param declared the recipe's seeds, in order
     * @param n how many are asked for (≥ 1)
     * @return the seeds to run
     */
    public long[] seeds(long[] declared, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one seed, got " + n);
        }
        if (declared.length == 0) {
            throw new IllegalArgumentException("a recipe declares at least one seed");
        }
        int k = this == SMOKE ? Math.min(n, SMOKE_SEEDS) : n;
        long[] out = java.util.Arrays.copyOf(declared, k);
        for (int i = declared.length; i < k; i++) {
            out[i] = out[i - 1] + 1;
        }
        return out;
    }

    /** The profile selected for this process. */
    public static Profile current() {
        String v = System.getProperty(PROPERTY);
        if (v == null || v.isBlank()) {
            v = System.getenv(ENV);
        }
        return v == null || v.isBlank() ? SMOKE : parse(v);
    }

    /**
     * Parses {@code smoke} / {@code full} (case-insensitive).
     *
     * @param text the name
     * @return the profile
     */
    public static Profile parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "smoke" -> SMOKE;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("unknown profile '" + text + "': set " + ENV
                    + " (or -D" + PROPERTY + ") to 'smoke' or 'full'");
        };
    }

    /** The value for this profile: {@code smoke} when smoke, {@code full} when full. */
    public <T> T choose(T smoke, T full) {
        return this == SMOKE ? smoke : full;
    }

    /** Integer form of {@link #choose(Object, Object)}. */
    public int choose(int smoke, int full) {
        return this == SMOKE ? smoke : full;
    }

    /** Lower-case name as written in result rows. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
