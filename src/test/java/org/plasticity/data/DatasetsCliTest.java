package org.plasticity.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.data.cache.DataCache;

class DatasetsCliTest {

    @TempDir
    Path cache;

    private String old;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void pointAtTempCache() {
        old = System.getProperty(DataCache.PROPERTY);
        System.setProperty(DataCache.PROPERTY, cache.toString());
    }

    @AfterEach
    void restore() {
        if (old == null) {
            System.clearProperty(DataCache.PROPERTY);
        } else {
            System.setProperty(DataCache.PROPERTY, old);
        }
    }

    private int run(String... args) {
        return DatasetsCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void listShowsEveryDataSetAndItsState() {
        assertEquals(0, run("list"));
        String s = out.toString(StandardCharsets.UTF_8);
        assertTrue(s.contains(cache.toString()));
        assertTrue(s.matches("(?s).*mnist\\s+absent.*kmnist-test\\s+absent.*cifar-10\\s+absent.*"), s);
    }

    @Test
    void verifyOfAnEmptyCacheFailsWithTheFillCommand() throws IOException {
        Files.createDirectories(cache.resolve("mnist"));
        Files.write(cache.resolve("mnist/.train-images-idx3-ubyte123.tmp"), new byte[] {1});
        assertEquals(1, run("verify", "mnist"));
        String s = out.toString(StandardCharsets.UTF_8);
        assertTrue(s.contains("FAILED   mnist/train-images-idx3-ubyte: missing"), s);
        assertTrue(s.contains("DatasetsCli fill mnist"), s);
        assertTrue(s.contains("leftover"), s);
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run());
        assertEquals(2, run("frobnicate"));
        assertEquals(2, run("verify", "no-such-set"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown data set 'no-such-set'"));
    }
}
