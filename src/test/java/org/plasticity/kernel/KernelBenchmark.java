package org.plasticity.kernel;

import static org.plasticity.kernel.KernelHarness.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.plasticity.results.BenchmarkRow;
import org.plasticity.results.ResultsCsv;

/**
 * The kernel benchmark of issue 17 (not a test): our kernel and rapaio-jupyter-kernel 3.0.1, both
 * with our jars, started side by side, interleaved (ours, rapaio, ours, ...), {@code --starts} times
 * each through {@code jupyter_client}: hang rate, start → first result median and p95, and the
 * round trip of a trivial cell, with the machine load (1-min load average, runnable processes) at
 * the start and the end. Prints the figures; with {@code --record} also writes them to
 * {@code results/benchmarks.csv}. Run it with {@code kernel-spec/benchmark-kernels.sh}.
 *
 * <pre>
 * KernelBenchmark [--starts N] [--peer-starts M] [--max-minutes T] [--startup-timeout S] [--with-load] [--notebooks] [--record]
 * </pre>
 * {@code --peer-starts M} gives rapaio M starts instead of N (its hangs cost the startup timeout each).
 * {@code --max-minutes T} starts no new kernel after T minutes (the figures then cover the starts made, and
 * the notes say how many were planned).
 * {@code --with-load} runs a training process ({@link TrainingLoad}) beside the starts, as a user
 * who opens a notebook while a job runs. Every row's notes carry the machine load over the whole
 * run (1-min load average and runnable processes, sampled before each start: median and max), so a
 * figure taken on a busy machine says so. {@code --notebooks} also times the smoke run of every
 * notebook in {@code notebooks/} through each kernel (one kernel start per notebook, as CI does).
 */
public final class KernelBenchmark {

