package org.plasticity.notebook.run;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.plasticity.io.AtomicFiles;
import org.plasticity.results.ResultsCsv;

/**
 * Executes notebooks through the installed kernel, checks them ({@link NotebookCheck}) and keeps
 * the executed copies. Used by {@code kernel-spec/run-notebooks.sh} (the main job) and by the
 * notebook test suite.
 *
 * <pre>
 * java -cp target/plasticity.jar:target/lib/* org.plasticity.notebook.run.NotebookRunner \
 *     [--profile smoke|full] [--out DIR] [--in-place] [--html] [--jupyter-path DIR] \
 *     [--kernel NAME] [--cell-timeout SECONDS] [notebook.ipynb | folder]...
 * </pre>
 * Exit status 0 when every notebook ran and passed its checks, 1 otherwise, 2 on bad usage.
 */
public final class NotebookRunner {

    /** Where Debian's Jupyter lives (the first {@code jupyter} on PATH may belong to another Python). */
    public static final Path DEBIAN_JUPYTER = Path.of("/usr/bin/jupyter");

    /** How to install Jupyter when it is missing. */
    public static final String INSTALL_HINT = "install Jupyter from Debian: sudo apt-get update && sudo apt-get "
            + "install -y --no-install-recommends jupyter-nbconvert python3-nbclient jupyter-client "
            + "jupyter-notebook python3-ipykernel (or run kernel-spec/test.sh, which does it)";

    /**
     * What to run and how.
     *
     * @param notebooks notebook files, in order
     * @param outputDir where executed copies (and logs, and HTML) go
     * @param nbconvert the executor
     * @param inPlace also write passing executed notebooks back over their sources
     * @param html also export each executed notebook as HTML
     */
    public record Options(List<Path> notebooks, Path outputDir, NbConvert nbconvert, boolean inPlace, boolean html) {
        /** Copies the list and rejects an empty run. */
        public Options {
            notebooks = List.copyOf(notebooks);
            if (notebooks.isEmpty()) {
                throw new IllegalArgumentException("no notebooks to run");
            }
        }
    }

    /**
     * The outcome for one notebook.
     *
     * @param source the notebook that was run
     * @param result the execution
     * @param problems check failures (empty when it passed)
     */
    public record Report(Path source, NbConvert.Result result, List<String> problems) {
        /** Copies the problems. */
        public Report {
            problems = List.copyOf(problems);
        }

        /** Whether it ran and passed every check. */
        public boolean passed() {
            return result.completed() && problems.isEmpty();
        }

        @Override
        public String toString() {
            String name = source.getFileName().toString();
            if (passed()) {
                return String.format(Locale.ROOT, "ok      %s (%.1f s, %d kernel start%s)", name, result.seconds(),
                        result.attempts(), result.attempts() == 1 ? "" : "s");
            }
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "FAILED  %s (%.1f s)", name,
                    result.seconds()));
            if (!result.completed()) {
                sb.append("\n    nbconvert failed:\n").append(result.failure().indent(6));
            }
            problems.forEach(p -> sb.append("\n    ").append(p));
            return sb.toString();
        }
    }

    private NotebookRunner() {
    }

    /**
     * Runs every notebook of {@code options} in turn.
     *
     * @param options what to run
     * @return one report per notebook
     */
    public static List<Report> run(Options options) {
        PrintStream log = options.nbconvert().log();
        String profile = options.nbconvert().profile();
        if (profile.equals("full")) {
            ResultsCsv.projectRoot().map(root -> root.resolve("results")).filter(Files::isDirectory)
                    .ifPresent(results -> FullProfileCost.estimate(options.notebooks(), results).lines()
                            .forEach(log::println));
        }
        List<Report> reports = new ArrayList<>();
        for (Path nb : options.notebooks()) {
            CellTimes times = CellTimes.read(nb);
            log.println("running " + nb.getFileName() + " (" + profile + " profile, " + times.codeCells().size()
                    + " code cells" + (times.profile().equals(profile) && times.complete() ? ", last " + profile
                    + " run " + CellTimes.format(times.totalSeconds()) : "") + ") …");
            NbConvert.Result r;
            Path nbLog = options.outputDir().resolve(nb.getFileName().toString().replaceAll("\\.ipynb$", "") + ".log");
            try (CellProgress progress = CellProgress.watch(times, profile, nbLog, log)) {
                r = options.nbconvert().execute(nb, options.outputDir());
            }
            List<String> problems = new ArrayList<>();
            if (r.completed()) {
                NotebookCheck.warnings(Notebook.read(r.executed())).forEach(w -> log.println("  warning: " + w));
                markProfile(r.executed(), options.nbconvert().profile());
                problems.addAll(NotebookCheck.problems(Notebook.read(r.executed()), options.nbconvert().profile()));
                if (problems.isEmpty() && options.inPlace()) {
                    copyOver(r.executed(), nb);
                }
                if (options.html()) {
                    exportHtml(options, r.executed());
                }
            }
            Report report = new Report(nb, r, problems);
            log.println(report);
            reports.add(report);
        }
        return reports;
    }

    /**
     * The notebooks in the given files and folders: {@code *.ipynb}, sorted by name, without
     * hidden files and checkpoints.
     *
     * @param paths notebook files or folders
     * @return the notebook files
     */
    public static List<Path> discover(List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().endsWith(".ipynb"))
                            .filter(f -> !f.getFileName().toString().startsWith(".")).sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("could not list " + p + ": " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(p) && p.toString().endsWith(".ipynb")) {
                out.add(p);
            } else {
                throw new IllegalArgumentException(p + " is neither a notebook (.ipynb) nor a folder");
            }
        }
        return out;
    }

    private static void markProfile(Path executed, String profile) {
        try {
            String text = Files.readString(executed, StandardCharsets.UTF_8);
            AtomicFiles.writeString(executed, NotebookCheck.markProfile(text, profile));
        } catch (IOException e) {
            throw new UncheckedIOException("could not update " + executed + ": " + e.getMessage(), e);
        }
    }

    private static void copyOver(Path executed, Path source) {
        try {
            AtomicFiles.write(source, Files.readAllBytes(executed));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + source + ": " + e.getMessage(), e);
        }
    }

    private static void exportHtml(Options options, Path executed) {
        try {
            Process p = new ProcessBuilder(options.nbconvert().jupyter().toString(), "nbconvert", "--to", "html",
                    executed.toAbsolutePath().toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor() != 0) {
                options.nbconvert().log().println("  (HTML export of " + executed.getFileName() + " failed)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not export " + executed + " as HTML: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Command-line entry point; see the class comment. */
    public static void main(String[] args) {
        System.exit(RunnerCli.run(args, System.out, System.err));
    }
}
