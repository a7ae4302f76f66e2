package org.plasticity.data.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    /** A stream that delivers {@code good} bytes and then fails, like a dropped connection. */
    private static InputStream breaksAfter(int good) {
        return new InputStream() {
            private int n;

            @Override
            public int read() throws IOException {
                if (n >= good) {
                    throw new IOException("connection reset");
                }
                n++;
                return 42;
            }
        };
    }

    @Test
    void interruptedCopyLeavesNeitherTargetNorTempFile() throws IOException {
        Path target = dir.resolve("sub/file.bin");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, breaksAfter(100_000)));
        assertFalse(Files.exists(target));
        try (Stream<Path> s = Files.walk(dir)) {
            assertEquals(0, s.filter(Files::isRegularFile).count());
        }
    }

    @Test
    void interruptedCopyKeepsThePreviousGoodFile() throws IOException {
        Path target = dir.resolve("file.bin");
        AtomicFiles.write(target, new byte[] {1, 2, 3});
        assertThrows(IOException.class, () -> AtomicFiles.write(target, breaksAfter(10)));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void completedStreamReplacesTarget() throws IOException {
        Path target = dir.resolve("file.bin");
        AtomicFiles.write(target, new byte[] {9});
        assertEquals(5, AtomicFiles.write(target, new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5})));
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, Files.readAllBytes(target));
        assertTrue(AtomicFiles.isLeftover(Path.of("x.bin.part-123")));
        assertFalse(AtomicFiles.isLeftover(target));
    }
}