    private KernelBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args see the class comment
     * @throws Exception when a kernel cannot be installed or driven
     */
    public static void main(String[] args) throws Exception {
        int starts = 200;
        int peerStarts = -1;
        double maxMinutes = 0;
        int startupTimeout = 20;
        boolean record = false;
        boolean withLoad = false;
        boolean notebooks = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--starts" -> starts = Integer.parseInt(args[++i]);
                case "--peer-starts" -> peerStarts = Integer.parseInt(args[++i]);
                case "--max-minutes" -> maxMinutes = Double.parseDouble(args[++i]);
                case "--startup-timeout" -> startupTimeout = Integer.parseInt(args[++i]);
                case "--record" -> record = true;
                case "--with-load" -> withLoad = true;
                case "--notebooks" -> notebooks = true;
                default -> {
                    System.err.println("usage: KernelBenchmark [--starts N] [--peer-starts M] [--max-minutes T] [--startup-timeout S] "
                            + "[--with-load] [--notebooks] [--record]");
                    System.exit(2);
                }
            }
        }
        String ours = KernelHarness.install("plasticity");
        String rapaio = KernelHarness.install("rapaio");
        int peerN = peerStarts < 0 ? starts : peerStarts;
        Process load = withLoad ? TrainingLoad.start() : null;
        List<JsonObject> rows;
        NotebookTimes nbOurs = null;
        NotebookTimes nbRapaio = null;
        long t0 = System.nanoTime();
        try {
            JsonArray kernels = new JsonArray();
            kernels.add(ours);
            kernels.add(rapaio);
            int total = starts;
            rows = KernelHarness.drive(json("mode", "starts", "kernels", kernels, "n", starts, "counts", json(ours, starts,
                    rapaio, peerN), "code", "1 + 1", "startup_timeout", startupTimeout, "timeout", 120, "max_seconds",
                    maxMinutes * 60),
                    (long) (starts + peerN) * (startupTimeout + 60) + 600,
                    r -> System.out.printf(Locale.ROOT, "%3d/%d %-18s %s%n", r.get("i").getAsInt() + 1, total,
                            r.get("kernel").getAsString(), summary(r)));
            if (notebooks) {
                nbOurs = NotebookTimes.run(ours);
                System.out.println(nbOurs);
                nbRapaio = NotebookTimes.run(rapaio);
                System.out.println(nbRapaio);
            }
        } finally {
            if (load != null) {
                load.descendants().forEach(ProcessHandle::destroy);
                load.destroy();
            }
        }
        double minutes = (System.nanoTime() - t0) / 60e9;
        JsonObject l0 = rows.get(0).getAsJsonObject("load_start");
        JsonObject l1 = rows.get(rows.size() - 1).getAsJsonObject("load_end");
        double[] loads = rows.stream().mapToDouble(r -> r.getAsJsonObject("load_start").get("loadavg1").getAsDouble())
                .sorted().toArray();
        double[] runnable = rows.stream().mapToDouble(r -> r.getAsJsonObject("load_start").get("runnable").getAsInt())
                .sorted().toArray();
        String loadNote = String.format(Locale.ROOT, "machine load over the run (before each start): 1-min load avg median "
                + "%.2f, max %.2f, runnable median %.0f, max %.0f (%d cores); at start %.2f, at end %.2f",
                StartupStats.quantile(loads, 0.5), loads[loads.length - 1], StartupStats.quantile(runnable, 0.5),
                runnable[runnable.length - 1], Runtime.getRuntime().availableProcessors(), l0.get("loadavg1").getAsDouble(),
                l1.get("loadavg1").getAsDouble());
        StartupStats a = StartupStats.of(ours, rows);
        StartupStats b = StartupStats.of(rapaio, rows);
        System.out.println(a);
        System.out.println(b);
        System.out.println(loadNote);
        String setting = withLoad ? "beside a training process" : "no extra load";
        String notes = String.format(Locale.ROOT, "ours = Plasticity kernel (jupyter-jvm-basekernel 2.3.0 + JShell), peer = "
                + "rapaio-jupyter-kernel 3.0.1, same jars; %d interleaved starts (peer %d) through jupyter_client, %s, startup "
                + "timeout %d s; hangs ours %d/%d, peer %d/%d; failures ours %d, peer %d; stray JVMs ours %d, peer %d; "
                + "%s; %.1f min%s", a.starts(), b.starts(), setting, startupTimeout, a.hangs(), a.starts(), b.hangs(), b.starts(), a.failures(),
                b.failures(), a.strays(),
                b.strays(), loadNote, minutes, a.starts() < starts || b.starts() < peerN ? String.format(Locale.ROOT,
                "; stopped by --max-minutes %.0f: %d and %d starts of %d and %d planned", maxMinutes, a.starts(), b.starts(),
                starts, peerN) : "");
        String suffix = withLoad ? "-loaded" : "";
        List<BenchmarkRow> out = new ArrayList<>();
        out.add(BenchmarkRow.of("kernel-start-hang-rate" + suffix, 100.0 * a.hangs() / a.starts(),
                100.0 * b.hangs() / b.starts(), "% of starts (lower is better)", Double.NaN, 2, notes));
        out.add(BenchmarkRow.of("kernel-start-to-first-result-median" + suffix, a.firstResultMedian(), b.firstResultMedian(),
                "s (lower is better)", Double.NaN, 2, notes));
        out.add(BenchmarkRow.of("kernel-start-to-first-result-p95" + suffix, a.firstResultP95(), b.firstResultP95(),
                "s (lower is better)", Double.NaN, 2, notes));
        out.add(BenchmarkRow.of("kernel-trivial-cell-round-trip-median" + suffix, a.roundTripMedian(), b.roundTripMedian(),
                "s (lower is better)", Double.NaN, 2, notes));
        if (nbOurs != null) {
            out.add(BenchmarkRow.of("notebooks-smoke-run" + suffix, nbOurs.seconds(), nbRapaio.seconds(),
                    "s (lower is better)", Double.NaN, 2, String.format(Locale.ROOT, "wall time of the smoke run of all "
                    + "%d notebooks (NotebookRunner, one kernel start per notebook, nbconvert) through each kernel; ours "
                    + "passed %d/%d, peer passed %d/%d; %s; %s", nbOurs.notebooks(), nbOurs.passed(), nbOurs.notebooks(),
                    nbRapaio.passed(), nbRapaio.notebooks(), setting, loadNote)));
        }
        out.forEach(System.out::println);
        if (record) {
            ResultsCsv csv = ResultsCsv.inProject();
            out.forEach(csv::record);
            System.out.println("recorded " + out.size() + " rows in " + csv.directory().resolve("benchmarks.csv"));
        } else {
            System.out.println("not recorded (pass --record to write results/benchmarks.csv)");
        }
    }

    private static String summary(JsonObject r) {
        if (r.get("ok").getAsBoolean()) {
            return String.format(Locale.ROOT, "first result %.2f s, round trip %.3f s, load %.2f", r.get("start_to_first_result")
                    .getAsDouble(), r.get("round_trip").getAsDouble(), r.getAsJsonObject("load_start").get("loadavg1")
                    .getAsDouble());
        }
        return (r.get("hang").getAsBoolean() ? "HANG " : "FAILED ") + r.get("error").getAsString();
    }
}
