package org.plasticity.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;
import org.plasticity.notebook.DefaultImports;

/** The default imports cover every family and the experiment layer: notebook cells need no imports of their own. */
class DefaultImports_FamiliesTest {

    @Test
    void familyAndLayerNamesResolveWithoutQualification() {
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                shell.addToClasspath(entry);
            }
            DefaultImports.lines().forEach(shell::eval);
            for (String expr : List.of("Catalog.get(\"mnist-5f-per-soma\").id()", "Estimator.SYMMETRIC.name()",
                    "EqProp.network(4, 3, 2).config().beta()", "EpPresets.laborieux2021Mnist().id()", "EpRecipes.PAPER",
                    "TreeConfig.headline().neurons()", "LocalRuleConfig.headline().id()", "Task.MNIST.id()",
                    "Comparisons.PATH_MINUS_NO_PATH", "GduCheck.class", "EpPlots.class", "Bptt.class", "Rule.FIVE_F",
                    "FidelityListener.class", "LocalCa.PAPER", "RunSpec.class", "Profile.SMOKE_EPOCHS",
                    "SpikingEp.oneHidden(4, 2).perClass()", "SpikingAnalyses.BASE", "SpikeTrace.class", "SpikingEnergy.MAC_PJ")) {
                List<SnippetEvent> ev = shell.eval(expr);
                assertEquals(Snippet.Status.VALID, ev.get(0).status(), () -> expr + ": " + shell.diagnostics(ev.get(0)
                        .snippet()).map(d -> d.getMessage(null)).toList());
                assertEquals(null, ev.get(0).exception(), expr);
            }
        }
    }
}
