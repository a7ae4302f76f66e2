package org.plasticity.io;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Crash-safe file replacement: write to a temporary file in the target's directory, force it to
 * disk, then rename it over the target. A kill at any moment leaves either the old or the new
 * file, never a half-written one, and never a stray temporary file after a failure. An interrupt of
 * the writing thread does not abort the write.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Replaces {@code file} with {@code bytes} atomically (creating parent directories).
     *
     * @param file the target
     * @param bytes the complete new content
     * @throws UncheckedIOException naming the file when writing fails
     */
    public static void write(Path file, byte[] bytes) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try {
                keepOrdinaryPermissions(tmp, file);
                // java.io, not an NIO channel: Thread.interrupt() (a notebook's interrupt button) closes
                // channels mid-write, while a stream finishes, so an interrupted run still saves whole files.
                try (FileOutputStream out = new FileOutputStream(tmp.toFile())) {
                    out.write(bytes);
                    out.getFD().sync();
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage()
                    + " (check that the directory is writable and the disk is not full)", e);
        }
    }

    /**
     * Temporary files are created owner-only (0600); give the replacement the target's permissions,
     * or the usual 0644 for a new file, so results and notebooks stay readable by others.
     */
    private static void keepOrdinaryPermissions(Path tmp, Path target) throws IOException {
        if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> perms = Files.exists(target) ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, perms);
    }

    /** UTF-8 text form of {@link #write(Path, byte[])}. */
    public static void writeString(Path file, CharSequence text) {
        write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
