package org.plasticity.bench;

import java.util.Locale;

/**
 * When a measurement is trustworthy: the machine's 1-minute load average, at the start and at the end of
 * the measurement, must not exceed the cores the measurement uses (plus {@link #ALLOWANCE} for the JIT,
 * the garbage collector and the shell). Above it, other processes took cores from one side or the other
 * and the ratio is void; such a row is written only on request ({@code --force}) and is then marked
 * as measured under load.
 *
 * @param cores cores the measurement uses (its threads)
 */
record LoadGate(int cores) {

    /** Load above the cores used that is still tolerated. */
    static final double ALLOWANCE = 0.5;

    /** The highest tolerated load average. */
    double limit() {
        return cores + ALLOWANCE;
    }

    /**
     * Why a measurement between two stamps is not trustworthy, or null when it is.
     *
     * @param start load when it started
     * @param end load when it ended
     * @return the reason, or null
     */
    String refusal(LoadStamp start, LoadStamp end) {
        if (!start.known() || !end.known()) {
            return "the load is unknown (no /proc/loadavg)";
        }
        double worst = Math.max(start.load1(), end.load1());
        if (worst > limit()) {
            return String.format(Locale.ROOT, "load average %.2f (start %s, end %s) exceeds the %d core%s used + %.1f",
                    worst, start, end, cores, cores == 1 ? "" : "s", ALLOWANCE);
        }
        return null;
    }

    /**
     * The notes fragment for a row: the load stamps, and the under-load mark when forced.
     *
     * @param start load at the start
     * @param end load at the end
     * @return e.g. {@code load start 0.95/r1 end 1.98/r2 (limit 2.5)}
     */
    String stamp(LoadStamp start, LoadStamp end) {
        String s = String.format(Locale.ROOT, "load start %s end %s (limit %.1f)", start, end, limit());
        String why = refusal(start, end);
        return why == null ? s : "MEASURED UNDER LOAD (--force): " + why + "; " + s;
    }
}
