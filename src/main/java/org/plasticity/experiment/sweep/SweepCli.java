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
 * plasticity sweep SWEEP.json [--store DIR] [--threads N] [--retry-failed] [--csv OUT.csv]   # the whole sweep
 * plasticity sweep SWEEP.json --index N [--store DIR] [--retry-failed]                       # one point (job array)
 * plasticity collect SWEEP.json [--store DIR] [--csv OUT.csv]                                # merge what is stored
 * </pre>
 *
 * A job array runs {@code --index $SLURM_ARRAY_TASK_ID} for 0..points-1 ({@code plasticity sweep
 * SWEEP.json --count} prints the count), all tasks writing into one store (a shared {@code --store}
 * or {@code $PLASTICITY_RUNS}); {@code collect} then reads every stored run into one table.
 */
public final class SweepCli {

    private SweepCli() {
    }

    /** Usage lines for the {@code plasticity} help text. */
    public static String usage() {
        return "       plasticity sweep SWEEP.json [--index N | --count] [--store DIR] [--threads N] [--retry-failed]"
                + " [--csv OUT]\n       plasticity collect SWEEP.json [--store DIR] [--csv OUT]\n";
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
        Path csv = null;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--index" -> index = Integer.parseInt(value(args, ++i));
                case "--count" -> count = true;
                case "--store" -> s = s.store(RunStore.at(Path.of(value(args, ++i))));
                case "--threads" -> s = s.executor(SweepExecutor.threads(Integer.parseInt(value(args, ++i))));
                case "--retry-failed" -> s = s.retryFailed(true);
                case "--csv" -> csv = Path.of(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + usage());
            }
        }
        if (args[0].equals("collect")) {
            SweepTable t = s.collect();
            print(t, out, csv);
            out.printf(Locale.ROOT, "collected %d of %d runs%n", t.results().size(), s.points().size());
            return t.failed().isEmpty() ? 0 : 3;
        }
        if (count) {
            out.println(s.points().size());
            return 0;
        }
        if (index != null) {
            RunResult r = s.runIndex(index);
            out.println(line(r));
            return r.finished() ? 0 : 3;
        }
        SweepTable t = s.listener(SweepProgress.terminal(System.err)).run();
        print(t, out, csv);
        return t.failed().isEmpty() ? 0 : 3;
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
