package org.plasticity.kernel;

import com.google.gson.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Figures over the rows of the driver's "starts" mode for one kernel: starts, hangs, other failures,
 * stray processes, and start → first result / trivial-cell round trip (median and p95, seconds).
 *
 * @param kernel kernel name
 * @param starts starts tried
 * @param hangs starts whose kernel never became ready or never answered
 * @param failures starts that failed otherwise
 * @param strays kernel processes still running after shutdown
 * @param firstResultMedian median seconds from launch to the first cell's result
 * @param firstResultP95 95th percentile of the same
 * @param roundTripMedian median seconds of a second trivial cell
 * @param roundTripP95 95th percentile of the same
 * @param loadStart 1-min load average before the first start
 * @param loadEnd 1-min load average after the last start
 * @param runnableStart runnable processes before the first start
 * @param runnableEnd runnable processes after the last start
 */
public record StartupStats(String kernel, int starts, int hangs, int failures, int strays, double firstResultMedian,
        double firstResultP95, double roundTripMedian, double roundTripP95, double loadStart, double loadEnd,
        int runnableStart, int runnableEnd) {

    /** The figures of {@code kernel}'s rows. */
    public static StartupStats of(String kernel, List<JsonObject> rows) {
        List<JsonObject> mine = rows.stream().filter(r -> r.get("kernel").getAsString().equals(kernel)).toList();
        int hangs = (int) mine.stream().filter(r -> r.get("hang").getAsBoolean()).count();
        int failures = (int) mine.stream().filter(r -> !r.get("ok").getAsBoolean() && !r.get("hang").getAsBoolean()).count();
        int strays = (int) mine.stream().filter(r -> r.has("stray_after_shutdown") && r.get("stray_after_shutdown").getAsBoolean())
                .count();
        double[] first = mine.stream().filter(r -> r.has("start_to_first_result"))
                .mapToDouble(r -> r.get("start_to_first_result").getAsDouble()).sorted().toArray();
        double[] trip = mine.stream().filter(r -> r.has("round_trip")).mapToDouble(r -> r.get("round_trip").getAsDouble())
                .sorted().toArray();
        JsonObject a = mine.isEmpty() ? null : mine.get(0).getAsJsonObject("load_start");
        JsonObject b = mine.isEmpty() ? null : mine.get(mine.size() - 1).getAsJsonObject("load_end");
        return new StartupStats(kernel, mine.size(), hangs, failures, strays, quantile(first, 0.5), quantile(first, 0.95),
                quantile(trip, 0.5), quantile(trip, 0.95), a == null ? Double.NaN : a.get("loadavg1").getAsDouble(),
                b == null ? Double.NaN : b.get("loadavg1").getAsDouble(), a == null ? 0 : a.get("runnable").getAsInt(),
                b == null ? 0 : b.get("runnable").getAsInt());
    }

    /** Nearest-rank quantile of sorted values (NaN when empty). */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double[] s = Arrays.copyOf(sorted, sorted.length);
        Arrays.sort(s);
        int rank = (int) Math.ceil(q * s.length);
        return s[Math.max(0, Math.min(s.length - 1, rank - 1))];
    }

    /** Load at start and end, as one note. */
    public String loadNote() {
        return String.format(Locale.ROOT, "load avg 1-min %.2f → %.2f, runnable %d → %d", loadStart, loadEnd,
                runnableStart, runnableEnd);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %d starts, %d hangs, %d other failures, %d stray JVMs; start → first result "
                + "median %.2f s, p95 %.2f s; trivial cell median %.3f s, p95 %.3f s; %s", kernel, starts, hangs, failures,
                strays, firstResultMedian, firstResultP95, roundTripMedian, roundTripP95, loadNote());
    }
}
