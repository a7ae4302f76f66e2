package org.plasticity.results;

import java.util.Locale;

/**
 * How much of an experiment to run. {@link #SMOKE}: seconds, small data, few epochs (tests, Binder,
 * CI); {@link #FULL}: the real reproduction. Only full-profile rows count as reproduction claims.
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
