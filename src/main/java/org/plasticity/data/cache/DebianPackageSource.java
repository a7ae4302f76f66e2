package org.plasticity.data.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Files inside a Debian package, fetched with {@code apt-get download} (no install, no root
 * needed beyond what apt requires) and unpacked with {@code dpkg-deb -x}.
 *
 * @param packageName the Debian package, e.g. {@code dataset-fashion-mnist}
 * @param entries data-file path → path inside the package (e.g. {@code usr/share/datasets/...})
 */
public record DebianPackageSource(String packageName, Map<String, String> entries) implements FileSource {

    /** Copies the entry map. */
    public DebianPackageSource {
        Objects.requireNonNull(packageName, "packageName");
        if (!packageName.matches("[a-z0-9][a-z0-9.+-]+")) {
            throw new IllegalArgumentException("not a Debian package name: '" + packageName + "'");
        }
        entries = Map.copyOf(entries);
    }

    @Override
    public String describe() {
        return "Debian package " + packageName;
    }

    @Override
    public String manualCommand() {
        return "apt-get update && apt-get download " + packageName + " && dpkg-deb -x " + packageName + "_*.deb DIR";
    }

    @Override
    public Map<DataFile, Path> stage(List<DataFile> wanted, Path workDir) throws IOException {
        try {
            Commands.run(workDir, 600, List.of("apt-get", "download", packageName));
        } catch (IOException first) {
            throw new IOException(first.getMessage() + " (if the package is unknown, run 'apt-get update' first)", first);
        }
        Path deb;
        try (Stream<Path> s = Files.list(workDir)) {
            deb = s.filter(p -> p.getFileName().toString().endsWith(".deb")).findFirst()
                    .orElseThrow(() -> new IOException("apt-get download " + packageName + " produced no .deb file"));
        }
        Path tree = workDir.resolve("tree");
        Files.createDirectories(tree);
        Commands.run(workDir, 600, List.of("dpkg-deb", "-x", deb.toString(), tree.toString()));
        Map<DataFile, Path> staged = new LinkedHashMap<>();
        for (DataFile f : wanted) {
            String inside = entries.get(f.path());
            if (inside == null) {
                throw new IOException(describe() + " does not provide " + f.path());
            }
            Path p = tree.resolve(inside);
            if (!Files.isRegularFile(p)) {
                throw new IOException(describe() + " has no file " + inside);
            }
            staged.put(f, p);
        }
        return staged;
    }

    @Override
    public String toString() {
        return "DebianPackageSource[" + packageName + ", " + entries.size() + " files]";
    }
}
