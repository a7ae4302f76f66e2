package org.plasticity.notebook;

import java.util.List;

/**
 * The imports every notebook and JShell session starts with: our API (every model family and the
 * experiment layer, so a notebook needs no import cell beyond its own), Tablesaw's table API and
 * XChart's charts. {@code Estimator} means EP's ({@code ep.estimator.Estimator}, imported by name);
 * LocalCA's is {@code org.plasticity.localca.rules.Estimator}. The same lines are in {@code kernel-spec/plasticity.jsh} (JShell start-up
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
            "import org.plasticity.experiment.*;",
            "import org.plasticity.ep.*;",
            "import org.plasticity.ep.model.*;",
            "import org.plasticity.ep.estimator.*;",
            "import org.plasticity.ep.bptt.*;",
            "import org.plasticity.ep.diagnostics.*;",
            "import org.plasticity.ep.recipes.*;",
            "import org.plasticity.localca.*;",
            "import org.plasticity.localca.model.*;",
            "import org.plasticity.localca.rules.*;",
            "import org.plasticity.localca.fidelity.*;",
            "import org.plasticity.localca.experiments.*;",
            "import org.plasticity.ep.estimator.Estimator;",
            "import org.plasticity.ep.dendritic.Dendritic;",
            "import org.plasticity.ep.dendritic.DendriticConfig;",
            "import org.plasticity.ep.dendritic.DendriticRecipes;",
            "import org.plasticity.ep.dendritic.DendriticState;",
            "import org.plasticity.ep.dendritic.ClaimVerdict;",
            "import org.plasticity.ep.spiking.*;",
            "import org.plasticity.ep.spiking.recipes.*;",
            "import org.plasticity.latent.*;",
            "import org.plasticity.latent.learn.*;",
            "import org.plasticity.latent.tasks.*;",
            "import org.plasticity.latent.recipes.*;",
            "import org.plasticity.latent.fidelity.*;",
            "import org.plasticity.latent.model.GleConfig;",
            "import org.plasticity.latent.model.GleNetwork;",
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
