package org.plasticity.experiment.sweep;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.plasticity.display.Displayable;
import org.plasticity.display.Html;
import org.plasticity.display.LiveDisplay;
import org.plasticity.train.EpochMetrics;

/**
 * Live progress of a sweep: runs done / running / failed / left, elapsed time and ETA (mean time of
 * the runs trained so far × runs left ÷ concurrent runs seen), and for each running run its epoch
 * and the metric so far ({@link #METRICS}: the first the run reports of validation accuracy, test
 * accuracy, training accuracy, training loss). {@link #terminal(PrintStream)} rewrites one line;
 * {@link #notebook()} is one display updated in place through {@link LiveDisplay} (a notebook's
 * {@code display_id}), with a small chart of each running run's metric so far. Epoch updates are
 * shown at most every {@link #EPOCH_UPDATE_MILLIS} ms; starts and ends always.
 */
public final class SweepProgress implements SweepListener, Displayable {

    /** The per-epoch metric shown for a running run: the first of these that is a number. */
    public static final List<String> METRICS = List.of("validation.accuracy", "test.accuracy", "train.accuracy",
            "train.loss");
    /** Minimum time between two epoch-driven updates of the display. */
    public static final long EPOCH_UPDATE_MILLIS = 250;

    private final PrintStream terminal;
    private LiveDisplay.Handle handle;
    private final long t0 = System.nanoTime();
    private long lastEpochUpdate;
    private int total;
    private int done;
    private int running;
    private int failed;
    private int trained;
    private int maxRunning;
    private double trainedSeconds;
    private final Map<Integer, Live> live = new LinkedHashMap<>();

    /** A running run: its point, epoch, planned epochs, metric name and values so far. */
    private static final class Live {
        final SweepPoint point;
        int epoch;
        int epochs;
        String metric;
        final List<Double> values = new ArrayList<>();

        Live(SweepPoint point) {
            this.point = point;
        }
    }

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
        live.put(p.index(), new Live(p));
        publish();
    }

    @Override
    public synchronized void runEpoch(SweepPoint p, EpochMetrics m, int epochs) {
        Live l = live.computeIfAbsent(p.index(), i -> new Live(p));
        l.epoch = m.epoch();
        l.epochs = epochs;
        if (l.metric == null) {
            for (String k : METRICS) {
                if (Double.isFinite(m.metric(k))) {
                    l.metric = k;
                    break;
                }
            }
        }
        if (l.metric != null) {
            l.values.add(m.metric(l.metric));
        }
        long now = System.nanoTime() / 1_000_000;
        if (now - lastEpochUpdate >= EPOCH_UPDATE_MILLIS) {
            lastEpochUpdate = now;
            publish();
        }
    }

    @Override
    public synchronized void runFinished(RunResult r) {
        running--;
        live.remove(r.index());
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
        live.clear();
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

    /**
     * The running runs, one short item each: {@code #3 seed 44 epoch 12/30 validation.accuracy 0.9120}
     * (just {@code #3 seed 44} before its first epoch).
     *
     * @return one item per running run, in start order
     */
    public synchronized List<String> runningRuns() {
        List<String> out = new ArrayList<>();
        for (Live l : live.values()) {
            StringBuilder b = new StringBuilder("#" + l.point.index() + " seed " + l.point.seed());
            if (l.epoch > 0) {
                b.append(" epoch ").append(l.epoch).append('/').append(l.epochs);
            }
            if (!l.values.isEmpty()) {
                b.append(String.format(Locale.ROOT, " %s %.4f", l.metric, l.values.get(l.values.size() - 1)));
            }
            out.add(b.toString());
        }
        return out;
    }

    /** The progress as one line (the counts, then each running run's epoch and metric so far). */
    @Override
    public synchronized String toText() {
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double eta = etaSeconds();
        String line = String.format(Locale.ROOT, "sweep %d/%d done · %d running · %d failed · %d left · %s elapsed · ETA %s",
                done, total, running, failed, left(), time(elapsed), Double.isNaN(eta) ? "–" : time(eta));
        List<String> runs = runningRuns();
        return runs.isEmpty() ? line : line + " · " + String.join("; ", runs);
    }

    @Override
    public synchronized String toHtml() {
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double eta = etaSeconds();
        StringBuilder b = new StringBuilder("<div class=\"plasticity-sweep-progress\"><code>");
        b.append(Html.escape(String.format(Locale.ROOT,
                "sweep %d/%d done · %d running · %d failed · %d left · %s elapsed · ETA %s", done, total, running,
                failed, left(), time(elapsed), Double.isNaN(eta) ? "–" : time(eta)))).append("</code>");
        if (!live.isEmpty()) {
            b.append("<table><tr><th>run</th><th>seed</th><th>knobs</th><th>epoch</th><th>metric so far</th><th></th></tr>");
            for (Live l : live.values()) {
                b.append("<tr><td>#").append(l.point.index()).append("</td><td>").append(l.point.seed())
                        .append("</td><td>").append(Html.escape(l.point.overrides().isEmpty() ? "" : l.point.overrides()
                                .toString())).append("</td><td>")
                        .append(l.epoch > 0 ? l.epoch + "/" + l.epochs : "–").append("</td><td>");
                if (!l.values.isEmpty()) {
                    b.append(Html.escape(String.format(Locale.ROOT, "%s %.4f", l.metric, l.values.get(l.values.size() - 1))));
                }
                b.append("</td><td>").append(sparkline(l.values)).append("</td></tr>");
            }
            b.append("</table>");
        }
        return b.append("</div>").toString();
    }

    /** A 120×24 inline SVG polyline of {@code values} (empty below two values). */
    static String sparkline(List<Double> values) {
        List<Double> v = values.stream().filter(Double::isFinite).toList();
        if (v.size() < 2) {
            return "";
        }
        double lo = v.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double hi = v.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        double span = hi > lo ? hi - lo : 1;
        StringBuilder pts = new StringBuilder();
        for (int i = 0; i < v.size(); i++) {
            double x = 1 + 118.0 * i / (v.size() - 1);
            double y = 23 - 22 * (v.get(i) - lo) / span;
            pts.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        }
        return "<svg class=\"plasticity-sparkline\" width=\"120\" height=\"24\" viewBox=\"0 0 120 24\">"
                + "<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"1.5\" points=\"" + pts + "\"/></svg>";
    }

    @Override
    public String toString() {
        return toText();
    }

    private void publish() {
        if (terminal != null) {
            terminal.print("\r" + toText() + "\u001b[K");
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
