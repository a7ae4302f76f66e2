package org.plasticity.experiment;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.plasticity.results.Profile;
import org.plasticity.results.ReproductionRow;
import org.plasticity.train.EpochMetrics;
import org.plasticity.train.TrainingListener;
import org.plasticity.train.TrainingSession;

/**
 * The {@code plasticity} command ({@code bin/plasticity} runs this class):
 *
 * <pre>
 * plasticity list [TEXT]                      catalogued ids (containing TEXT)
 * plasticity run [OPTIONS] ID... | all        train or read back, print the rows
 * plasticity run [OPTIONS] --spec SPEC.json   one run spec (sweeps, job arrays)
 * plasticity spec ID [--set K=V]... [--seed N]  print a run spec
 * plasticity status [ID...]                   done / in progress (epoch) / not started, per id and seed
 *
 * OPTIONS: --profile smoke|full (default: -Dplasticity.profile / $PLASTICITY_PROFILE, else smoke)
 *          --seeds N (first N seeds) | -Dplasticity.seeds=42,43 (exact seeds)
 *          --set KNOB=VALUE (repeatable)   --record (copy records and rows into results/; full profile only)
 * </pre>
 *
 * Without {@code --record} nothing tracked is written: records go to {@code target/runs/}, rows to
 * {@code target/results/reproduction.csv}.
 */
public final class Plasticity {

    private Plasticity() {
    }

