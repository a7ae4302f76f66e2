package org.plasticity.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PyTorch peer kept running in {@code --serve} mode, so that its rounds can be interleaved with ours:
 * the script warms up, prints a JSON line with {@code "ready": true}, then answers each {@code run SECONDS}
 * with one JSON line of that round's throughput; {@code quit} ends it. Runs with
 * {@code OMP_WAIT_POLICY=PASSIVE} (Debian's PyTorch busy-waits in OpenMP otherwise) and
 * {@code OMP_NUM_THREADS} = its intra-op threads.
 */
final class PeerProcess implements AutoCloseable {

    private final List<String> command;
    private final int threads;
    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;
    private final StringBuilder transcript = new StringBuilder();
    private final String ready;

    /**
     * Starts the peer and waits for its warm-up to finish.
     *
     * @param command the script command line (without {@code --serve})
     * @param threads intra-op threads (also passed to the script by the caller)
     */
    PeerProcess(List<String> command, int threads) {
        this.command = new java.util.ArrayList<>(command);
        this.command.add("--serve");
        this.threads = threads;
        ProcessBuilder pb = new ProcessBuilder(this.command).redirectErrorStream(true);
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        pb.environment().put("OMP_NUM_THREADS", String.valueOf(threads));
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the PyTorch peer " + this.command
                    + " (install Debian's python3-torch: apt-get install -y python3-torch)", e);
        }
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        ready = nextJson();
        if (!ready.contains("\"ready\": true")) {
            throw fail("no ready line");
        }
    }

    /** Intra-op threads. */
    int threads() {
        return threads;
    }

    /** The peer's ready line (its settings, e.g. the torch version). */
    String readyLine() {
        return ready;
    }

    /** The BLAS library the peer loaded (its matrix products run on it), or "?". */
    String blas() {
        return string(ready, "blas");
    }

    /**
     * Why this peer would be a strawman, or null: PyTorch on Debian's reference BLAS ({@code libblas3}
     * alone) multiplies matrices 10-25 times slower than on OpenBLAS.
     */
    String handicap() {
        return referenceBlas(blas()) ? "the peer runs on the reference BLAS " + blas() + " (10-25x slower than OpenBLAS: "
                + "apt-get install -y libopenblas0-pthread)" : null;
    }

    /** Whether a loaded BLAS path is the unoptimised reference implementation. */
    static boolean referenceBlas(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.startsWith("libblas.so") && !path.contains("openblas") && !path.contains("blis") && !path.contains("atlas");
    }

    /**
     * One timed round of at least {@code seconds}.
     *
     * @param seconds minimum duration
     * @return the round's JSON line
     */
    String run(double seconds) {
        in.printf(Locale.ROOT, "run %.3f%n", seconds);
        return nextJson();
    }

    /** Ends the peer and returns its last JSON line (peak memory, losses). */
    @Override
    public void close() {
        in.println("quit");
        in.close();
        try {
            String last = nextJsonOrNull();
            if (last != null) {
                transcript.append(last);
            }
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process.destroy();
        }
    }

    /** The last JSON line read (after {@link #close()}: the peer's closing line). */
    String transcript() {
        return transcript.toString();
    }

    private String nextJson() {
        String line = nextJsonOrNull();
        if (line == null) {
            throw fail("ended early");
        }
        return line;
    }

    private String nextJsonOrNull() {
        try {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("{")) {
                    return line;
                }
                transcript.append(line).append('\n');
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private IllegalStateException fail(String why) {
        process.destroy();
        return new IllegalStateException("PyTorch peer " + why + ": " + command + "\n" + transcript
                + "\nInstall it with: apt-get install -y python3-torch");
    }

    /** A number field of a JSON line. */
    static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":\\s*([-0-9.eE+]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("peer output has no " + key + ": " + json);
        }
        return Double.parseDouble(m.group(1));
    }

    /** A string field of a JSON line, or "?". */
    static String string(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "?";
    }
}
