package org.plasticity.experiment.sweep;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.plasticity.results.Profile;

/**
 * One run of a sweep as plain data: index, recipe id, knob overrides, seed and profile.
 *
 * @param index position in the sweep (0-based; the job-array index)
 * @param recipe recipe id
 * @param runId experiment id of its stored run (recipe id plus the overrides' suffix)
 * @param overrides knob overrides (sorted by name, canonical values)
 * @param seed the seed
 * @param profile the profile
 */
public record SweepPoint(int index, String recipe, String runId, Map<String, Object> overrides, long seed,
        Profile profile) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Copies the overrides. */
    public SweepPoint {
        overrides = Collections.unmodifiableMap(new TreeMap<>(overrides));
    }

    /** The overrides as an ordered map (for JSON). */
    Map<String, Object> overridesCopy() {
        return new LinkedHashMap<>(overrides);
    }

    @Override
    public String toString() {
        return "#" + index + " " + runId + " seed " + seed + (overrides.isEmpty() ? "" : " " + overrides);
    }
}
