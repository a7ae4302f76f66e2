package org.plasticity.latent.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One layer: its rate function and its unit groups (a mixture of fast and slow units, spec §2.4).
 *
 * @param activation φ of the layer
 * @param groups the unit groups, in unit order
 */
public record LayerSpec(Activation activation, List<UnitGroup> groups) {

    /** Validates and copies. */
    public LayerSpec {
        if (activation == null || groups == null || groups.isEmpty()) {
            throw new IllegalArgumentException("a layer needs an activation and at least one unit group");
        }
        groups = List.copyOf(groups);
    }

    /** A layer of the given groups. */
    public static LayerSpec of(Activation activation, UnitGroup... groups) {
        return new LayerSpec(activation, List.of(groups));
    }

    /** Number of units. */
    public int size() {
        return groups.stream().mapToInt(UnitGroup::count).sum();
    }

    /** τ_m per unit. */
    public float[] tauM() {
        float[] t = new float[size()];
        int i = 0;
        for (UnitGroup g : groups) {
            for (int k = 0; k < g.count(); k++) {
                t[i++] = (float) g.tauM();
            }
        }
        return t;
    }

    /** τ_r per unit. */
    public float[] tauR() {
        float[] t = new float[size()];
        int i = 0;
        for (UnitGroup g : groups) {
            for (int k = 0; k < g.count(); k++) {
                t[i++] = (float) g.tauR();
            }
        }
        return t;
    }

    /** The same layer with every time constant scaled by {@code k} (floored at {@code floor}). */
    public LayerSpec scaled(double k, double floor) {
        return new LayerSpec(activation, groups.stream().map(g -> g.scaled(k, floor)).toList());
    }

    @Override
    public String toString() {
        return activation.name().toLowerCase(java.util.Locale.ROOT) + "["
                + groups.stream().map(UnitGroup::toString).collect(Collectors.joining(" + ")) + "]";
    }
}
