package org.plasticity.train;

import java.util.List;
import java.util.Locale;
import org.plasticity.display.Displayable;
import org.plasticity.display.Html;

/**
 * A snapshot of a running training session for live display: where it is, the latest metrics
 * and an ETA. Notebook renderers add a small learning-curve chart from {@link #history()};
 * without a kernel, {@link #toText()} is one readable line.
 *
 * @param name run name
 * @param epoch current (one-based) epoch
 * @param epochs planned epochs
 * @param batch batches done in the current epoch
 * @param batches batches per epoch
 * @param runningLoss mean training loss so far in this epoch
 * @param runningAccuracy running training accuracy in this epoch
 * @param history completed epochs
 * @param etaSeconds estimated seconds to the end (NaN if unknown)
 * @param done whether training has finished
 */
public record TrainingProgress(String name, int epoch, int epochs, int batch, int batches, double runningLoss,
        double runningAccuracy, List<EpochMetrics> history, double etaSeconds, boolean done) implements Displayable {

    /** Copies the history. */
    public TrainingProgress {
        history = List.copyOf(history);
    }

    @Override
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(done ? "done " : "").append(String.format(Locale.ROOT, "epoch %d/%d", epoch, epochs));
        if (!done && batches > 0) {
            sb.append(String.format(Locale.ROOT, " batch %d/%d", batch, batches));
        }
        if (!Double.isNaN(runningLoss)) {
            sb.append(String.format(Locale.ROOT, " | loss %.4f acc %.2f%%", runningLoss, 100 * runningAccuracy));
        }
        if (!history.isEmpty()) {
            EpochMetrics l = history.get(history.size() - 1);
            if (!Double.isNaN(l.validationAccuracy())) {
                sb.append(String.format(Locale.ROOT, " | val %.2f%%", 100 * l.validationAccuracy()));
            }
            if (!Double.isNaN(l.testAccuracy())) {
                sb.append(String.format(Locale.ROOT, " | test %.2f%%", 100 * l.testAccuracy()));
            }
        }
        if (!done && !Double.isNaN(etaSeconds)) {
            sb.append(" | ETA ").append(formatSeconds(etaSeconds));
        }
        return sb.toString();
    }

    @Override
    public String toHtml() {
        double frac = epochs == 0 ? 0 : Math.min(1, ((epoch - 1) + (batches == 0 ? 0 : (double) batch / batches)) / epochs);
        if (done) {
            frac = 1;
        }
        return "<div class=\"plasticity-progress\"><b>" + Html.escape(name) + "</b>"
                + "<div style=\"width:320px;height:10px;background:#eee;border-radius:3px;margin:4px 0\">"
                + "<div style=\"width:" + Math.round(320 * frac) + "px;height:10px;background:#4a7bd0;border-radius:3px\">"
                + "</div></div><code>" + Html.escape(toText()) + "</code></div>";
    }

    /** Formats seconds as {@code 1h02m}, {@code 3m05s} or {@code 12s}. */
    public static String formatSeconds(double s) {
        long t = Math.round(s);
        if (t >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", t / 3600, (t % 3600) / 60);
        }
        if (t >= 60) {
            return String.format(Locale.ROOT, "%dm%02ds", t / 60, t % 60);
        }
        return t + "s";
    }

    @Override
    public String toString() {
        return "TrainingProgress[" + toText() + "]";
    }
}
