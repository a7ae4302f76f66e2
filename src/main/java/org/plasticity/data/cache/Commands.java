package org.plasticity.data.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an external command (npm, apt-get, dpkg-deb) in a folder, with a timeout. */
final class Commands {

    private Commands() {
    }

    /**
     * Runs {@code command} in {@code dir} and returns its standard output.
     *
     * @throws IOException if the program is missing, times out or exits non-zero (message carries
     *     the tail of its error output)
     */
    static String run(Path dir, long timeoutSeconds, List<String> command) throws IOException {
        Path out = Files.createTempFile(dir, ".cmd-out", ".txt");
        Path err = Files.createTempFile(dir, ".cmd-err", ".txt");
        try {
            Process p;
            try {
                p = new ProcessBuilder(command).directory(dir.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .start();
            } catch (IOException e) {
                throw new IOException("cannot start '" + command.get(0) + "' (is it installed and on PATH?)", e);
            }
            boolean done;
            try {
                done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running " + String.join(" ", command), e);
            }
            if (!done) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited with " + p.exitValue() + ": "
                        + tail(Files.readString(err, StandardCharsets.UTF_8)));
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String tail(String s) {
        String t = s.strip();
        return t.length() <= 400 ? t : "…" + t.substring(t.length() - 400);
    }
}
