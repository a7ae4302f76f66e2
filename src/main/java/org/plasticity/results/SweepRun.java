package org.plasticity.results;

import java.nio.file.Path;

/**
 * One unit of a {@link SeedSweep}: the seed to use and the directory where this run may keep its
 * checkpoint (pass it to {@code Trainer.checkpointDir}) so that a killed run resumes.
 *
 * @param experiment experiment id
 * @param index position in the sweep (0-based)
 * @param seed the seed of this run
 * @param checkpointDir this run's private directory
 * @param profile the profile the sweep runs in
 */
public record SweepRun(String experiment, int index, long seed, Path checkpointDir, Profile profile) {

    @Override
    public String toString() {
        return "SweepRun[" + experiment + " #" + index + ", seed " + seed + ", " + profile.id() + "]";
    }
}
