package org.plasticity.ep.dendritic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plasticity.experiment.Catalog;
import org.plasticity.experiment.Recipe;
import org.plasticity.experiment.sweep.Compare;
import org.plasticity.tensor.FloatKernels;

/** The catalogue entries of notebook 03, the controls' sizes and the verdict rules. */
class DendriticRecipesTest {

    @Test
    void everyModelAndClaimIsCatalogued() {
        for (String ds : new String[] {"mnist", "fmnist", "kmnist-split"}) {
            for (String depth : new String[] {"", "-2h"}) {
                for (DendriticRecipes.Model m : DendriticRecipes.Model.values()) {
                    Recipe r = Catalog.get(ds + depth + "-" + m.suffix());
                    assertEquals(Dendritic.PAPER, r.paper());
                    assertTrue(r.isTrained());
                }
                for (String c : new String[] {"vs-point-ep", "vs-point-ep-params", "vs-point-ep-states", "vs-dendritic-bptt"}) {
                    assertTrue(Catalog.get(ds + depth + "-claim-" + c).isDerived());
                }
            }
        }
        assertEquals("kmnist-test-split", Catalog.get("kmnist-split-dendritic-ep").dataset());
        assertTrue(Catalog.get("kmnist-split-dendritic-ep").notes().contains("NON-STANDARD"));
        assertEquals(120L, Catalog.get("fmnist-2h-dendritic-ep").configure(Map.of()).integer("t1"));
        assertEquals(60L, Catalog.get("fmnist-point-ep").configure(Map.of()).integer("t1"));
    }

    @Test
    void theControlsMatchTheDendriticNetsParametersAndStates() {
        for (int depth = 1; depth <= 2; depth++) {
            DendriticNetwork d = new DendriticNetwork(DendriticRecipes.dendritic(depth), 1, FloatKernels.scalar());
            int wp = DendriticRecipes.pointWidth(DendriticRecipes.Model.POINT_EP_PARAMS, depth);
            long p = DendriticRecipes.pointParameters(wp, depth);
            assertTrue(Math.abs(p - d.trainableParameterCount()) <= 800L * depth, p + " vs " + d.trainableParameterCount());
            int ws = DendriticRecipes.pointWidth(DendriticRecipes.Model.POINT_EP_STATES, depth);
            assertEquals(d.stateVariableCount(), (long) ws * depth + 10);
        }
        assertEquals(400, DendriticRecipes.pointWidth(DendriticRecipes.Model.POINT_EP_PARAMS, 1));
        assertEquals(1100, DendriticRecipes.pointWidth(DendriticRecipes.Model.POINT_EP_STATES, 1));
    }

    private static ClaimVerdict verdict(ClaimVerdict.Kind k, double... d) {
        java.util.Map<Long, Double> a = new java.util.HashMap<>();
        java.util.Map<Long, Double> b = new java.util.HashMap<>();
        for (int i = 0; i < d.length; i++) {
            a.put((long) i, 0.8 + d[i]);
            b.put((long) i, 0.8);
        }
        return ClaimVerdict.of(k, d, d.length >= 2 ? Compare.paired("a", a, "b", b) : null);
    }

    @Test
    void verdictsFollowTheStatedRules() {
        assertEquals(ClaimVerdict.SUPPORTED, verdict(ClaimVerdict.Kind.BETTER, 0.02, 0.025, 0.018, 0.022).verdict());
        assertEquals(ClaimVerdict.NOT_SUPPORTED, verdict(ClaimVerdict.Kind.BETTER, -0.02, -0.025, -0.018).verdict());
        assertEquals(ClaimVerdict.NOT_SUPPORTED, verdict(ClaimVerdict.Kind.BETTER, 0.001, -0.001, 0.0005, -0.0004).verdict());
        assertEquals(ClaimVerdict.INCONCLUSIVE, verdict(ClaimVerdict.Kind.BETTER, 0.03, -0.01, 0.02).verdict());
        assertEquals(ClaimVerdict.INCONCLUSIVE, verdict(ClaimVerdict.Kind.BETTER, 0.02).verdict());
        assertEquals(ClaimVerdict.SUPPORTED, verdict(ClaimVerdict.Kind.COMPARABLE, 0.001, -0.001, 0.0005, -0.0004).verdict());
        assertEquals(ClaimVerdict.NOT_SUPPORTED, verdict(ClaimVerdict.Kind.COMPARABLE, 0.02, 0.025, 0.018).verdict());
        assertEquals(ClaimVerdict.SUPPORTED, verdict(ClaimVerdict.Kind.APPROACHES, -0.002, -0.003, -0.001).verdict());
        assertEquals(ClaimVerdict.NOT_SUPPORTED, verdict(ClaimVerdict.Kind.APPROACHES, -0.03, -0.035, -0.028).verdict());
        String label = verdict(ClaimVerdict.Kind.BETTER, 0.02, 0.025, 0.018).label();
        assertEquals(label, ClaimVerdict.fromNotes("x; y; verdict: " + label));
    }
}
