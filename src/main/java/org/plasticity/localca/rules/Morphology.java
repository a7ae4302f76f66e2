package org.plasticity.localca.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Morphology-aware extensions (paper Section 4, Appendix D), all off by default.
 *
 * @param pathPropagation multiply e_n by the path factor π_n (Eq. 26)
 * @param depthModulation ρ_j = ρ_base / (d_j + α) with d_j the graph distance to the soma
 * @param depthOffset α of the depth modulation (1.0, the configs' morphology_depth_offset)
 * @param dendriticNormalization Δg^den ← Δg^den / (Σ_k g_k^den + ε) over a compartment's children
 * @param apicalScale s_apical for the apical subtree (our labelling: the soma's first branch)
 * @param basalScale s_basal for the other subtrees
 */
public record Morphology(boolean pathPropagation, boolean depthModulation, double depthOffset,
        boolean dendriticNormalization, double apicalScale, double basalScale) {

    /** Validates. */
    public Morphology {
        if (!(depthOffset > 0) || !(apicalScale >= 0) || !(basalScale >= 0)) {
            throw new IllegalArgumentException("need depthOffset > 0 and scales ≥ 0; got " + depthOffset + ", "
                    + apicalScale + ", " + basalScale);
        }
    }

    /** Everything off (scales 1). */
    public static Morphology none() {
        return new Morphology(false, false, 1.0, false, 1.0, 1.0);
    }

    /** Copy with path propagation on/off. */
    public Morphology withPathPropagation(boolean v) {
        return new Morphology(v, depthModulation, depthOffset, dendriticNormalization, apicalScale, basalScale);
    }

    /** Copy with depth modulation on/off. */
    public Morphology withDepthModulation(boolean v) {
        return new Morphology(pathPropagation, v, depthOffset, dendriticNormalization, apicalScale, basalScale);
    }

    /** Copy with dendritic normalisation on/off. */
    public Morphology withDendriticNormalization(boolean v) {
        return new Morphology(pathPropagation, depthModulation, depthOffset, v, apicalScale, basalScale);
    }

    /** Copy with apical/basal scales. */
    public Morphology withBranchScales(double apical, double basal) {
        return new Morphology(pathPropagation, depthModulation, depthOffset, dendriticNormalization, apical, basal);
    }

    @Override
    public String toString() {
        List<String> on = new ArrayList<>();
        if (pathPropagation) {
            on.add("path");
        }
        if (depthModulation) {
            on.add("depth(α=" + depthOffset + ")");
        }
        if (dendriticNormalization) {
            on.add("den-norm");
        }
        if (apicalScale != 1 || basalScale != 1) {
            on.add(String.format(Locale.ROOT, "apical×%s basal×%s", apicalScale, basalScale));
        }
        return on.isEmpty() ? "morphology off" : String.join(" ", on);
    }
}
