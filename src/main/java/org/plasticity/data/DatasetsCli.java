package org.plasticity.data;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;
import org.plasticity.data.cache.Catalog;
import org.plasticity.data.cache.DataCache;
import org.plasticity.data.cache.DataFile;
import org.plasticity.data.cache.DatasetSpec;
import org.plasticity.data.cache.FillReport;

/**
 * Command line for the data cache:
 * <pre>
 * java -cp target/classes:target/lib/* org.plasticity.data.DatasetsCli fill [names...]   (default: all obtainable)
 * java -cp target/classes:target/lib/* org.plasticity.data.DatasetsCli verify [names...]
 * java -cp target/classes:target/lib/* org.plasticity.data.DatasetsCli list
 * </pre>
 * The cache folder is {@code ~/.plasticity/datasets} unless {@code -Dplasticity.data=DIR} or
 * {@code PLASTICITY_DATA} says otherwise. Exit status: 0 on success, 1 on a data error, 2 on usage.
 */
public final class DatasetsCli {

    private DatasetsCli() {
    }

    /** Entry point; exits with the status of {@link #run(String[], PrintStream, PrintStream)}. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs one command.
     *
     * @return the exit status: 0 success, 1 data error, 2 usage error
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        DataCache cache = DataCache.defaultCache();
        if (args.length == 0) {
            err.println(usage());
            return 2;
        }
        String[] names = java.util.Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (args[0]) {
                case "fill" -> {
                    out.println("data cache: " + cache.root());
                    for (FillReport r : new DatasetLoader(cache).fill(names)) {
                        out.println("  " + r);
                        for (String f : r.failedSources()) {
                            out.println("    (tried first: " + f + ")");
                        }
                    }
                    return 0;
                }
                case "verify" -> {
                    return verify(cache, names.length == 0 ? Catalog.defaults() : specs(names), out);
                }
                case "list" -> {
                    list(cache, out);
                    return 0;
                }
                default -> {
                    err.println("unknown command '" + args[0] + "'\n" + usage());
                    return 2;
                }
            }
        } catch (DataFileException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage() + "\n" + usage());
            return 2;
        }
    }

    private static List<DatasetSpec> specs(String[] names) {
        return java.util.Arrays.stream(names).map(Catalog::byName).toList();
    }

    private static int verify(DataCache cache, List<DatasetSpec> specs, PrintStream out) {
        int bad = 0;
        out.println("data cache: " + cache.root());
        for (DatasetSpec s : specs) {
            for (DataFile f : s.files()) {
                try {
                    cache.readVerified(f, s.fillCommand(cache));
                    out.println("  ok       " + f.path());
                } catch (DataFileException e) {
                    bad++;
                    out.println("  FAILED   " + f.path() + ": " + e.problem() + "\n           fix: " + e.fix());
                }
            }
        }
        try (var files = Files.walk(cache.root())) {
            files.filter(DatasetsCli::isLeftover).forEach(p -> out.println("  leftover " + p + " (from an interrupted fill; safe to delete)"));
        } catch (java.io.IOException e) {
            out.println("  (cannot scan " + cache.root() + ": " + e.getMessage() + ")");
        }
        return bad == 0 ? 0 : 1;
    }

    /** Temporary files of {@link org.plasticity.io.AtomicFiles} and scratch folders of {@code CacheFiller}. */
    private static boolean isLeftover(java.nio.file.Path p) {
        String n = p.getFileName().toString();
        return (n.startsWith(".") && n.endsWith(".tmp")) || n.startsWith(".fill-");
    }

    private static void list(DataCache cache, PrintStream out) {
        out.println("data cache: " + cache.root());
        for (DatasetSpec s : Catalog.all()) {
            long present = s.files().stream().filter(cache::isPresent).count();
            String state = present == s.files().size() ? "present" : present == 0 ? "absent" : present + "/" + s.files().size() + " files";
            out.printf("  %-14s %-10s %s%n", s.name(), state, s.title());
        }
    }

    private static String usage() {
        return "usage: " + DatasetSpec.CLI + " fill [names...] | verify [names...] | list\n  names: "
                + Catalog.all().stream().map(DatasetSpec::name).toList() + " or 'all'";
    }
}
