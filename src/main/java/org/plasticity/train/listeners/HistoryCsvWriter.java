package org.plasticity.train.listeners;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.plasticity.io.AtomicFiles;
import org.plasticity.train.EpochMetrics;
import org.plasticity.train.TrainingListener;
import org.plasticity.train.TrainingSession;

/**
 * Rewrites a run's per-epoch history as CSV after every epoch (atomically), so a long run can be
 * watched and plotted from another process while it trains. Named metrics a learner reports
 * ({@link org.plasticity.train.BatchStats#with}) become extra columns ({@link #csv}).
 */
public final class HistoryCsvWriter implements TrainingListener {

    private final Path file;

    /** @param file the CSV file to (re)write */
    public HistoryCsvWriter(Path file) {
        this.file = file;
    }

    @Override
    public void onEpochEnd(TrainingSession session, EpochMetrics metrics) {
        AtomicFiles.writeString(file, csv(session.history()));
    }

    /**
     * The history as CSV: the fixed columns, then one column per named extra metric any epoch reported (sorted,
     * {@code .} in a key written as {@code _}, e.g. {@code train_firing_rate}); empty cells where a value is NaN or
     * an epoch lacks the metric.
     *
     * @param history the epochs
     * @return the CSV text with a header line
     */
    public static String csv(List<EpochMetrics> history) {
        Set<String> extra = new TreeSet<>();
        history.forEach(m -> extra.addAll(m.extra().keySet()));
        StringBuilder sb = new StringBuilder(
                "epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,test_loss,test_accuracy,seconds");
        extra.forEach(k -> sb.append(',').append(k.replace('.', '_')));
        sb.append('\n');
        for (EpochMetrics m : history) {
            sb.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%s,%s,%.3f", m.epoch(), n(m.trainLoss()),
                    n(m.trainAccuracy()), n(m.validationLoss()), n(m.validationAccuracy()), n(m.testLoss()),
                    n(m.testAccuracy()), m.seconds()));
            for (String k : extra) {
                Double v = m.extra().get(k);
                sb.append(',').append(v == null ? "" : n(v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String n(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v);
    }

    @Override
    public String toString() {
        return "HistoryCsvWriter[" + file + "]";
    }
}
