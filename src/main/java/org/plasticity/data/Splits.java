package org.plasticity.data;

import java.util.Objects;

/**
 * The train / validation / test partition of one task. {@code validation} may be empty-sized but
 * never null; {@code train} is a {@link DataSource} because some tasks redraw samples per epoch.
 *
 * @param name task name used in result rows (e.g. {@code mnist}, {@code context-gating})
 * @param train training data
 * @param validation validation set (model selection)
 * @param test test set (reported numbers)
 */
public record Splits(String name, DataSource train, Dataset validation, Dataset test) {

    /** Validates non-null parts. */
    public Splits {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
    }

    @Override
    public String toString() {
        return "Splits[" + name + ": train=" + train.forEpoch(0, 0L).size() + ", validation="
                + validation.size() + ", test=" + test.size() + "]";
    }
}
