package org.plasticity.train.listeners;

import org.plasticity.display.LiveDisplay;
import org.plasticity.train.BatchStats;
import org.plasticity.train.EpochMetrics;
import org.plasticity.train.StepContext;
import org.plasticity.train.TrainingListener;
import org.plasticity.train.TrainingProgress;
import org.plasticity.train.TrainingRun;
import org.plasticity.train.TrainingSession;

/**
 * Shows a {@link TrainingProgress} once and updates it in place: in a notebook the same output
 * cell changes (a small live chart included); in a terminal one line is printed per epoch.
 * Intra-epoch updates are throttled (at most one per {@code minIntervalMillis}) so that display
 * never slows training.
 */
public final class ProgressListener implements TrainingListener {

    private final LiveDisplay display;
    private final long minIntervalMillis;
    private LiveDisplay.Handle handle;
    private long lastUpdate;
    private BatchStats epochStats = BatchStats.EMPTY;
    private int batchInEpoch;

    /** Uses {@link LiveDisplay#current()}; intra-epoch updates at most every 2 s in notebooks. */
    public ProgressListener() {
        this(LiveDisplay.current(), 2000);
    }

    /**
     * @param display where to show progress
     * @param minIntervalMillis minimum time between intra-epoch updates (console: per epoch only
     *     when the display is the console)
     */
    public ProgressListener(LiveDisplay display, long minIntervalMillis) {
        this.display = display;
        this.minIntervalMillis = minIntervalMillis;
    }

    @Override
    public void onTrainingBegin(TrainingSession session) {
        handle = display.show(progress(session, session.epochsDone() + 1, false));
        lastUpdate = System.currentTimeMillis();
    }

    @Override
    public void onBatchEnd(TrainingSession session, StepContext ctx, BatchStats stats) {
        if (ctx.batch() == 0) {
            epochStats = BatchStats.EMPTY;
        }
        epochStats = epochStats.plus(stats);
        batchInEpoch = ctx.batch() + 1;
        long now = System.currentTimeMillis();
        if (!(display instanceof org.plasticity.display.ConsoleDisplay) && now - lastUpdate >= minIntervalMillis) {
            handle.update(progress(session, ctx.epoch() + 1, false));
            lastUpdate = now;
        }
    }

    @Override
    public void onEpochEnd(TrainingSession session, EpochMetrics metrics) {
        batchInEpoch = session.batchesPerEpoch();
        // the line names the epoch that just ended, next to that epoch's own numbers
        handle.update(progress(session, metrics.epoch(), false));
        lastUpdate = System.currentTimeMillis();
    }

    @Override
    public void onTrainingEnd(TrainingSession session, TrainingRun run) {
        if (display instanceof org.plasticity.display.ConsoleDisplay) {
            return; // the last epoch line already said everything
        }
        handle.update(progress(session, session.epochsDone(), true));
    }

    private TrainingProgress progress(TrainingSession s, int epoch, boolean done) {
        int epochs = s.config().epochs();
        int current = Math.max(1, Math.min(epochs, epoch));
        double perEpoch = s.history().stream().skip(s.resumedAtEpoch()).mapToDouble(EpochMetrics::seconds).average()
                .orElse(Double.NaN);
        double eta = perEpoch * (epochs - s.epochsDone());
        return new TrainingProgress(s.name(), current, epochs, batchInEpoch, s.batchesPerEpoch(), epochStats.meanLoss(),
                epochStats.accuracy(), s.history(), eta, done);
    }

    @Override
    public String toString() {
        return "ProgressListener[" + display + "]";
    }
}
