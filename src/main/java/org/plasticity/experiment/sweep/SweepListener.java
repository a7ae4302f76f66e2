package org.plasticity.experiment.sweep;

import java.util.List;
import org.plasticity.train.EpochMetrics;

/** Callbacks of a running sweep (called from the executor's threads; implementations synchronise). */
public interface SweepListener {

    /** Before the first run. */
    default void started(List<SweepPoint> points) {
    }

    /** A run starts. */
    default void runStarted(SweepPoint p) {
    }

    /**
     * A run finished an epoch (in-process executors only; a resumed run starts at its checkpoint's epoch).
     *
     * @param p the run
     * @param metrics the epoch's metrics
     * @param epochs the run's planned epochs
     */
    default void runEpoch(SweepPoint p, EpochMetrics metrics, int epochs) {
    }

    /** A run ended (done, reused or failed). */
    default void runFinished(RunResult r) {
    }

    /** After the last run. */
    default void finished(List<RunResult> results) {
    }
}
