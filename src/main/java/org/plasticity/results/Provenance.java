package org.plasticity.results;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Where a result came from: library version, project commit, JVM, machine and time. Captured
 * once per process ({@link #current()}); stored with every run record and result row.
 *
 * @param libraryVersion Plasticity version
 * @param commit git commit of the project (env {@code PLASTICITY_COMMIT}, else {@code git rev-parse}), or
 *     {@code unknown}
 * @param java Java runtime version
 * @param machine OS, architecture and core count
 * @param timestamp capture time (UTC, ISO-8601)
 */
public record Provenance(String libraryVersion, String commit, String java, String machine, String timestamp) {

    private static volatile Provenance current;

    /** The provenance of this process (captured lazily, once). */
    public static Provenance current() {
        Provenance p = current;
        if (p == null) {
            p = new Provenance(readVersion(), readCommit(), System.getProperty("java.version"),
                    System.getProperty("os.name") + "/" + System.getProperty("os.arch") + "/"
                            + Runtime.getRuntime().availableProcessors() + "cores",
                    Instant.now().toString());
            current = p;
        }
        return p;
    }

    private static String readVersion() {
        String v = Provenance.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private static String readCommit() {
        String env = System.getenv("PLASTICITY_COMMIT");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD").redirectErrorStream(true).start();
            try (InputStream in = p.getInputStream()) {
                if (!p.waitFor(3, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return "unknown";
                }
                String out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                return p.exitValue() == 0 && out.matches("[0-9a-f]{7,40}") ? out : "unknown";
            }
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    @Override
    public String toString() {
        return "Provenance[plasticity " + libraryVersion + " @" + commit + ", java " + java + ", " + machine + "]";
    }
}
