package org.plasticity.train;

import java.util.List;
import java.util.Locale;
import org.plasticity.display.Displayable;
import org.plasticity.display.Html;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * A finished training run: what was trained on what, with which configuration and seed, and the
 * per-epoch metrics. Immutable.
 *
 * @param dataset data set name
 * @param model the learner's one-line description
 * @param config trainer configuration (includes the seed)
 * @param history metrics per epoch (all epochs, including those before a resume)
 * @param resumedAtEpoch 0, or the epoch this process resumed at
 * @param wallSeconds wall time of this process's part of the run
 */
public record TrainingRun(String dataset, String model, TrainerConfig config, List<EpochMetrics> history,
        int resumedAtEpoch, double wallSeconds) implements Displayable {

    /** Copies the history. */
    public TrainingRun {
        history = List.copyOf(history);
    }

    /** The last epoch's metrics. */
    public EpochMetrics last() {
        if (history.isEmpty()) {
            throw new IllegalStateException("run has no completed epoch");
        }
        return history.get(history.size() - 1);
    }

    /** Test accuracy after the last epoch. */
    public double finalTestAccuracy() {
        return last().testAccuracy();
    }

    /** The epoch with the best validation accuracy (the last epoch when there is no validation split). */
    public EpochMetrics bestByValidation() {
        EpochMetrics best = null;
        for (EpochMetrics m : history) {
            if (!Double.isNaN(m.validationAccuracy())
                    && (best == null || m.validationAccuracy() > best.validationAccuracy())) {
                best = m; // the earliest epoch reaching the maximum, as a keep-best checkpoint would
            }
        }
        return best == null ? last() : best;
    }

    /** Total training seconds over all epochs (including those of earlier, resumed processes). */
    public double totalEpochSeconds() {
        return history.stream().mapToDouble(EpochMetrics::seconds).sum();
    }

    /** The run's seed. */
    public long seed() {
        return config.seed();
    }

    /** The history as a table: one row per epoch, named extra metrics as further columns. */
    public Table historyTable() {
        Table t = Table.create(dataset + " · " + model);
        t.addColumns(IntColumn.create("epoch", history.stream().mapToInt(EpochMetrics::epoch).toArray()),
                DoubleColumn.create("train_loss", history.stream().mapToDouble(EpochMetrics::trainLoss).toArray()),
                DoubleColumn.create("train_acc", history.stream().mapToDouble(EpochMetrics::trainAccuracy).toArray()),
                DoubleColumn.create("val_acc", history.stream().mapToDouble(EpochMetrics::validationAccuracy).toArray()),
                DoubleColumn.create("test_acc", history.stream().mapToDouble(EpochMetrics::testAccuracy).toArray()),
                DoubleColumn.create("seconds", history.stream().mapToDouble(EpochMetrics::seconds).toArray()));
        java.util.Set<String> extra = new java.util.TreeSet<>();
        history.forEach(m -> extra.addAll(m.extra().keySet()));
        for (String k : extra) {
            t.addColumns(DoubleColumn.create(k.replace('.', '_'),
                    history.stream().mapToDouble(m -> m.extra().getOrDefault(k, Double.NaN)).toArray()));
        }
        return t;
    }

    @Override
    public String toHtml() {
        StringBuilder sb = new StringBuilder();
        sb.append("<div class=\"plasticity-run\"><b>").append(Html.escape(model)).append("</b> on <b>")
                .append(Html.escape(dataset)).append("</b><table>");
        row(sb, "seed", String.valueOf(config.seed()));
        row(sb, "epochs", history.size() + " / " + config.epochs()
                + (resumedAtEpoch > 0 ? " (resumed at " + resumedAtEpoch + ")" : ""));
        row(sb, "batch size", String.valueOf(config.batchSize()));
        row(sb, "optimizer", String.valueOf(config.optimizer()));
        if (!history.isEmpty()) {
            EpochMetrics l = last();
            row(sb, "final train acc", pct(l.trainAccuracy()));
            row(sb, "final test acc", pct(l.testAccuracy()));
            EpochMetrics b = bestByValidation();
            if (!Double.isNaN(b.validationAccuracy())) {
                row(sb, "best val acc", pct(b.validationAccuracy()) + " (epoch " + b.epoch() + ", test "
                        + pct(b.testAccuracy()) + ")");
            }
            row(sb, "time", String.format(Locale.ROOT, "%.1f s (%.1f s/epoch)", totalEpochSeconds(),
                    totalEpochSeconds() / history.size()));
        }
        sb.append("</table></div>");
        return sb.toString();
    }

    private static void row(StringBuilder sb, String k, String v) {
        sb.append("<tr><td style=\"text-align:left\">").append(Html.escape(k))
                .append("</td><td style=\"text-align:left\">").append(Html.escape(v)).append("</td></tr>");
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }

    @Override
    public String toString() {
        if (history.isEmpty()) {
            return "TrainingRun[" + dataset + " · " + model + ", no epochs]";
        }
        EpochMetrics l = last();
        return String.format(Locale.ROOT, "TrainingRun[%s · %s, seed %d, %d epochs, train %.2f%%, test %.2f%%, %.1fs]",
                dataset, model, config.seed(), history.size(), 100 * l.trainAccuracy(), 100 * l.testAccuracy(),
                totalEpochSeconds());
    }
}
