package org.plasticity.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.plasticity.experiment.Catalog;
import org.plasticity.experiment.sweep.RunResult;
import org.plasticity.experiment.sweep.Sweep;
import org.plasticity.experiment.sweep.SweepExecutor;
import org.plasticity.experiment.sweep.SweepPoint;
import org.plasticity.experiment.sweep.SweepTable;
import org.plasticity.results.BenchmarkRow;
import org.plasticity.results.Profile;
import org.plasticity.results.ResultsCsv;
import org.plasticity.results.RunRecord;
import org.plasticity.results.RunStore;
import org.plasticity.tensor.Parallel;

/**
 * The sweep executors side by side in one run, on one small sweep ({@code --runs} seeds of a
 * catalogue recipe in the smoke profile, default 8 seeds of {@value #RECIPE}), each mode in a fresh
 * store so every run trains:
 *
 * <ol>
 *   <li>one at a time, each run on one thread ({@code --executor sequential --run-threads 1});</li>
 *   <li>one at a time, each run on all {@code plasticity.threads} kernel threads (the library's default);</li>
 *   <li>the thread pool, {@code cores} runs side by side, each on one thread (the default executor);</li>
 *   <li>Spark {@code local[cores]}, when the {@code spark} profile's classes and Spark are on the
 *       class path (session start-up timed apart);</li>
 *   <li>the job-array path: one {@code plasticity sweep SWEEP.json --index N} process per run, one
 *       after the other.</li>
 * </ol>
 *
 * A warm-up sweep (2 runs, discarded) comes first, and one more on Spark before its timed sweep. Figures: the thread pool's speed-up over
 * one-at-a-time (goal ≥ 1.8× on 2 cores), the Spark overhead per task beyond the run ({@code (cores
 * × wall − Σ run training time) / runs} for Spark minus the same for the thread pool; goal < 1 s),
 * and the job-array overhead per run (process wall − its run's training time). Rows go to
 * {@code results/benchmarks.csv} ({@code sweep-*}) only on a quiet machine ({@link LoadGate}) unless
 * {@code --force}.
 *
 * <pre>java --add-modules jdk.incubator.vector -Dplasticity.threads=2 -cp "target/classes:target/lib/*[:SPARK JARS]"
 *     org.plasticity.bench.SweepBench [--recipe ID] [--runs 8] [--epochs N] [--cores 2] [--no-spark] [--force] [--no-write]</pre>
 */
public final class SweepBench {

    /** The default recipe: a small sandbox run (20 neurons, MNIST subset in the smoke profile). */
    public static final String RECIPE = "mnist-sandbox-5f-per-soma-local-decoder";

    private SweepBench() {
    }

    /** What one mode measured. */
    record Mode(String name, double wallSeconds, double trainSeconds, double callSeconds, int runs, List<RunResult> results) {
        double runsPerMinute() {
            return runs * 60 / wallSeconds;
        }

