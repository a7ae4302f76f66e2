package org.plasticity.data.cache;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Gzip detection and decompression, and extraction of chosen entries from (gzipped) tar files. */
public final class Archives {

    private Archives() {
    }

    /** Whether {@code bytes} start with the gzip magic number {@code 1f 8b}. */
    public static boolean isGzip(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    }

    /**
     * Decompresses gzip bytes.
     *
     * @throws IOException if the stream is corrupt or truncated
     */
    public static byte[] gunzip(byte[] gz) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz), 1 << 16)) {
            return in.readAllBytes();
        }
    }

    /**
     * Extracts the named entries of a tar file (gzipped or not) into {@code dir}.
     *
     * @param tar the archive
     * @param entries entry name in the archive → file name to write in {@code dir}
     * @param dir output folder
     * @return entry name → extracted path, for the entries found
     * @throws IOException on a corrupt archive
     */
    public static Map<String, Path> extractTarEntries(Path tar, Map<String, String> entries, Path dir) throws IOException {
        Map<String, Path> found = new HashMap<>();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(tar), 1 << 16);
                InputStream un = maybeGunzip(raw);
                TarArchiveInputStream in = new TarArchiveInputStream(un)) {
            TarArchiveEntry e;
            while ((e = in.getNextTarEntry()) != null) {
                String name = e.getName().startsWith("./") ? e.getName().substring(2) : e.getName();
                String outName = entries.get(name);
                if (outName != null && e.isFile()) {
                    Path out = dir.resolve(outName);
                    try (OutputStream o = Files.newOutputStream(out)) {
                        in.transferTo(o);
                    }
                    found.put(name, out);
                }
            }
        }
        return found;
    }

    private static InputStream maybeGunzip(InputStream in) throws IOException {
        in.mark(2);
        int a = in.read();
        int b = in.read();
        in.reset();
        return a == 0x1f && b == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
