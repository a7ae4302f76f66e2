package org.plasticity.train;

/**
 * Everything around the training loop is a listener: live progress, NaN guard, checkpointing,
 * metric recording, early stopping. All methods have empty defaults.
 */
public interface TrainingListener {

    /**
     * Before the first epoch (after a resume, the session already holds the restored history).
     *
     * @param session the running session
     */
    default void onTrainingBegin(TrainingSession session) {
    }

    /**
     * After the learner computed a batch's gradients, before the optimizer applies them.
     *
     * @param session the running session
     * @param ctx the batch's position
     * @param stats the batch's loss and accuracy
     */
    default void onBatchEnd(TrainingSession session, StepContext ctx, BatchStats stats) {
    }

    /**
     * After an epoch was trained and evaluated.
     *
     * @param session the running session
     * @param metrics the epoch's metrics (already appended to the session's history)
     */
    default void onEpochEnd(TrainingSession session, EpochMetrics metrics) {
    }

    /**
     * After the last epoch.
     *
     * @param session the session
     * @param run the finished run
     */
    default void onTrainingEnd(TrainingSession session, TrainingRun run) {
    }
}
