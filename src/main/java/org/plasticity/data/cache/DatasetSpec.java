package org.plasticity.data.cache;

import java.util.List;
import java.util.Objects;

/**
 * What the cache knows about one data set: its files with checksums and the sources to fill them
 * from, in the order they are tried (machine-local sources first, canonical URLs last).
 *
 * @param name short name used on the command line and in result rows, e.g. {@code mnist}
 * @param title one-line human description with citation
 * @param files the files, all required
 * @param sources where the files can come from, tried in order
 */
public record DatasetSpec(String name, String title, List<DataFile> files, List<FileSource> sources) {

    /** The command line that fills the cache; error messages quote it. */
    public static final String CLI = "java -cp target/classes:target/lib/* org.plasticity.data.DatasetsCli";

    /** Validates and copies the lists. */
    public DatasetSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        files = List.copyOf(files);
        sources = List.copyOf(sources);
        if (!name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("data set name must be lower-case words joined by '-', got '" + name + "'");
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(name + ": a data set needs at least one file");
        }
    }

    /** The command that fills this data set into the default cache. */
    public String fillCommand() {
        return CLI + " fill " + name;
    }

    /**
     * The command that fills this data set into {@code cache}: the plain command for the default
     * cache, and with {@code -Dplasticity.data=DIR} for any other folder, so the fix a user copies
     * fills the folder they read from.
     *
     * @param cache the cache the data is read from
     * @return the command line
     */
    public String fillCommand(DataCache cache) {
        if (cache.root().equals(DataCache.defaultCache().root())) {
            return fillCommand();
        }
        return CLI.replaceFirst("^java ", "java -D" + DataCache.PROPERTY + "=" + cache.root() + " ") + " fill " + name;
    }

    /** The file with the given path relative to the cache root. */
    public DataFile file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no file " + path));
    }

    @Override
    public String toString() {
        return "DatasetSpec[" + name + ": " + files.size() + " files, " + sources.size() + " sources]";
    }
}
