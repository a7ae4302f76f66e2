package org.plasticity.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void anInterruptedThreadStillWritesTheWholeFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("checkpoint.bin");
        AtomicFiles.writeString(f, "old");
        byte[] big = new byte[1 << 20];
        java.util.Arrays.fill(big, (byte) 7);
        Thread.currentThread().interrupt(); // as a notebook's interrupt button leaves a training thread
        try {
            AtomicFiles.write(f, big);
            assertEquals(true, Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
        } finally {
            Thread.interrupted();
        }
        assertEquals(big.length, Files.size(f));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file left");
        }
    }

    @Test
    void replacesContentAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sub/a.csv");
        AtomicFiles.writeString(f, "one");
        AtomicFiles.writeString(f, "two");
        assertEquals("two", Files.readString(f));
        try (var files = Files.list(f.getParent())) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void newFilesAreWorldReadableAndExistingPermissionsAreKept(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.csv");
        AtomicFiles.writeString(f, "x");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw-r--"));
        AtomicFiles.writeString(f, "y");
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }

    @Test
    void failureNamesTheFileAndKeepsTheOldContent(@TempDir Path dir) throws Exception {
        Path blocker = dir.resolve("not-a-dir");
        Files.writeString(blocker, "keep");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> AtomicFiles.writeString(blocker.resolve("x.csv"), "data"));
        assertEquals(true, e.getMessage().contains("x.csv"));
        assertEquals("keep", Files.readString(blocker));
    }
}
