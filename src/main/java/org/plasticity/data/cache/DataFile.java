package org.plasticity.data.cache;

import java.util.Objects;

/**
 * One file of a data set as the cache keeps it, with the checksums that identify it.
 *
 * <p>The cache always stores the decompressed content at {@link #path()}. Where the SHA-256 of that
 * content is published, every load checks it; this works for every source, including Debian's
 * re-gzipped copies whose compressed bytes differ from the originals. Where only a checksum of the
 * published archive is known ({@link #archiveSha256()} of the {@code .gz}, or the MD5 of a whole
 * tarball checked by its {@link FileSource}), the fill checks that and records the content's
 * SHA-256 in a sidecar {@code path + ".sha256"}, which every later load checks.
 *
 * @param path location relative to the cache root, e.g. {@code mnist/train-images-idx3-ubyte}
 * @param contentBytes size of the decompressed content, or -1 when unknown
 * @param contentSha256 lower-case hex SHA-256 of the decompressed content, or null when unknown
 * @param archiveSha256 lower-case hex SHA-256 of the published {@code .gz} file, or null
 */
public record DataFile(String path, long contentBytes, String contentSha256, String archiveSha256) {

    /** Validates the path and the checksum format. */
    public DataFile {
        Objects.requireNonNull(path, "path");
        if (path.isBlank() || path.startsWith("/") || path.contains("..")) {
            throw new IllegalArgumentException("data file path must be relative inside the cache, got '" + path + "'");
        }
        checkHex(path, contentSha256);
        checkHex(path, archiveSha256);
    }

    /** A file identified by the SHA-256 of its decompressed content. */
    public static DataFile content(String path, long bytes, String sha256) {
        return new DataFile(path, bytes, sha256, null);
    }

    /** A file identified only by the SHA-256 of its published gzip archive. */
    public static DataFile archive(String path, String archiveSha256) {
        return new DataFile(path, -1, null, archiveSha256);
    }

    /** A file verified only by its source (e.g. the published MD5 of the tarball it comes in). */
    public static DataFile verifiedBySource(String path, long bytes) {
        return new DataFile(path, bytes, null, null);
    }

    /** The file's name without directories. */
    public String fileName() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** The sidecar path (relative to the cache root) that records a fill-time content hash. */
    public String sidecarPath() {
        return path + ".sha256";
    }

    private static void checkHex(String path, String sha) {
        if (sha != null && !sha.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(path + ": SHA-256 must be 64 lower-case hex digits, got '" + sha + "'");
        }
    }

    @Override
    public String toString() {
        String id = contentSha256 != null ? "sha256 " + contentSha256.substring(0, 12) + "…"
                : archiveSha256 != null ? "gz sha256 " + archiveSha256.substring(0, 12) + "…" : "checked by source";
        return "DataFile[" + path + ", " + id + "]";
    }
}
