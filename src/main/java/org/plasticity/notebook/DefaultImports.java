package org.plasticity.notebook;

import java.util.List;

/**
 * The imports every notebook and JShell session starts with: our API, Tablesaw's table API and
 * XChart's charts. The same lines are in {@code kernel-spec/plasticity.jsh} (JShell start-up
 * file and rapaio {@code RJK_INIT_SCRIPT}); the JJava extension evaluates them on install.
 */
public final class DefaultImports {

    private static final List<String> LINES = List.of(
            "import java.nio.file.*;",
            "import java.util.*;",
            "import java.util.stream.*;",
            "import org.plasticity.baseline.*;",
            "import org.plasticity.data.*;",
            "import org.plasticity.display.*;",
            "import org.plasticity.notebook.*;",
            "import org.plasticity.plot.*;",
            "import org.plasticity.results.*;",
            "import org.plasticity.train.*;",
            "import org.plasticity.train.optim.*;",
            "import tech.tablesaw.api.*;",
            "import org.knowm.xchart.*;",
            "import static org.plasticity.notebook.Show.show;");

    private DefaultImports() {
    }

    /** One import per element, in evaluation order. */
    public static List<String> lines() {
        return LINES;
    }

    /** The imports as one script, one per line. */
    public static String script() {
        return String.join("\n", LINES) + "\n";
    }
}