    /**
     * Entry point.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        int code;
        try {
            code = run(args, System.out);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            System.err.println("plasticity: " + e.getMessage());
            code = 2;
        }
        System.exit(code);
    }

    /**
     * Runs one command.
     *
     * @param args the command line
     * @param out where to print
     * @return exit code (0 = success)
     */
    public static int run(String[] args, PrintStream out) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
            out.println(usage());
            return args.length == 0 ? 1 : 0;
        }
        if (args[0].equals("sweep") || args[0].equals("collect")) {
            return org.plasticity.experiment.sweep.SweepCli.run(args, out);
        }
        Options o = Options.parse(java.util.Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "list" -> list(o, out);
            case "run" -> runIds(o, out);
            case "spec" -> spec(o, out);
            case "status" -> status(o, out);
            default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'\n" + usage());
        }
        return 0;
    }

    static String usage() {
        return """
                usage: plasticity list [TEXT]
                       plasticity run [--profile smoke|full] [--seeds N] [--set KNOB=VALUE]... [--record] ID... | all
                       plasticity run [--record] --spec SPEC.json
                       plasticity spec ID [--set KNOB=VALUE]... [--seed N] [--profile smoke|full]
                       plasticity status [--profile smoke|full] [ID...]
                """ + org.plasticity.experiment.sweep.SweepCli.usage() + """
                seeds: -Dplasticity.seeds=42,43 runs exactly these; profile: -Dplasticity.profile or $PLASTICITY_PROFILE""";
    }

    private static void list(Options o, PrintStream out) {
        String filter = o.ids.isEmpty() ? "" : o.ids.get(0);
        for (Recipe r : Catalog.all()) {
            if (r.id().contains(filter)) {
                out.println(String.format(Locale.ROOT, "%-48s %-38s %-15s %s", r.id(), r.paper(), r.dataset(),
                        r.claims().isEmpty() ? "" : r.claims().get(0)));
            }
        }
    }

    private static List<String> ids(Options o) {
        List<String> ids = new ArrayList<>();
        for (String a : o.ids) {
            if (a.equals("all")) {
                ids.addAll(Catalog.ids());
            } else {
                ids.add(a);
            }
        }
        for (String id : ids) { // fail before hours of runs, not after
            Catalog.get(id);
        }
        return ids;
    }

    private static Experiment configure(Experiment e, Options o, PrintStream out, String label) {
        e = e.with(o.set).quiet().listener(new ConsoleEpochs(label, out));
        if (o.profile != null) {
            e = e.profile(o.profile);
        }
        if (o.seeds > 0) {
            e = e.seeds(o.seeds);
        }
        if (o.record) {
            e = e.record(true);
        }
        return e;
    }

    private static void runIds(Options o, PrintStream out) {
        if (o.spec != null) {
            RunSpec spec;
            try {
                spec = RunSpec.fromJson(Files.readString(o.spec, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read run spec " + o.spec, e);
            }
            Experiment e = spec.experiment().quiet().listener(new ConsoleEpochs(spec.runId(), out));
            if (o.record) {
                e = e.record(true);
            }
            out.println("== " + spec.toJson());
            out.println("   " + spec.run(e));
            return;
        }
        List<String> ids = ids(o);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("run what? give ids, 'all' or --spec SPEC.json");
        }
        for (String id : ids) {
            Recipe r = Catalog.get(id);
            Experiment e = r.isTrained() ? configure(r.experiment(), o, out, id) : configure(r.experiment(), withoutSet(o),
                    out, id);
            long t0 = System.nanoTime();
            out.println("== " + e);
            Outcome oc = e.run();
            for (ReproductionRow row : oc.rows()) {
                out.println("   " + row);
            }
            String where = e.records() ? "; recorded into results/" : e.profile() == Profile.SMOKE
                    ? "; smoke: rows in target/results, records in a temporary folder deleted at exit"
                    : "; not recorded: rows in target/results, records in " + e.runStore().output();
            out.printf(Locale.ROOT, "   (%.0f s%s)%n", (System.nanoTime() - t0) / 1e9, where);
        }
    }

    private static Options withoutSet(Options o) {
        if (!o.set.isEmpty()) {
            throw new IllegalArgumentException("--set applies to trained recipes only");
        }
        return o;
    }

    private static void spec(Options o, PrintStream out) {
        if (o.ids.size() != 1) {
            throw new IllegalArgumentException("spec takes one id");
        }
        Recipe r = Catalog.get(o.ids.get(0));
        long seed = o.seed != null ? o.seed : r.seeds()[0];
        out.println(new RunSpec(r.id(), o.set, seed, o.profile != null ? o.profile : Profile.current()).toJson());
    }

    private static void status(Options o, PrintStream out) {
        List<String> ids = o.ids.isEmpty() ? Catalog.ids() : ids(o);
        for (String id : ids) {
            Recipe r = Catalog.get(id);
            if (!r.isTrained()) {
                out.println(id + ": " + (r.isDerived() ? "derived (computed from other recipes when run)"
                        : "not obtainable here"));
                continue;
            }
            Experiment e = r.experiment().with(o.set);
            if (o.profile != null) {
                e = e.profile(o.profile);
            }
            for (RunStatus s : e.status()) {
                out.println(s);
            }
        }
    }

    /** Prints one line per epoch (for runs started with nohup). */
    private record ConsoleEpochs(String label, PrintStream out) implements TrainingListener {
        @Override
        public void onEpochEnd(TrainingSession s, EpochMetrics m) {
            out.println("   " + label + " seed " + s.config().seed() + " " + m);
        }
    }

    /** Parsed options. */
    private static final class Options {
        final List<String> ids = new ArrayList<>();
        final Map<String, Object> set = new LinkedHashMap<>();
        Profile profile;
        int seeds;
        Long seed;
        boolean record;
        Path spec;

        static Options parse(String[] a) {
            Options o = new Options();
            for (int i = 0; i < a.length; i++) {
                switch (a[i]) {
                    case "--record" -> o.record = true;
                    case "--profile" -> o.profile = Profile.parse(value(a, ++i, "--profile"));
                    case "--seeds" -> o.seeds = Integer.parseInt(value(a, ++i, "--seeds"));
                    case "--seed" -> o.seed = Long.parseLong(value(a, ++i, "--seed"));
                    case "--spec" -> o.spec = Path.of(value(a, ++i, "--spec"));
                    case "--set" -> {
                        String kv = value(a, ++i, "--set");
                        int eq = kv.indexOf('=');
                        if (eq < 1) {
                            throw new IllegalArgumentException("--set needs KNOB=VALUE, got '" + kv + "'");
                        }
                        o.set.put(kv.substring(0, eq), kv.substring(eq + 1));
                    }
                    default -> {
                        if (a[i].startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + a[i] + "\n" + usage());
                        }
                        o.ids.add(a[i]);
                    }
                }
            }
            return o;
        }

        private static String value(String[] a, int i, String opt) {
            if (i >= a.length) {
                throw new IllegalArgumentException(opt + " needs a value");
            }
            return a[i];
        }
    }
}
