package org.plasticity.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The machine's load at one instant (Linux {@code /proc}): the 1-minute load average and the number of
 * runnable tasks ({@code procs_running} in {@code /proc/stat}, which counts the reading thread itself).
 * NaN / -1 where unknown.
 *
 * @param load1 1-minute load average
 * @param runnable runnable tasks now, including the reader
 */
record LoadStamp(double load1, int runnable) {

    /** The load now. */
    static LoadStamp now() {
        double l = Double.NaN;
        int r = -1;
        try {
            l = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            // unknown
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
                if (line.startsWith("procs_running")) {
                    r = Integer.parseInt(line.substring("procs_running".length()).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // unknown
        }
        return new LoadStamp(l, r);
    }

    /** Whether the load is known. */
    boolean known() {
        return !Double.isNaN(load1);
    }

    /** E.g. {@code 1.27/r2}: load average 1.27, 2 runnable. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.2f/r%d", load1, runnable);
    }
}
