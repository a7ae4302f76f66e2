package org.plasticity.notebook.run;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Executes one notebook through a real kernel with {@code jupyter nbconvert --execute}, headless,
 * in a given profile ({@code PLASTICITY_PROFILE}, inherited by the kernel). A kernel that is not
 * ready within {@code startupTimeoutSeconds}, or that bound its sockets but answered nothing
 * (rapaio-jupyter-kernel's start-up race), is detected early and reported as a start-up hang; with
 * {@code attempts > 1} it is tried again, but the result still counts the starts, and the notebook
 * harness and the test suite use one attempt, so a hang fails the run. Error outputs do not stop execution
 * ({@code --allow-errors}): {@link NotebookCheck} reports them from the executed file.
 *
 * @param jupyter the {@code jupyter} command (Debian's: {@code /usr/bin/jupyter})
 * @param jupyterPath directory with {@code kernels/<kernelName>/kernel.json}, prepended to
 *     {@code JUPYTER_PATH}; null to use Jupyter's default search path
 * @param kernelName the kernel to run (overrides the notebooks' metadata)
 * @param profile {@code smoke} or {@code full}
 * @param startupTimeoutSeconds how long a kernel may take to answer its first request
 * @param cellTimeoutSeconds how long one cell may run
 * @param attempts how many kernel starts to try before giving up
 * @param log where progress and retries are reported
 */
public record NbConvert(Path jupyter, Path jupyterPath, String kernelName, String profile, int startupTimeoutSeconds,
        int cellTimeoutSeconds, int attempts, PrintStream log) {

    /** Messages by which jupyter_client reports a kernel that never became ready. */
    static final List<String> NOT_READY = List.of("Kernel didn't respond", "Kernel died before replying to kernel_info",
            "kernel_info_reply", NbConvert.RAPAIO_RACE, NbConvert.SILENT_HANG);

    /**
     * What rapaio-jupyter-kernel 3.0.1 logs when its start-up race kills the shell thread (a request
     * arrived before its handler map was set): the kernel will never answer, so there is no point
     * in waiting for the start-up timeout.
     */
    static final String RAPAIO_RACE = "because \"this.handlers\" is null";

    /** rapaio's log line once its shell socket is bound, and the one for each request it handles. */
    static final String SHELL_BOUND = "[ShellChannel]: Binding to";
    static final String HANDLING = "Handling message:";
    /** The same two moments in our kernel's log ({@link org.plasticity.kernel.KernelMain}). */
    static final String OURS_BOUND = org.plasticity.kernel.KernelMain.BOUND;
    static final String OURS_HANDLING = org.plasticity.kernel.KernelMain.FIRST_REQUEST;

    /**
     * Written into the log when rapaio's other start-up hang is detected: shell socket bound, yet no
     * request handled within {@link #SILENT_HANG_SECONDS} (a healthy kernel answers within a second).
     */
    static final String SILENT_HANG = "plasticity: kernel bound its sockets but handled no request";
    static final int SILENT_HANG_SECONDS = 8;

    /** Validates the settings. */
    public NbConvert {
        if (startupTimeoutSeconds < 1 || cellTimeoutSeconds < 1 || attempts < 1) {
            throw new IllegalArgumentException("timeouts and attempts must be positive, got startup "
                    + startupTimeoutSeconds + " s, cell " + cellTimeoutSeconds + " s, " + attempts + " attempts");
        }
    }

    /**
     * The result of one notebook execution.
     *
     * @param executed the executed notebook file (outputs included); null when nbconvert failed
     * @param attempts kernel starts used
     * @param seconds wall time of all attempts
     * @param failure nbconvert's failure (tail of its log), or empty
     */
    public record Result(Path executed, int attempts, double seconds, String failure) {
        /** Whether nbconvert produced an executed notebook. */
        public boolean completed() {
            return executed != null;
        }
    }

    /**
     * Executes {@code notebook} (working directory: the notebook's folder) and writes the executed
     * copy to {@code outputDir} under the same file name, with {@code <name>.log} beside it.
     *
     * @param notebook the notebook file
     * @param outputDir where the executed copy goes
     * @return the result
     */
    public Result execute(Path notebook, Path outputDir) {
        String file = notebook.getFileName().toString();
        Path out = outputDir.resolve(file);
        Path logFile = outputDir.resolve(file.replaceAll("\\.ipynb$", "") + ".log");
        long start = System.nanoTime();
        String failure = "";
        try {
            Files.createDirectories(outputDir);
            CellProgress.writeHooks(outputDir);
            for (int attempt = 1; attempt <= attempts; attempt++) {
                Files.deleteIfExists(out);
                int exit = run(command(notebook, outputDir), logFile, maxSeconds(notebook));
                String logText = Files.readString(logFile, StandardCharsets.UTF_8);
                if (exit == 0 && Files.exists(out)) {
                    return new Result(out, attempt, seconds(start), "");
                }
                failure = tail(logText, 40);
                boolean notReady = NOT_READY.stream().anyMatch(logText::contains);
                if (!notReady) {
                    break;
                }
                String why = logText.contains(RAPAIO_RACE) ? "kernel hung at start-up (its shell thread died)"
                        : logText.contains(SILENT_HANG) ? "kernel hung at start-up (no reply to kernel_info)"
                        : "kernel not ready within " + startupTimeoutSeconds + " s";
                Path kept = outputDir.resolve(logFile.getFileName().toString().replaceAll("\\.log$", "")
                        + ".attempt" + attempt + ".log");
                Files.move(logFile, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                log.printf("  %s: %s (attempt %d of %d, log %s)%s%n", file, why, attempt, attempts,
                        kept.getFileName(), attempt < attempts ? ", retrying" : ", giving up");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not execute " + notebook + ": " + e.getMessage(), e);
        }
        return new Result(null, attempts, seconds(start), failure);
    }

    List<String> command(Path notebook, Path outputDir) {
        List<String> cmd = new ArrayList<>(List.of(jupyter.toString(), "nbconvert", "--to", "notebook", "--execute",
                "--allow-errors", "--config", outputDir.toAbsolutePath().resolve(CellProgress.HOOKS_FILE).toString(),
                "--ExecutePreprocessor.kernel_name=" + kernelName,
                "--ExecutePreprocessor.startup_timeout=" + startupTimeoutSeconds,
                "--ExecutePreprocessor.timeout=" + cellTimeoutSeconds,
                "--output-dir", outputDir.toAbsolutePath().toString(),
                notebook.toAbsolutePath().toString()));
        return cmd;
    }

    private int run(List<String> cmd, Path logFile, long maxSeconds) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        Map<String, String> env = pb.environment();
        env.put("PLASTICITY_PROFILE", profile);
        if (jupyterPath != null) {
            String old = env.get("JUPYTER_PATH");
            env.put("JUPYTER_PATH", jupyterPath.toAbsolutePath() + (old == null || old.isBlank() ? "" : ":" + old));
        }
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        long startupDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(startupTimeoutSeconds + 30L);
        long boundAt = 0;
        try {
            while (!p.waitFor(250, TimeUnit.MILLISECONDS)) {
                long now = System.nanoTime();
                if (now < startupDeadline) {
                    String head = logHead(logFile);
                    if (head.contains(RAPAIO_RACE)) {
                        stop(p);
                        return -1;
                    }
                    if (boundAt == 0 && (head.contains(SHELL_BOUND) || head.contains(OURS_BOUND))) {
                        boundAt = now;
                    }
                    if (boundAt != 0 && !head.contains(HANDLING) && !head.contains(OURS_HANDLING)
                            && now - boundAt > TimeUnit.SECONDS.toNanos(SILENT_HANG_SECONDS)) {
                        stop(p);
                        Files.writeString(logFile, "\n" + SILENT_HANG + " within " + SILENT_HANG_SECONDS + " s\n",
                                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
                        return -1;
                    }
                }
                if (now > deadline) {
                    log.printf("  %s: still running after %d s, stopping it%n", cmd.get(cmd.size() - 1), maxSeconds);
                    stop(p);
                    return -1;
                }
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while executing " + cmd.get(cmd.size() - 1), e);
        }
    }

    private static void stop(Process p) throws InterruptedException {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
    }

    /** The first 256 KiB of the log (start-up messages come first). */
    private static String logHead(Path logFile) throws IOException {
        try (var in = Files.newInputStream(logFile)) {
            return new String(in.readNBytes(256 * 1024), StandardCharsets.UTF_8);
        }
    }

    /** Upper bound for one nbconvert run: every cell at its timeout, plus start-up. */
    private long maxSeconds(Path notebook) {
        int cells = Notebook.read(notebook).codeSources().size();
        return (long) cellTimeoutSeconds * Math.max(1, cells) + startupTimeoutSeconds + 60;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\n");
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, all.length - lines); i < all.length; i++) {
            if (!all[i].startsWith("[20")) { // skip the kernel's own INFO log lines
                sb.append(all[i]).append('\n');
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "NbConvert[kernel " + kernelName + ", profile " + profile + ", startup " + startupTimeoutSeconds
                + " s × " + attempts + ", cell " + cellTimeoutSeconds + " s]";
    }
}
