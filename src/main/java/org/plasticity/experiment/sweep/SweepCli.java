package org.plasticity.experiment.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import org.plasticity.experiment.Catalog;
import org.plasticity.experiment.Recipe;
import org.plasticity.results.RunStore;

/**
 * The {@code plasticity sweep} and {@code plasticity collect} commands.
 *
 * <pre>
 * plasticity sweep SWEEP.json [--executor threads|sequential|spark] [--threads N] [--master URL]
 *                  [--run-threads N] [--store DIR] [--retry-failed] [--record] [--csv OUT.csv]  # the whole sweep
 * plasticity sweep SWEEP.json --index N [--store DIR] [--retry-failed] [--run-threads N]       # one point (job array)
 * plasticity collect SWEEP.json [--store DIR] [--record] [--csv OUT.csv]                       # merge what is stored
 * </pre>
 *
 * Executors: {@code threads} (the default; {@code --threads N} side-by-side runs, default one per
 * core, each run on one thread), {@code sequential} (one run after the other, each with the
 * library's {@code -Dplasticity.threads}), {@code spark} (each run one Spark task; {@code --master
 * URL}, or spark-submit's master; needs the {@code spark} profile's classes, {@code mvn -Pspark
 * package}, and Spark on the class path). {@code --run-threads N} overrides the threads of each
 * run's kernels. {@code --record} records each finished run into the committed {@code results/} as
 * it lands (full profile, default store).
 *
 * <p>A job array runs {@code --index $SLURM_ARRAY_TASK_ID} for 0..points-1 ({@code plasticity sweep
 * SWEEP.json --count} prints the count), all tasks writing into one store (a shared {@code --store}
 * or {@code $PLASTICITY_RUNS}); {@code collect} then reads every stored run into one table
 * ({@code --record} records them).
 */
public final class SweepCli {

    private SweepCli() {
    }

    /** Usage lines for the {@code plasticity} help text. */
    public static String usage() {
        return "       plasticity sweep SWEEP.json [--index N | --count] [--executor threads|sequential|spark] [--threads N]"
                + " [--master URL] [--run-threads N] [--store DIR] [--retry-failed] [--record] [--csv OUT]\n"
                + "       plasticity collect SWEEP.json [--store DIR] [--record] [--csv OUT]\n";
    }

    /**
     * Runs {@code sweep} or {@code collect}.
     *
     * @param args the command line, command first
     * @param out where to print
     * @return exit code: 0, or 3 when some run failed
     */
    public static int run(String[] args, PrintStream out) {
        return run(args, out, Catalog::get);
    }

    static int run(String[] args, PrintStream out, Function<String, Recipe> recipes) {
        return run(args, out, recipes, SPARK_EXECUTOR);
    }

    /** The Spark executor's class, present only in builds with the {@code spark} profile. */
    static final String SPARK_EXECUTOR = "org.plasticity.experiment.sweep.spark.SparkExecutor";

