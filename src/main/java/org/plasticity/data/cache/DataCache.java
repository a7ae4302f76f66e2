package org.plasticity.data.cache;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.ZipException;
import org.plasticity.data.DataFileException;

/**
 * The folder that holds the data sets, outside the project: {@code ~/.plasticity/datasets} unless
 * the system property {@code plasticity.data} or the environment variable {@code PLASTICITY_DATA}
 * names another (property first). Reads here are always verified against the file's checksum.
 *
 * @param root the cache folder
 */
public record DataCache(Path root) {

    /** System property that overrides the cache folder. */
    public static final String PROPERTY = "plasticity.data";
    /** Environment variable that overrides the cache folder. */
    public static final String ENV = "PLASTICITY_DATA";

    /** Normalises the root to an absolute path. */
    public DataCache {
        root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    /** The cache configured for this process (property, then environment, then the default). */
    public static DataCache defaultCache() {
        String prop = System.getProperty(PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return new DataCache(Path.of(prop));
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return new DataCache(Path.of(env));
        }
        return new DataCache(Path.of(System.getProperty("user.home"), ".plasticity", "datasets"));
    }

    /** Where the cache stores {@code file}. */
    public Path pathOf(DataFile file) {
        return root.resolve(file.path());
    }

    /** Whether {@code file} (or a gzipped copy of it) is present; says nothing about its content. */
    public boolean isPresent(DataFile file) {
        return Files.isRegularFile(pathOf(file)) || Files.isRegularFile(gzPathOf(file));
    }

    /**
     * The decompressed content of {@code file}, verified: size (when known) and SHA-256 (published,
     * or recorded at fill time). A gzipped copy {@code NAME.gz} is accepted when {@code NAME} is
     * absent.
     *
     * @param file the file
     * @param fix the command that (re)fills it, quoted in errors
     * @return the verified bytes
     * @throws DataFileException if the file is missing, truncated, corrupt or has the wrong checksum
     */
    public byte[] readVerified(DataFile file, String fix) {
        return readVerified(file, fix, (where, content, f) -> { });
    }

    /**
     * As {@link #readVerified(DataFile, String)}, but checks the content's format first, so a file of
     * the wrong kind (an HTML error page saved under the data file's name) is reported as such
     * rather than as "truncated" or "checksum mismatch".
     *
     * @param file the file
     * @param fix the command that (re)fills it, quoted in errors
     * @param format throws a {@link DataFileException} when the decompressed content is not of the
     *     expected format (e.g. {@code IdxData::checkMagic})
     * @return the verified bytes
     */
    public byte[] readVerified(DataFile file, String fix, FormatCheck format) {
        Path p = pathOf(file);
        if (!Files.isRegularFile(p)) {
            Path gz = gzPathOf(file);
            if (!Files.isRegularFile(gz)) {
                throw new DataFileException(p, "missing (the data cache is " + root + ")", fix);
            }
            p = gz;
        }
        byte[] raw;
        try {
            raw = Files.readAllBytes(p);
        } catch (IOException e) {
            throw new DataFileException(p, "unreadable: " + e.getMessage(), fix, e);
        }
        byte[] content = decompressIfGzip(p, raw, fix);
        format.check(p, content, fix);
        checkContent(p, file, content, fix);
        return content;
    }

    /** A format check on decompressed content, run before the size and checksum checks. */
    @FunctionalInterface
    public interface FormatCheck {
        /**
         * @param where the file, named in errors
         * @param content decompressed bytes
         * @param fix the fix command
         * @throws DataFileException when the content is not of the expected format
         */
        void check(Path where, byte[] content, String fix);
    }

    /**
     * Checks already decompressed bytes against {@code file}'s size and SHA-256.
     *
     * @param where the path to name in errors
     * @throws DataFileException on a wrong size or checksum
     */
    public void checkContent(Path where, DataFile file, byte[] content, String fix) {
        if (file.contentBytes() >= 0 && content.length != file.contentBytes()) {
            String what = content.length < file.contentBytes() ? "truncated: " + content.length + " of "
                    + file.contentBytes() + " bytes" : content.length + " bytes, expected " + file.contentBytes();
            throw new DataFileException(where, what, fix);
        }
        String expected = expectedSha256(file, where, fix);
        String got = Checksums.sha256(content);
        if (!got.equals(expected)) {
            throw new DataFileException(where, "checksum mismatch: sha256 " + got + ", expected " + expected
                    + " (damaged, partial or a different file)", fix);
        }
    }

    /** Decompresses {@code raw} if it is gzip data; names {@code where} in errors. */
    static byte[] decompressIfGzip(Path where, byte[] raw, String fix) {
        if (!Archives.isGzip(raw)) {
            return raw;
        }
        try {
            return Archives.gunzip(raw);
        } catch (EOFException e) {
            throw new DataFileException(where, "truncated gzip stream (" + raw.length + " bytes)", fix, e);
        } catch (ZipException e) {
            throw new DataFileException(where, "corrupt gzip stream: " + e.getMessage(), fix, e);
        } catch (IOException e) {
            throw new DataFileException(where, "unreadable gzip stream: " + e.getMessage(), fix, e);
        }
    }

    private String expectedSha256(DataFile file, Path where, String fix) {
        if (file.contentSha256() != null) {
            return file.contentSha256();
        }
        Path sidecar = root.resolve(file.sidecarPath());
        try {
            String s = Files.readString(sidecar, StandardCharsets.US_ASCII).strip();
            if (!s.matches("[0-9a-f]{64}")) {
                throw new DataFileException(sidecar, "not a SHA-256 record", fix);
            }
            return s;
        } catch (IOException e) {
            throw new DataFileException(where, "no content checksum recorded (" + sidecar.getFileName()
                    + " is missing): the file did not come from a verified fill", fix, e);
        }
    }

    private Path gzPathOf(DataFile file) {
        return root.resolve(file.path() + ".gz");
    }

    @Override
    public String toString() {
        return "DataCache[" + root + "]";
    }
}
