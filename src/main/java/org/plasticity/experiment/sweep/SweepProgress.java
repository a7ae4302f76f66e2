package org.plasticity.experiment.sweep;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.plasticity.display.Displayable;
import org.plasticity.display.Html;
import org.plasticity.display.LiveDisplay;

/**
 * Live progress of a sweep: runs done / running / failed / left, elapsed time and ETA (mean time of
 * the runs trained so far × runs left ÷ concurrent runs seen). {@link #terminal(PrintStream)}
 * rewrites one line; {@link #notebook()} is one display updated in place through
 * {@link LiveDisplay}.
 */
public final class SweepProgress implements SweepListener, Displayable {

    private final PrintStream terminal;
    private LiveDisplay.Handle handle;
    private final long t0 = System.nanoTime();
    private int total;
    private int done;
    private int running;
    private int failed;
    private int trained;
    private int maxRunning;
    private double trainedSeconds;

    private SweepProgress(PrintStream terminal, LiveDisplay.Handle handle) {
        this.terminal = terminal;
        this.handle = handle;
    }

    /** One progress line on {@code out}, rewritten in place with carriage returns. */
    public static SweepProgress terminal(PrintStream out) {
        return new SweepProgress(out, null);
    }

    /** One notebook display updated in place ({@link LiveDisplay#current()}: the console without a kernel). */
    public static SweepProgress notebook() {
        return on(LiveDisplay.current());
    }

    /** Progress shown on a given live display, updated in place. */
    public static SweepProgress on(LiveDisplay display) {
        SweepProgress p = new SweepProgress(null, null);
        p.handle = display.show(p);
        return p;
    }

    @Override
    public synchronized void started(List<SweepPoint> points) {
        total = points.size();
        publish();
    }

    @Override
    public synchronized void runStarted(SweepPoint p) {
        running++;
        maxRunning = Math.max(maxRunning, running);
        publish();
    }

    @Override
    public synchronized void runFinished(RunResult r) {
        running--;
        if (r.finished()) {
            done++;
        } else {
            failed++;
        }
        if (r.state() != RunResult.State.REUSED && r.wallSeconds() > 0) {
            trained++;
            trainedSeconds += r.wallSeconds();
        }
        publish();
    }

    @Override
    public synchronized void finished(List<RunResult> results) {
        publish();
        if (terminal != null) {
            terminal.println();
        }
    }

    /** Runs not yet finished nor running. */
    public synchronized int left() {
        return Math.max(0, total - done - failed - running);
    }

    /** Estimated seconds to the end (NaN before the first trained run). */
    public synchronized double etaSeconds() {
        if (trained == 0) {
            return Double.NaN;
        }
        return trainedSeconds / trained * (left() + running) / Math.max(1, maxRunning);
    }

    /** The progress as one line. */
    @Override
    public synchronized String toText() {
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double eta = etaSeconds();
        return String.format(Locale.ROOT, "sweep %d/%d done · %d running · %d failed · %d left · %s elapsed · ETA %s",
                done, total, running, failed, left(), time(elapsed), Double.isNaN(eta) ? "–" : time(eta));
    }

    @Override
    public String toHtml() {
        return "<div class=\"plasticity-sweep-progress\"><code>" + Html.escape(toText()) + "</code></div>";
    }

    @Override
    public String toString() {
        return toText();
    }

    private void publish() {
        if (terminal != null) {
            terminal.print("\r" + toText() + "   ");
            terminal.flush();
        } else if (handle != null) {
            handle.update(this);
        }
    }

    private static String time(double s) {
        long t = Math.round(s);
        return t >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", t / 3600, t / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", t / 60, t % 60);
    }
}
