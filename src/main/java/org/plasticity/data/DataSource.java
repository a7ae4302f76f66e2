package org.plasticity.data;

/**
 * Training data as seen by the trainer: the data set to iterate in a given epoch.
 *
 * <p>A plain {@link Dataset} is its own source (the same samples every epoch). Tasks whose samples
 * are redrawn each epoch (for example the context-gating task, whose noise half is resampled)
 * return a fresh, deterministic view per epoch, so that a resumed run sees exactly the data the
 * interrupted run would have seen.
 */
@FunctionalInterface
public interface DataSource {

    /**
     * The samples of one epoch.
     *
     * @param epoch zero-based epoch index
     * @param seed the run's seed; views that draw random numbers must derive them from
     *     {@code (seed, epoch)} only
     * @return the data set to iterate in that epoch
     */
    Dataset forEpoch(int epoch, long seed);
}
