package org.plasticity.train.listeners;

import java.nio.file.Path;
import org.plasticity.train.EpochMetrics;
import org.plasticity.train.TrainingListener;
import org.plasticity.train.TrainingSession;

/**
 * Writes an atomic checkpoint after every {@code every}-th epoch and after the last one. The
 * trainer resumes from it when {@link org.plasticity.train.Trainer#checkpointDir} points here.
 */
public final class CheckpointListener implements TrainingListener {

    private final Path file;
    private final int every;

    /** Checkpoints after every epoch. */
    public CheckpointListener(Path file) {
        this(file, 1);
    }

    /**
     * @param file checkpoint file
     * @param every epochs between checkpoints (≥ 1)
     */
    public CheckpointListener(Path file, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("checkpoint interval must be ≥ 1 epoch, got " + every);
        }
        this.file = file;
        this.every = every;
    }

    @Override
    public void onEpochEnd(TrainingSession session, EpochMetrics metrics) {
        if (metrics.epoch() % every == 0 || metrics.epoch() == session.config().epochs()) {
            session.saveCheckpoint(file);
        }
    }

    @Override
    public String toString() {
        return "CheckpointListener[" + file + ", every " + every + "]";
    }
}
