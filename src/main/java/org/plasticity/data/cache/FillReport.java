package org.plasticity.data.cache;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of filling one data set.
 *
 * @param dataset the data set's name
 * @param source the source that delivered the files, or {@code already in cache}
 * @param written the files written into the cache (empty when nothing was needed)
 * @param failedSources sources tried before the one that worked, with the reason each failed
 */
public record FillReport(String dataset, String source, List<Path> written, List<String> failedSources) {

    /** Copies the lists. */
    public FillReport {
        written = List.copyOf(written);
        failedSources = List.copyOf(failedSources);
    }

    @Override
    public String toString() {
        return dataset + ": " + (written.isEmpty() ? source : written.size() + " files from " + source);
    }
}
