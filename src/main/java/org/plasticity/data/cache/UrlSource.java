package org.plasticity.data.cache;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The canonical download URL of each file (for users with general internet access). Each
 * download is verified by the {@link CacheFiller} before it enters the cache.
 *
 * @param label short name of the publisher, e.g. {@code canonical MNIST URLs}
 * @param urls data-file path → URL of the file (usually a {@code .gz})
 */
public record UrlSource(String label, Map<String, URI> urls) implements FileSource {

    /** Copies the URL map. */
    public UrlSource {
        urls = Map.copyOf(urls);
    }

    @Override
    public String describe() {
        return label;
    }

    @Override
    public String manualCommand() {
        return "download " + String.join(" ", urls.values().stream().map(URI::toString).sorted().toList());
    }

    @Override
    public Map<DataFile, Path> stage(List<DataFile> wanted, Path workDir) throws IOException {
        Map<DataFile, Path> staged = new LinkedHashMap<>();
        int k = 0;
        for (DataFile f : wanted) {
            URI url = urls.get(f.path());
            if (url == null) {
                throw new IOException(describe() + " has no URL for " + f.path());
            }
            Path target = workDir.resolve("download-" + (k++));
            Downloads.fetch(url, target);
            staged.put(f, target);
        }
        return staged;
    }

    @Override
    public String toString() {
        return "UrlSource[" + label + ", " + urls.size() + " files]";
    }
}
