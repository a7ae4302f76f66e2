package org.plasticity.data.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes that never leave a half-written file: content goes to a temporary sibling
 * ({@code NAME.part-*}), is forced to disk, and only then renamed over the target in one atomic
 * move. If anything fails (including an interrupted stream), the temporary file is deleted and the
 * target is untouched.
 */
public final class AtomicFiles {

    /** Marker in the names of temporary files; such files are never read as data. */
    public static final String PART_MARKER = ".part-";

    private AtomicFiles() {
    }

    /**
     * Atomically replaces {@code target} with {@code content}.
     *
     * @param target the final path; its parent directory is created if needed
     * @param content the bytes to write
     * @throws IOException if writing or renaming fails (the target is then unchanged)
     */
    public static void write(Path target, byte[] content) throws IOException {
        Path tmp = newTempSibling(target);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            moveIntoPlace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Atomically replaces {@code target} with everything {@code in} delivers. A stream that fails
     * midway (an interrupted download or copy) leaves no trace.
     *
     * @param target the final path
     * @param in the source; not closed by this method
     * @return the number of bytes written
     * @throws IOException if reading, writing or renaming fails (the target is then unchanged)
     */
    public static long write(Path target, InputStream in) throws IOException {
        Path tmp = newTempSibling(target);
        try {
            long n;
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
                n = in.transferTo(out);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            moveIntoPlace(tmp, target);
            return n;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Whether {@code file} is a temporary file left by an interrupted atomic write. */
    public static boolean isLeftover(Path file) {
        return file.getFileName().toString().contains(PART_MARKER);
    }

    private static Path newTempSibling(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        return Files.createTempFile(dir, target.getFileName().toString() + PART_MARKER, "");
    }

    static void moveIntoPlace(Path source, Path target) throws IOException {
        if (source.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(source, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
