package org.plasticity.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.plasticity.io.FileTrees;

/**
 * The per-process temporary store of smoke runs, {@code <tmp>/plasticity-smoke-runs-<pid>-<random>}.
 * It is deleted with its contents by a shutdown hook (a plain {@code deleteOnExit} cannot delete a
 * non-empty folder); folders of processes that died without running their hooks (killed) are
 * deleted the next time a smoke store is created, because their pid is no longer alive.
 */
public final class SmokeRuns {

    /** Prefix of the folder names. */
    public static final String PREFIX = "plasticity-smoke-runs-";

    private static final Pattern OWNED = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-.*");

    private SmokeRuns() {
    }

    /** This process's smoke store (created on first use). */
    public static Path directory() {
        return Holder.DIR;
    }

    /**
     * Deletes smoke stores in {@code tmp} left by processes that are no longer alive.
     *
     * @param tmp the temporary directory
     * @return how many folders were deleted
     */
    public static int deleteStale(Path tmp) {
        int n = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path p : ds) {
                Matcher m = OWNED.matcher(p.getFileName().toString());
                if (m.matches() && Files.isDirectory(p) && !alive(Long.parseLong(m.group(1)))) {
                    try {
                        FileTrees.deleteTree(p);
                        n++;
                    } catch (UncheckedIOException e) {
                        // another process may be deleting it at the same time; leave it
                    }
                }
            }
        } catch (IOException e) {
            return n;
        }
        return n;
    }

    private static boolean alive(long pid) {
        return pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static final class Holder {
        static final Path DIR = create();

        private static Path create() {
            try {
                Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
                deleteStale(tmp);
                Path d = Files.createTempDirectory(tmp, PREFIX + ProcessHandle.current().pid() + "-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        FileTrees.deleteTree(d);
                    } catch (UncheckedIOException e) {
                        // the next process removes it (deleteStale)
                    }
                }, "plasticity-smoke-runs-cleanup"));
                return d;
            } catch (IOException e) {
                throw new UncheckedIOException("could not create a temporary directory for smoke runs", e);
            }
        }
    }
}
