package org.plasticity.train.listeners;

import java.nio.file.Path;
import java.util.Locale;
import org.plasticity.io.AtomicFiles;
import org.plasticity.train.EpochMetrics;
import org.plasticity.train.TrainingListener;
import org.plasticity.train.TrainingSession;

/**
 * Rewrites a run's per-epoch history as CSV after every epoch (atomically), so a long run can be
 * watched and plotted from another process while it trains.
 */
public final class HistoryCsvWriter implements TrainingListener {

    private final Path file;

    /** @param file the CSV file to (re)write */
    public HistoryCsvWriter(Path file) {
        this.file = file;
    }

    @Override
    public void onEpochEnd(TrainingSession session, EpochMetrics metrics) {
        StringBuilder sb = new StringBuilder(
                "epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,test_loss,test_accuracy,seconds\n");
        for (EpochMetrics m : session.history()) {
            sb.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%s,%s,%.3f%n", m.epoch(), n(m.trainLoss()),
                    n(m.trainAccuracy()), n(m.validationLoss()), n(m.validationAccuracy()), n(m.testLoss()),
                    n(m.testAccuracy()), m.seconds()));
        }
        AtomicFiles.writeString(file, sb);
    }

    private static String n(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v);
    }

    @Override
    public String toString() {
        return "HistoryCsvWriter[" + file + "]";
    }
}
