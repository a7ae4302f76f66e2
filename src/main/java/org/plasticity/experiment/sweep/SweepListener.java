package org.plasticity.experiment.sweep;

import java.util.List;

/** Callbacks of a running sweep (called from the executor's threads; implementations synchronise). */
public interface SweepListener {

    /** Before the first run. */
    default void started(List<SweepPoint> points) {
    }

    /** A run starts. */
    default void runStarted(SweepPoint p) {
    }

    /** A run ended (done, reused or failed). */
    default void runFinished(RunResult r) {
    }

    /** After the last run. */
    default void finished(List<RunResult> results) {
    }
}
