package org.plasticity.experiment.sweep;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.plasticity.results.RunRecord;

/**
 * What one run of a sweep gave: its index, seed and knob values, whether it finished, and then its
 * metrics and provenance (from its {@link RunRecord}), or the failure message.
 *
 * @param index position in the sweep (0-based)
 * @param runId experiment id of its stored run
 * @param seed the seed
 * @param knobs the varied and fixed knob overrides of this run (knob name to canonical value)
 * @param state done, reused (finished earlier, read back) or failed
 * @param message failure message (empty unless failed)
 * @param metrics the record's metrics (empty when failed)
 * @param epochs epochs trained (0 when failed)
 * @param trainSeconds training time of the record
 * @param wallSeconds wall time of this call (0 for reused runs)
 * @param config the record's configuration string
 * @param commit the record's commit
 * @param data the record's data identity and checksums
 */
public record RunResult(int index, String runId, long seed, Map<String, Object> knobs, State state, String message,
        Map<String, Double> metrics, int epochs, double trainSeconds, double wallSeconds, String config, String commit,
        String data) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How a run ended. */
    public enum State {
        /** Trained now. */
        DONE,
        /** Finished before; its record was read back. */
        REUSED,
        /** Threw or diverged; recorded with its message. */
        FAILED
    }

    /** Copies the maps (insertion order kept). */
    public RunResult {
        knobs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(knobs));
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        message = message == null ? "" : message;
    }

    /** A finished run. */
    static RunResult of(SweepPoint p, RunRecord r, boolean reused, double wallSeconds) {
        return new RunResult(p.index(), p.runId(), p.seed(), p.overrides(), reused ? State.REUSED : State.DONE, "",
                r.metrics(), r.epochs(), r.wallSeconds(), wallSeconds, r.config(), r.commit(), r.data());
    }

    /** A failed run. */
    static RunResult failed(SweepPoint p, String message, double wallSeconds) {
        return new RunResult(p.index(), p.runId(), p.seed(), p.overrides(), State.FAILED, message, Map.of(), 0, 0,
                wallSeconds, "", "", "");
    }

    /** Whether it has a record (done or reused). */
    public boolean finished() {
        return state != State.FAILED;
    }
}
