package org.plasticity.data.cache;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Files inside one published tarball at its canonical URL, checked against the publisher's MD5
 * (the only checksum some publishers give, e.g. CIFAR-10) before anything is extracted.
 *
 * @param label short name, e.g. {@code canonical CIFAR-10 binary tarball}
 * @param url the tarball's URL
 * @param md5 the publisher's lower-case hex MD5 of the tarball
 * @param entries data-file path → entry name inside the tarball
 */
public record TarballUrlSource(String label, URI url, String md5, Map<String, String> entries) implements FileSource {

    /** Validates the checksum and copies the entry map. */
    public TarballUrlSource {
        Objects.requireNonNull(url, "url");
        if (md5 == null || !md5.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("tarball MD5 must be 32 lower-case hex digits, got '" + md5 + "'");
        }
        entries = Map.copyOf(entries);
    }

    @Override
    public String describe() {
        return label + " (" + url + ")";
    }

    @Override
    public String manualCommand() {
        return "download " + url + " (md5 " + md5 + ") and unpack it";
    }

    @Override
    public Map<DataFile, Path> stage(List<DataFile> wanted, Path workDir) throws IOException {
        Path tar = workDir.resolve("download.tar.gz");
        Downloads.fetch(url, tar);
        String got = Checksums.hex(digestOf(tar));
        if (!got.equals(md5)) {
            throw new IOException(url + ": MD5 " + got + " differs from the published " + md5
                    + " (interrupted or altered download)");
        }
        Map<String, String> byEntry = new HashMap<>();
        int k = 0;
        for (DataFile f : wanted) {
            String entry = entries.get(f.path());
            if (entry == null) {
                throw new IOException(describe() + " does not provide " + f.path());
            }
            byEntry.put(entry, "staged-" + (k++));
        }
        Map<String, Path> found = Archives.extractTarEntries(tar, byEntry, workDir);
        Map<DataFile, Path> staged = new LinkedHashMap<>();
        for (DataFile f : wanted) {
            Path p = found.get(entries.get(f.path()));
            if (p == null) {
                throw new IOException(url + " has no entry " + entries.get(f.path()));
            }
            staged.put(f, p);
        }
        return staged;
    }

    private static byte[] digestOf(Path file) throws IOException {
        var md = Checksums.newDigest("MD5");
        try (var in = new java.security.DigestInputStream(java.nio.file.Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return md.digest();
    }

    @Override
    public String toString() {
        return "TarballUrlSource[" + url + "]";
    }
}
