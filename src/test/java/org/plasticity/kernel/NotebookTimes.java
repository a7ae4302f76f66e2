package org.plasticity.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The smoke run of every notebook through one kernel, timed (the benchmark's {@code --notebooks}):
 * {@code NotebookRunner --profile smoke} in a new JVM on this class path, against the kernels the
 * benchmark installed in {@link KernelHarness#JUPYTER_PATH}.
 *
 * @param kernel kernel name
 * @param seconds wall time of the whole run
 * @param notebooks notebooks run
 * @param passed notebooks that passed
 */
record NotebookTimes(String kernel, double seconds, int notebooks, int passed) {

    private static final Pattern ALL = Pattern.compile("all (\\d+) notebooks passed");
    private static final Pattern SOME = Pattern.compile("(\\d+) of (\\d+) notebooks FAILED");

    /** Runs all notebooks of {@code notebooks/} in the smoke profile through kernel {@code kernel}. */
    static NotebookTimes run(String kernel) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = KernelHarness.ROOT.resolve("target/benchmark-notebooks-" + kernel);
        Path log = KernelHarness.ROOT.resolve("target/benchmark-notebooks-" + kernel + ".log");
        ProcessBuilder pb = new ProcessBuilder(java, "-Djava.awt.headless=true", "--add-modules=jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), "org.plasticity.notebook.run.NotebookRunner", "--profile", "smoke",
                "--out", out.toString(), "--jupyter-path", KernelHarness.JUPYTER_PATH.toString(), "--kernel", kernel,
                "notebooks").directory(KernelHarness.ROOT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("PLASTICITY_PROFILE", "smoke");
        long t0 = System.nanoTime();
        Process p = pb.start();
        p.waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<String> lines = Files.readAllLines(log);
        for (String line : lines) {
            Matcher all = ALL.matcher(line);
            if (all.find()) {
                int n = Integer.parseInt(all.group(1));
                return new NotebookTimes(kernel, seconds, n, n);
            }
            Matcher some = SOME.matcher(line);
            if (some.find()) {
                int n = Integer.parseInt(some.group(2));
                return new NotebookTimes(kernel, seconds, n, n - Integer.parseInt(some.group(1)));
            }
        }
        throw new IllegalStateException("NotebookRunner through " + kernel + " exited with " + p.exitValue()
                + " without a summary; see " + log);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: smoke run of %d notebooks %.1f s, %d passed", kernel, notebooks, seconds, passed);
    }
}
