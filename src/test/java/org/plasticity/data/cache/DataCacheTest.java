package org.plasticity.data.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.data.DataFileException;
import org.plasticity.data.TestFiles;

class DataCacheTest {

    private static final String FIX = "java ... DatasetsCli fill demo";

    @TempDir
    Path root;

    private DataFile write(String path, byte[] content) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.write(p, content);
        return DataFile.content(path, content.length, Checksums.sha256(content));
    }

    @Test
    void verifiedReadReturnsContent() throws IOException {
        byte[] c = TestFiles.images(3, 2, 2);
        DataFile f = write("demo/a", c);
        assertArrayEquals(c, new DataCache(root).readVerified(f, FIX));
    }

    @Test
    void gzippedCopyIsAcceptedAndHashedDecompressed() throws IOException {
        byte[] c = TestFiles.images(3, 2, 2);
        Files.createDirectories(root.resolve("demo"));
        Files.write(root.resolve("demo/a.gz"), TestFiles.gzip(c));
        DataFile f = DataFile.content("demo/a", c.length, Checksums.sha256(c));
        assertArrayEquals(c, new DataCache(root).readVerified(f, FIX));
    }

    @Test
    void missingFileNamesPathAndFillCommand() {
        DataFile f = DataFile.content("demo/a", 10, "0".repeat(64));
        DataFileException e = assertThrows(DataFileException.class, () -> new DataCache(root).readVerified(f, FIX));
        assertEquals(root.resolve("demo/a"), e.file());
        assertTrue(e.getMessage().contains("missing") && e.getMessage().endsWith("Fix: " + FIX), e.getMessage());
    }

    @Test
    void checksumMismatchIsRejected() throws IOException {
        byte[] c = TestFiles.images(3, 2, 2);
        DataFile good = write("demo/a", c);
        c[20] ^= 1;
        Files.write(root.resolve("demo/a"), c);
        DataFileException e = assertThrows(DataFileException.class, () -> new DataCache(root).readVerified(good, FIX));
        assertTrue(e.problem().startsWith("checksum mismatch: sha256 " + Checksums.sha256(c) + ", expected " + good.contentSha256()),
                e.problem());
    }

    @Test
    void truncatedFileReportsSizeBeforeHashing() throws IOException {
        byte[] c = TestFiles.images(3, 2, 2);
        DataFile good = write("demo/a", c);
        Files.write(root.resolve("demo/a"), Arrays.copyOf(c, 10));
        DataFileException e = assertThrows(DataFileException.class, () -> new DataCache(root).readVerified(good, FIX));
        assertEquals("truncated: 10 of " + c.length + " bytes", e.problem());
    }

    @Test
    void sourceVerifiedFileNeedsItsSidecarRecord() throws IOException {
        byte[] c = {1, 2, 3};
        Files.createDirectories(root.resolve("demo"));
        Files.write(root.resolve("demo/b"), c);
        DataFile f = DataFile.verifiedBySource("demo/b", 3);
        DataCache cache = new DataCache(root);
        assertTrue(assertThrows(DataFileException.class, () -> cache.readVerified(f, FIX)).problem().contains("no content checksum"));
        Files.writeString(root.resolve("demo/b.sha256"), Checksums.sha256(c) + "\n");
        assertArrayEquals(c, cache.readVerified(f, FIX));
    }

    @Test
    void systemPropertyOverridesDefaultRoot() {
        String old = System.getProperty(DataCache.PROPERTY);
        try {
            System.setProperty(DataCache.PROPERTY, root.toString());
            assertEquals(root.toAbsolutePath(), DataCache.defaultCache().root());
            System.clearProperty(DataCache.PROPERTY);
            if (System.getenv(DataCache.ENV) == null) {
                assertEquals(Path.of(System.getProperty("user.home"), ".plasticity", "datasets"), DataCache.defaultCache().root());
            }
        } finally {
            if (old == null) {
                System.clearProperty(DataCache.PROPERTY);
            } else {
                System.setProperty(DataCache.PROPERTY, old);
            }
        }
    }
}