        /** Seconds per run beyond training when {@code slots} runs share the wall time. */
        double overheadPerRun(int slots) {
            return (slots * wallSeconds - trainSeconds) / runs;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: %d runs in %.1f s (%.2f runs/min; Σ training %.1f s)", name, runs,
                    wallSeconds, runsPerMinute(), trainSeconds);
        }
    }

    /**
     * @param args options (see the class comment)
     * @throws Exception when a job-array process cannot be run
     */
    public static void main(String[] args) throws Exception {
        String recipe = RECIPE;
        int runs = 8;
        int epochs = 0;
        int cores = 2;
        boolean spark = true;
        boolean force = false;
        boolean write = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--recipe" -> recipe = args[++i];
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--cores" -> cores = Integer.parseInt(args[++i]);
                case "--no-spark" -> spark = false;
                case "--force" -> force = true;
                case "--no-write" -> write = false;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; use --recipe ID, --runs N,"
                        + " --epochs N, --cores N, --no-spark, --force, --no-write");
            }
        }
        LoadGate gate = new LoadGate(cores);
        LoadStamp start = LoadStamp.now();
        System.out.printf(Locale.ROOT, "SweepBench: %d runs of %s (smoke profile%s), %d cores, kernel pool %d threads,"
                + " load %s (rows need load ≤ %.1f)%n", runs, recipe, epochs > 0 ? ", " + epochs + " epochs" : "", cores,
                Parallel.poolThreads(), start, gate.limit());
        Path tmp = Files.createTempDirectory("plasticity-sweep-bench");
        Sweep base = Sweep.of(Catalog.get(recipe)).profile(Profile.SMOKE).seeds(runs);
        if (epochs > 0) {
            base = base.set("epochs", epochs);
        }
        base.store(RunStore.at(tmp.resolve("warm-up"))).seeds(2).executor(SweepExecutor.sequential()).threadsPerRun(1)
                .run();
        List<Mode> modes = new ArrayList<>();
        Mode seq1 = time("one at a time, 1 thread each", base.store(RunStore.at(tmp.resolve("seq1")))
                .executor(SweepExecutor.sequential()).threadsPerRun(1));
        modes.add(seq1);
        Mode seqAll = time("one at a time, " + Parallel.poolThreads() + " threads each", base.store(
                RunStore.at(tmp.resolve("seqN"))).executor(SweepExecutor.sequential()));
        modes.add(seqAll);
        Mode pool = time("thread pool, " + cores + " runs side by side, 1 thread each", base.store(
                RunStore.at(tmp.resolve("pool"))).executor(SweepExecutor.threads(cores)));
        modes.add(pool);
        Mode onSpark = null;
        double sparkStart = Double.NaN;
        String sparkNote = "not measured (--no-spark)";
        if (spark) {
            try {
                long t0 = System.nanoTime();
                SweepExecutor ex = SweepExecutor.spark("local[" + cores + "]");
                sparkStart = (System.nanoTime() - t0) / 1e9;
                try {
                    // Spark's first job loads and ships classes: warm it up on 2 runs, not counted
                    base.store(RunStore.at(tmp.resolve("spark-warm-up"))).seeds(2).executor(ex).run();
                    onSpark = time("Spark local[" + cores + "]", base.store(RunStore.at(tmp.resolve("spark"))).executor(ex));
                } finally {
                    ((AutoCloseable) ex).close();
                }
                modes.add(onSpark);
            } catch (IllegalStateException e) {
                sparkNote = "not measured: " + e.getMessage();
                System.out.println("Spark " + sparkNote);
            }
        }
        Mode array = jobArray(base, tmp.resolve("array"));
        modes.add(array);
        LoadStamp end = LoadStamp.now();
        modes.forEach(System.out::println);
        double speedup = seq1.wallSeconds() / pool.wallSeconds();
        double overTwoThread = seqAll.wallSeconds() / pool.wallSeconds();
        double poolOverhead = pool.overheadPerRun(cores);
        double arrayOverhead = array.overheadPerRun(1);
        double seqOverhead = seq1.overheadPerRun(1);
        System.out.printf(Locale.ROOT, "thread pool vs one at a time: %.2fx (1-thread runs), %.2fx (%d-thread runs); goal ≥ 1.8x%n",
                speedup, overTwoThread, Parallel.poolThreads());
        double sparkOverhead = Double.NaN;
        if (onSpark != null) {
            sparkOverhead = onSpark.overheadPerRun(cores) - poolOverhead;
            sparkNote = String.format(Locale.ROOT, "%s; per task beyond training %.2f s vs thread pool %.2f s; session"
                    + " start %.1f s and a 2-run warm-up job (not counted)", onSpark, onSpark.overheadPerRun(cores), poolOverhead, sparkStart);
            System.out.printf(Locale.ROOT, "Spark local[%d] overhead per task beyond the run: %.2f s (goal < 1 s); %s%n",
                    cores, sparkOverhead, sparkNote);
        }
        System.out.printf(Locale.ROOT, "job array: %.2f s per run beyond training (in-process one at a time: %.2f s)%n",
                arrayOverhead, seqOverhead);
        checkSameNumbers(modes);
        String why = gate.refusal(start, end);
        if (why != null && !force) {
            System.out.println("not writing the sweep rows: " + why + " (rerun on a quiet machine, or --force to write them"
                    + " marked as measured under load)");
            return;
        }
        if (!write) {
            return;
        }
        String common = String.format(Locale.ROOT, "%d smoke runs of %s%s, fresh store per mode, warm-up first; "
                + "bit-identical metrics across modes; %s", runs, recipe, epochs > 0 ? " (" + epochs + " epochs)" : "",
                gate.stamp(start, end) + (why != null ? " MEASURED UNDER LOAD (--force): " + why : ""));
        ResultsCsv csv = ResultsCsv.inProject();
        System.out.println(csv.record(BenchmarkRow.of("sweep-thread-pool-" + runs + "-runs", pool.runsPerMinute(),
                seq1.runsPerMinute(), "runs/min", Double.NaN, cores, "ours: " + pool + "; peer: " + seq1 + "; vs "
                + seqAll + ": " + String.format(Locale.ROOT, "%.2fx", overTwoThread) + "; goal ≥ 1.8x; " + common)));
        if (onSpark != null) {
            System.out.println(csv.record(BenchmarkRow.of("sweep-spark-local" + cores + "-task-overhead", sparkOverhead,
                    Double.NaN, "s/task", Double.NaN, cores, "Spark per-task time beyond the run minus the thread pool's"
                    + " (goal < 1 s); " + sparkNote + "; " + common)));
        }
        System.out.println(csv.record(BenchmarkRow.of("sweep-job-array-run-overhead", arrayOverhead, Double.NaN, "s/run",
                Double.NaN, 1, "one 'plasticity sweep SWEEP.json --index N' JVM per run, one after the other: process wall"
                + " minus the run's training time; " + array + "; in-process one at a time " + String.format(Locale.ROOT,
                "%.2f", seqOverhead) + " s/run; " + common)));
    }

    private static Mode time(String name, Sweep s) {
        long t0 = System.nanoTime();
        SweepTable t = s.run();
        double wall = (System.nanoTime() - t0) / 1e9;
        if (!t.failed().isEmpty()) {
            throw new IllegalStateException(name + ": failed runs " + t.failed());
        }
        double train = t.results().stream().mapToDouble(RunResult::trainSeconds).sum();
        double call = t.results().stream().mapToDouble(RunResult::wallSeconds).sum();
        Mode m = new Mode(name, wall, train, call, t.results().size(), t.results());
        System.out.println("  " + m);
        return m;
    }

    /** One JVM per point, as a scheduler's job array would start them, one after the other. */
    private static Mode jobArray(Sweep base, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path file = dir.resolve("sweep.json");
        Files.writeString(file, base.toJson(), StandardCharsets.UTF_8);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<SweepPoint> points = base.points();
        RunStore st = RunStore.at(dir.resolve("runs"));
        double train = 0;
        List<RunResult> results = new ArrayList<>();
        long t0 = System.nanoTime();
        for (SweepPoint p : points) {
            List<String> cmd = new ArrayList<>(List.of(java, "-Djava.awt.headless=true", "--add-modules",
                    "jdk.incubator.vector", "-Dplasticity.threads=1"));
            for (String prop : List.of("plasticity.project", "plasticity.data")) {
                if (System.getProperty(prop) != null) {
                    cmd.add("-D" + prop + "=" + System.getProperty(prop));
                }
            }
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.plasticity.experiment.Plasticity", "sweep",
                    file.toString(), "--index", Integer.toString(p.index()), "--store", st.output().toString()));
            Process pr = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("task-" + p.index()
                    + ".log").toFile()).start();
            int rc = pr.waitFor();
            if (rc != 0) {
                throw new IllegalStateException("job-array task " + p.index() + " exited " + rc + ": see " + dir);
            }
            Path rec = st.record(p.runId(), p.seed()).orElseThrow(() -> new UncheckedIOException(new IOException(
                    "task " + p.index() + " wrote no record")));
            train += RunRecord.load(rec).wallSeconds();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        results.addAll(base.store(st).collect().results());
        Mode m = new Mode("job array, " + points.size() + " processes one after the other", wall, train, wall,
                points.size(), results);
        System.out.println("  " + m);
        return m;
    }

    private static void checkSameNumbers(List<Mode> modes) {
        List<RunResult> ref = modes.get(0).results();
        for (Mode m : modes) {
            for (int i = 0; i < ref.size(); i++) {
                if (!ref.get(i).metrics().equals(m.results().get(i).metrics())) {
                    throw new IllegalStateException(m.name() + " run " + i + " gave other numbers: " + m.results().get(i)
                            .metrics() + " vs " + ref.get(i).metrics());
                }
            }
        }
        System.out.println("every mode gave bit-identical metrics for every run");
    }
}
