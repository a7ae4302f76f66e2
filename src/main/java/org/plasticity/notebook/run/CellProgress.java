package org.plasticity.notebook.run;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Per-cell progress of a notebook while nbconvert executes it: nbclient's cell hooks (a config file
 * {@link #writeHooks written} beside the executed notebooks and passed with {@code --config}) print
 * a line into nbconvert's log when a code cell starts and ends; this watcher reads the log as it
 * grows and prints, for each cell, its number, the elapsed time, an ETA from the cell times of the
 * notebook's last execution in the same profile ({@link CellTimes}), and a "still running" line
 * every {@link #HEARTBEAT_SECONDS} seconds while a cell runs long.
 */
final class CellProgress implements AutoCloseable {

    /** Name of the hook config file in the output folder. */
    static final String HOOKS_FILE = ".plasticity-cell-hooks.py";
    /** Prefix of the hook lines in nbconvert's log. */
    static final String MARK = "plasticity-cell ";
    /** Seconds between "still running" lines of one long cell. */
    static final int HEARTBEAT_SECONDS = 60;

    private static final String HOOKS = String.join("\n",
            "# Written by org.plasticity.notebook.run.CellProgress: nbclient cell hooks that log progress.",
            "import time",
            "def _plasticity_start(cell, cell_index, **kw):",
            "    print('" + MARK + "start %d %.3f' % (cell_index, time.time()), flush=True)",
            "def _plasticity_done(cell, cell_index, **kw):",
            "    print('" + MARK + "done %d %.3f' % (cell_index, time.time()), flush=True)",
            "c.ExecutePreprocessor.on_cell_execute = _plasticity_start",
            "c.ExecutePreprocessor.on_cell_executed = _plasticity_done",
            "");

    private final CellTimes times;
    private final boolean recordedHere;
    private final Path logFile;
    private final PrintStream out;
    private final Thread thread;
    private final long startNanos = System.nanoTime();
    private volatile boolean stop;
    private long offset;
    private final StringBuilder partial = new StringBuilder();
    private int current = -1;
    private long cellStartNanos;
    private long lastPrintNanos;

    private CellProgress(CellTimes times, String profile, Path logFile, PrintStream out) {
        this.times = times;
        this.recordedHere = profile.equals(times.profile());
        this.logFile = logFile;
        this.out = out;
        this.thread = new Thread(this::loop, "cell-progress " + times.notebook().getFileName());
        thread.setDaemon(true);
    }

    /**
     * Writes the hook config into {@code dir}.
     *
     * @param dir the output folder of the executed notebooks
     * @return the config file (for nbconvert's {@code --config})
     */
    static Path writeHooks(Path dir) {
        Path f = dir.resolve(HOOKS_FILE);
        try {
            Files.createDirectories(dir);
            Files.writeString(f, HOOKS, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + f + ": " + e.getMessage(), e);
        }
        return f;
    }

    /**
     * Starts watching nbconvert's log of one notebook.
     *
     * @param times the notebook's recorded cell times
     * @param profile the profile it runs in (recorded times count only when they come from it)
     * @param logFile nbconvert's log file (may not exist yet; may be replaced by a retry)
     * @param out where progress lines go
     * @return the running watcher; close it when nbconvert is done
     */
    static CellProgress watch(CellTimes times, String profile, Path logFile, PrintStream out) {
        CellProgress p = new CellProgress(times, profile, logFile, out);
        p.thread.start();
        return p;
    }

    private void loop() {
        while (!stop) {
            poll();
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
        poll();
    }

    private synchronized void poll() {
        try {
            if (Files.exists(logFile)) {
                try (RandomAccessFile f = new RandomAccessFile(logFile.toFile(), "r")) {
                    if (f.length() < offset) { // a retry started a new log
                        offset = 0;
                        partial.setLength(0);
                    }
                    f.seek(offset);
                    byte[] buf = new byte[(int) Math.min(f.length() - offset, 1 << 20)];
                    f.readFully(buf);
                    offset += buf.length;
                    partial.append(new String(buf, StandardCharsets.UTF_8));
                }
                int nl;
                while ((nl = partial.indexOf("\n")) >= 0) {
                    line(partial.substring(0, nl));
                    partial.delete(0, nl + 1);
                }
            }
        } catch (IOException e) {
            // the log may be moved away by a retry between exists() and open(): read it next time
        }
        long now = System.nanoTime();
        if (current >= 0 && now - cellStartNanos > HEARTBEAT_SECONDS * 1_000_000_000L
                && now - lastPrintNanos >= HEARTBEAT_SECONDS * 1_000_000_000L) {
            int k = times.position(current);
            CellTimes.CodeCell c = times.codeCells().get(k);
            String recorded = recordedHere && Double.isFinite(c.seconds()) ? ", recorded " + CellTimes.format(c.seconds())
                    : "";
            print(String.format(Locale.ROOT, "  [%d/%d] still running: %s in this cell%s, %s in all · %s", k + 1,
                    times.codeCells().size(), CellTimes.format(seconds(cellStartNanos, now)), recorded,
                    CellTimes.format(seconds(startNanos, now)), c.firstLine()));
        }
    }

    private void line(String line) {
        int at = line.indexOf(MARK);
        if (at < 0) {
            return;
        }
        String[] f = line.substring(at + MARK.length()).trim().split(" ");
        if (f.length < 2 || !f[0].equals("start")) {
            if (f.length >= 2 && f[0].equals("done")) {
                current = -1;
            }
            return;
        }
        int index;
        try {
            index = Integer.parseInt(f[1]);
        } catch (NumberFormatException e) {
            return;
        }
        int k = times.position(index);
        if (k < 0) {
            return;
        }
        current = index;
        cellStartNanos = System.nanoTime();
        print(startLine(k, seconds(startNanos, cellStartNanos)));
    }

    /** The line printed when code cell {@code k} (0-based) starts, {@code elapsed} seconds into the notebook. */
    String startLine(int k, double elapsed) {
        int n = times.codeCells().size();
        String eta;
        if (recordedHere && times.complete()) {
            eta = "ETA " + CellTimes.format(times.codeCells().get(k).seconds() + times.secondsAfter(k))
                    + " (last " + times.profile() + " run)";
        } else if (k > 0) {
            eta = "ETA ≈ " + CellTimes.format(elapsed / k * (n - k)) + " (pace so far; no recorded times for this profile)";
        } else {
            eta = "ETA ?";
        }
        return String.format(Locale.ROOT, "  [%d/%d] %s elapsed · %s · %s", k + 1, n, CellTimes.format(elapsed), eta,
                times.codeCells().get(k).firstLine());
    }

    private void print(String s) {
        lastPrintNanos = System.nanoTime();
        out.println(s);
        out.flush();
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    @Override
    public void close() {
        stop = true;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        poll();
    }
}