    static int run(String[] args, PrintStream out, Function<String, Recipe> recipes, String sparkClass) {
        if (args.length < 2) {
            throw new IllegalArgumentException(args[0] + " needs a sweep file\n" + usage());
        }
        String json;
        try {
            json = Files.readString(Path.of(args[1]));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read sweep file " + args[1], e);
        }
        Sweep s = Sweep.fromJson(json, recipes);
        Integer index = null;
        boolean count = false;
        boolean record = false;
        Path csv = null;
        String executor = null;
        Integer threads = null;
        String master = null;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--index" -> index = Integer.parseInt(value(args, ++i));
                case "--count" -> count = true;
                case "--store" -> s = s.store(RunStore.at(Path.of(value(args, ++i))));
                case "--executor" -> executor = value(args, ++i);
                case "--threads" -> threads = Integer.parseInt(value(args, ++i));
                case "--master" -> master = value(args, ++i);
                case "--run-threads" -> s = s.threadsPerRun(Integer.parseInt(value(args, ++i)));
                case "--retry-failed" -> s = s.retryFailed(true);
                case "--record" -> record = true;
                case "--csv" -> csv = Path.of(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + usage());
            }
        }
        if (args[0].equals("collect")) {
            if (executor != null || threads != null || master != null) {
                throw new IllegalArgumentException("collect runs nothing: --executor, --threads and --master do not apply");
            }
            SweepTable t = record ? s.collectAndRecord() : s.collect();
            print(t, out, csv);
            out.printf(Locale.ROOT, "collected %d of %d runs%n", t.results().size(), s.points().size());
            return t.failed().isEmpty() ? 0 : 3;
        }
        if (count) {
            out.println(s.points().size());
            return 0;
        }
        if (index != null) {
            if (executor != null || threads != null || master != null) {
                throw new IllegalArgumentException("--index runs one point in this process: --executor, --threads and"
                        + " --master do not apply");
            }
            if (record) {
                throw new IllegalArgumentException("a job-array task does not record (tasks would race on the rows):"
                        + " record once in the collect step, plasticity collect SWEEP.json --record");
            }
            RunResult r = s.runIndex(index);
            out.println(line(r));
            return r.finished() ? 0 : 3;
        }
        SweepExecutor ex = executor(executor, threads, master, sparkClass);
        if (record) {
            s = s.record(true);
        }
        try {
            SweepTable t = s.executor(ex).listener(SweepProgress.terminal(System.err)).run();
            print(t, out, csv);
            return t.failed().isEmpty() ? 0 : 3;
        } finally {
            if (ex instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    System.err.println("plasticity: could not stop the executor: " + e);
                }
            }
        }
    }

    /**
     * The executor of the command line.
     *
     * @param name threads, sequential, spark, or null (threads)
     * @param threads {@code --threads}, or null
     * @param master {@code --master}, or null
     * @param sparkClass the Spark executor's class name
     * @return the executor
     */
    static SweepExecutor executor(String name, Integer threads, String master, String sparkClass) {
        String n = name == null ? "threads" : name.toLowerCase(Locale.ROOT);
        if (master != null && !n.equals("spark")) {
            throw new IllegalArgumentException("--master is for --executor spark");
        }
        if (threads != null && !n.equals("threads")) {
            throw new IllegalArgumentException("--threads is for --executor threads (Spark: the master's cores, e.g."
                    + " local[4]; sequential: one run at a time)");
        }
        return switch (n) {
            case "threads" -> threads == null ? SweepExecutor.inProcess() : SweepExecutor.threads(threads);
            case "sequential" -> SweepExecutor.sequential();
            case "spark" -> spark(master, sparkClass);
            default -> throw new IllegalArgumentException("unknown executor '" + name + "': threads, sequential or spark");
        };
    }

    /** The Spark executor through its {@code connect(String master)} factory, loaded by name. */
    static SweepExecutor spark(String master, String sparkClass) {
        if (master == null && System.getProperty("spark.master") == null) {
            throw new IllegalArgumentException("--executor spark needs --master URL (local[2], spark://HOST:7077, yarn,"
                    + " ...) unless spark-submit sets the master");
        }
        Class<?> c;
        try {
            c = Class.forName(sparkClass);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("--executor spark: this build has no Spark executor (" + sparkClass
                    + "); build with the spark profile, mvn -Pspark package -DskipTests, and put Spark 4 (Scala 2.13) on"
                    + " the class path: spark-submit, or PLASTICITY_CLASSPATH=\"$SPARK_HOME/jars/*\" bin/plasticity ...");
        } catch (LinkageError e) {
            throw new IllegalStateException("--executor spark: Spark is not on the class path (" + e
                    + "): run through spark-submit, or PLASTICITY_CLASSPATH=\"$SPARK_HOME/jars/*\" bin/plasticity ...");
        }
        try {
            return (SweepExecutor) c.getMethod("connect", String.class).invoke(null, master);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable t = e.getCause();
            if (t instanceof LinkageError) {
                throw new IllegalStateException("--executor spark: Spark is not on the class path (" + t
                        + "): run through spark-submit, or PLASTICITY_CLASSPATH=\"$SPARK_HOME/jars/*\" bin/plasticity ...",
                        t);
            }
            throw new IllegalStateException("--executor spark: could not start Spark on " + master + ": " + t, t);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("--executor spark: " + sparkClass + " has no connect(String master): " + e, e);
        }
    }

    private static void print(SweepTable t, PrintStream out, Path csv) {
        out.println(t.toText());
        for (RunResult f : t.failed()) {
            out.println("failed: " + line(f));
        }
        if (csv != null) {
            t.writeCsv(csv);
            out.println("rows written to " + csv);
        }
    }

    static String line(RunResult r) {
        return String.format(Locale.ROOT, "#%d %s seed %d %s %s%s", r.index(), r.runId(), r.seed(),
                r.state().name().toLowerCase(Locale.ROOT), r.knobs(), r.finished() ? " " + r.metrics() : ": " + r.message());
    }

    private static String value(String[] a, int i) {
        if (i >= a.length) {
            throw new IllegalArgumentException(a[i - 1] + " needs a value");
        }
        return a[i];
    }
}
