package org.plasticity.data.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.data.DataFileException;
import org.plasticity.data.TestFiles;

class CacheFillerTest {

    @TempDir
    Path tmp;

    private final byte[] images = TestFiles.images(4, 3, 3);
    private final byte[] labels = TestFiles.labels(4, 2);
    private final DataFile fImages = DataFile.content("demo/images", images.length, Checksums.sha256(images));
    private final DataFile fLabels = DataFile.content("demo/labels", labels.length, Checksums.sha256(labels));

    private LocalDirectorySource folder(String name, byte[] img, byte[] lab) throws IOException {
        Path d = Files.createDirectories(tmp.resolve(name));
        Files.write(d.resolve("images.gz"), TestFiles.gzip(img));
        Files.write(d.resolve("labels"), lab);
        return new LocalDirectorySource(List.of(d), Map.of("demo/images", "images.gz", "demo/labels", "labels"));
    }

    private DatasetSpec spec(FileSource... sources) {
        return new DatasetSpec("demo", "demo data", List.of(fImages, fLabels), List.of(sources));
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void fillsDecompressedVerifiedFilesAndThenReportsCached() throws IOException {
        DataCache cache = new DataCache(tmp.resolve("cache"));
        FillReport r = new CacheFiller(cache).fill(spec(folder("src", images, labels)));
        assertEquals(2, r.written().size());
        assertArrayEquals(images, Files.readAllBytes(cache.pathOf(fImages)));
        assertEquals("already in cache", new CacheFiller(cache).fill(spec(folder("src2", images, labels))).source());
        assertEquals(2, filesUnder(cache.root()).size());
    }

    @Test
    void sourceWithWrongChecksumIsSkippedForTheNextOne() throws IOException {
        byte[] altered = images.clone();
        altered[30] ^= 1;
        DataCache cache = new DataCache(tmp.resolve("cache"));
        FillReport r = new CacheFiller(cache).fill(spec(folder("bad", altered, labels), folder("good", images, labels)));
        assertEquals(1, r.failedSources().size());
        assertTrue(r.failedSources().get(0).contains("checksum mismatch"), r.failedSources().get(0));
        assertArrayEquals(images, cache.readVerified(fImages, "fix"));
    }

    @Test
    void interruptedCopyInSourceNeverReachesTheCache() throws IOException {
        byte[] gz = TestFiles.gzip(images);
        Path d = Files.createDirectories(tmp.resolve("cut"));
        Files.write(d.resolve("images.gz"), Arrays.copyOf(gz, gz.length - 7));
        Files.write(d.resolve("labels"), labels);
        LocalDirectorySource cut = new LocalDirectorySource(List.of(d), Map.of("demo/images", "images.gz", "demo/labels", "labels"));
        DataCache cache = new DataCache(tmp.resolve("cache"));
        DataFileException e = assertThrows(DataFileException.class, () -> new CacheFiller(cache).fill(spec(cut)));
        assertTrue(e.problem().contains("truncated gzip"), e.problem());
        assertEquals(List.of(), filesUnder(cache.root()), "a failed fill leaves nothing in the cache");
    }

    @Test
    void allSourcesFailingNamesEachSourceAndTheManualFix() throws IOException {
        DataCache cache = new DataCache(tmp.resolve("cache"));
        UrlSource unreachable = new UrlSource("test URL", Map.of("demo/images", URI.create("http://127.0.0.1:9/images.gz"),
                "demo/labels", URI.create("http://127.0.0.1:9/labels.gz")));
        LocalDirectorySource absent = new LocalDirectorySource(List.of(tmp.resolve("no-such-dir")),
                Map.of("demo/images", "i", "demo/labels", "l"));
        DataFileException e = assertThrows(DataFileException.class, () -> new CacheFiller(cache).fill(spec(absent, unreachable)));
        assertTrue(e.problem().contains("local folder") && e.problem().contains("cannot download http://127.0.0.1:9/"), e.problem());
        assertTrue(e.fix().contains("download http://127.0.0.1:9/images.gz"), e.fix());
        assertFalse(Files.exists(cache.pathOf(fImages)));
        assertEquals(List.of(), filesUnder(cache.root()));
    }

    @Test
    void interruptedDownloadNeverReachesTheCache() throws IOException {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        byte[] gzImages = TestFiles.gzip(images);
        server.createContext("/labels.gz", ex -> {
            byte[] body = TestFiles.gzip(labels);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/images.gz", ex -> {
            ex.sendResponseHeaders(200, gzImages.length);
            ex.getResponseBody().write(gzImages, 0, gzImages.length / 2);
            ex.getResponseBody().flush();
            ex.getHttpContext().getServer().stop(0);
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            UrlSource web = new UrlSource("local test server", Map.of("demo/labels", URI.create(base + "/labels.gz"),
                    "demo/images", URI.create(base + "/images.gz")));
            DataCache cache = new DataCache(tmp.resolve("cache"));
            DataFileException e = assertThrows(DataFileException.class, () -> new CacheFiller(cache).fill(spec(web)));
            assertTrue(e.problem().contains("local test server"), e.problem());
            assertEquals(List.of(), filesUnder(cache.root()), "neither the complete nor the cut file may land in the cache");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void archiveChecksumIsCheckedAndContentHashRecorded() throws IOException {
        byte[] gz = TestFiles.gzip(images);
        DataFile archived = new DataFile("demo/images", images.length, null, Checksums.sha256(gz));
        DataCache cache = new DataCache(tmp.resolve("cache"));
        Path d = Files.createDirectories(tmp.resolve("arch"));
        Files.write(d.resolve("images.gz"), gz);
        DatasetSpec spec = new DatasetSpec("demo", "demo", List.of(archived),
                List.of(new LocalDirectorySource(List.of(d), Map.of("demo/images", "images.gz"))));
        new CacheFiller(cache).fill(spec);
        assertEquals(Checksums.sha256(images), Files.readString(cache.root().resolve("demo/images.sha256")).strip());
        assertArrayEquals(images, cache.readVerified(archived, "fix"));

        DataFile wrongArchive = new DataFile("demo/other", images.length, null, "a".repeat(64));
        DatasetSpec bad = new DatasetSpec("demo", "demo", List.of(wrongArchive),
                List.of(new LocalDirectorySource(List.of(d), Map.of("demo/other", "images.gz"))));
        assertTrue(assertThrows(DataFileException.class, () -> new CacheFiller(cache).fill(bad)).problem()
                .contains("differs from the published"));
    }
}
