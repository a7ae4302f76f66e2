package org.plasticity.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Whole directory trees: scratch folders, test stores. */
public final class FileTrees {

    private FileTrees() {
    }

    /**
     * Deletes a file or a directory with everything below it, deepest entries first; a missing
     * path is a no-op.
     *
     * @param root the file or directory
     * @throws UncheckedIOException naming the tree when an entry cannot be deleted
     */
    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the folder " + root + " and its contents", e);
        }
    }
}
