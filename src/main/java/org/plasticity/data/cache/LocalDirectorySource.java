package org.plasticity.data.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Files already present in a local folder (e.g. a shared copy of the original gzip files). The
 * first candidate folder that exists is used.
 *
 * @param candidates folders to look in, in order
 * @param entries data-file path → file name inside the folder
 */
public record LocalDirectorySource(List<Path> candidates, Map<String, String> entries) implements FileSource {

    /** Copies the lists. */
    public LocalDirectorySource {
        candidates = List.copyOf(candidates);
        entries = Map.copyOf(entries);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a local directory source needs at least one candidate folder");
        }
    }

    @Override
    public String describe() {
        return "local folder " + candidates.get(0) + (candidates.size() > 1 ? " (or " + (candidates.size() - 1) + " more)" : "");
    }

    @Override
    public String manualCommand() {
        return "copy the original files into " + candidates.get(0);
    }

    @Override
    public Map<DataFile, Path> stage(List<DataFile> wanted, Path workDir) throws IOException {
        Path dir = candidates.stream().filter(Files::isDirectory).findFirst()
                .orElseThrow(() -> new IOException("none of the folders " + candidates + " exists"));
        Map<DataFile, Path> staged = new LinkedHashMap<>();
        for (DataFile f : wanted) {
            String name = entries.get(f.path());
            if (name == null) {
                throw new IOException(describe() + " does not provide " + f.path());
            }
            Path p = dir.resolve(name);
            if (!Files.isRegularFile(p)) {
                throw new IOException(dir + " has no file " + name);
            }
            staged.put(f, p);
        }
        return staged;
    }

    @Override
    public String toString() {
        return "LocalDirectorySource[" + candidates + "]";
    }
}
