package org.plasticity.experiment;

import java.nio.file.Path;
import java.util.Optional;
import org.plasticity.results.RunStore;
import org.plasticity.train.Checkpoint;

/**
 * Where one seed of one experiment stands.
 *
 * @param experiment experiment id
 * @param seed the seed
 * @param state done (committed or in the user's run folder), in progress, or not started
 * @param epochsDone epochs finished (from the record or the checkpoint)
 * @param epochs epochs the run trains
 */
public record RunStatus(String experiment, long seed, State state, int epochsDone, int epochs) {

    /** The states of a run. */
    public enum State {
        /** Its record is in the committed {@code results/runs/}. */
        DONE_COMMITTED,
        /** Its record is in the user's run folder (not recorded). */
        DONE,
        /** A checkpoint exists, no record yet. */
        IN_PROGRESS,
        /** Nothing stored. */
        NOT_STARTED
    }

    /**
     * Reads the status from a store.
     *
     * @param store the run store
     * @param experiment experiment id
     * @param seed the seed
     * @param epochs the run's epochs
     * @return the status
     */
    public static RunStatus of(RunStore store, String experiment, long seed, int epochs) {
        Optional<Path> rec = store.record(experiment, seed);
        if (rec.isPresent()) {
            int done = org.plasticity.results.RunRecord.load(rec.get()).epochs();
            return new RunStatus(experiment, seed, store.isCommitted(experiment, seed)
                    && !rec.get().startsWith(store.output()) ? State.DONE_COMMITTED : State.DONE, done, epochs);
        }
        Optional<Path> ck = store.checkpoint(experiment, seed);
        if (ck.isPresent()) {
            return new RunStatus(experiment, seed, State.IN_PROGRESS, Checkpoint.load(ck.get()).epochsDone(), epochs);
        }
        return new RunStatus(experiment, seed, State.NOT_STARTED, 0, epochs);
    }

    @Override
    public String toString() {
        String s = switch (state) {
            case DONE_COMMITTED -> "done (committed, " + epochsDone + " epochs)";
            case DONE -> "done (" + epochsDone + " epochs, not recorded)";
            case IN_PROGRESS -> "in progress, epoch " + epochsDone + "/" + epochs;
            case NOT_STARTED -> "not started";
        };
        return experiment + " seed " + seed + ": " + s;
    }
}
