package org.plasticity.notebook.run;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.plasticity.results.Profile;

/** Argument parsing and exit codes of {@link NotebookRunner#main(String[])}. */
final class RunnerCli {

    static final String USAGE = """
            usage: NotebookRunner [--profile smoke|full] [--out DIR] [--in-place] [--html]
                                  [--jupyter-path DIR] [--kernel NAME] [--cell-timeout SECONDS]
                                  [--jupyter PATH] [notebook.ipynb | folder]...
              default: all notebooks in ./notebooks, profile from PLASTICITY_PROFILE (smoke when unset),
                       output in target/notebooks-<profile>, kernel "plasticity\"""";

    private RunnerCli() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String profile = Profile.current().id();
        Path outDir = null;
        Path jupyterPath = null;
        Path jupyter = NotebookRunner.DEBIAN_JUPYTER;
        String kernel = "plasticity";
        int cellTimeout = -1;
        boolean inPlace = false;
        boolean html = false;
        List<Path> paths = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--profile" -> profile = Profile.parse(value(args, ++i)).id();
                    case "--out" -> outDir = Path.of(value(args, ++i));
                    case "--jupyter-path" -> jupyterPath = Path.of(value(args, ++i));
                    case "--jupyter" -> jupyter = Path.of(value(args, ++i));
                    case "--kernel" -> kernel = value(args, ++i);
                    case "--cell-timeout" -> cellTimeout = Integer.parseInt(value(args, ++i));
                    case "--in-place" -> inPlace = true;
                    case "--html" -> html = true;
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + args[i]);
                        }
                        paths.add(Path.of(args[i]));
                    }
                }
            }
            if (!Files.isExecutable(jupyter)) {
                err.println("error: " + jupyter + " not found; " + NotebookRunner.INSTALL_HINT);
                return 1;
            }
            if (paths.isEmpty()) {
                paths.add(Path.of("notebooks"));
            }
            if (cellTimeout < 0) {
                cellTimeout = profile.equals("smoke") ? 900 : 24 * 3600;
            }
            Path dir = outDir != null ? outDir : Path.of("target", "notebooks-" + profile);
            // One kernel start per notebook: a start-up hang fails the notebook instead of being retried away.
            NbConvert nbc = new NbConvert(jupyter, jupyterPath, kernel, profile, 20, cellTimeout, 1, out);
            List<NotebookRunner.Report> reports = NotebookRunner.run(
                    new NotebookRunner.Options(NotebookRunner.discover(paths), dir, nbc, inPlace, html));
            long failed = reports.stream().filter(r -> !r.passed()).count();
            out.println((failed == 0 ? "all " + reports.size() + " notebooks passed" : failed + " of "
                    + reports.size() + " notebooks FAILED") + "; executed notebooks" + (html ? " (and HTML)" : "")
                    + " are in " + dir.toAbsolutePath() + (inPlace ? " and, where passing, in place" : ""));
            return failed == 0 ? 0 : 1;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
