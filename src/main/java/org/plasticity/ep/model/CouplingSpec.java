package org.plasticity.ep.model;

/**
 * An extra dense coupling term of Φ between two layers that are not neighbours (a skip coupling):
 * {@code Φ_c = ⟨s_to, W_c s_from + b_c⟩}, summed with the neighbouring-layer terms of the architecture.
 * Layers are numbered as in {@code EqProp.network(sizes...)}: 0 is the clamped input x, 1 the first
 * hidden layer, and so on up to the last dynamical layer. Like every coupling of Φ it acts both ways
 * (bottom-up {@code W s_from} on {@code s_to}, top-down {@code Wᵀ s_to} on {@code s_from}), so the EP
 * theorem still holds (Scellier &amp; Bengio 2017: any symmetric Hopfield-like Φ).
 *
 * @param from the lower layer (0 = input)
 * @param to the upper layer, {@code to ≥ from + 2}
 * @param lrScale learning-rate multiplier of its weight and bias
 */
public record CouplingSpec(int from, int to, double lrScale) {

    /** Validates. */
    public CouplingSpec {
        if (from < 0 || to < from + 2) {
            throw new IllegalArgumentException("a skip coupling needs 0 ≤ from and to ≥ from + 2 (neighbouring layers are "
                    + "coupled already), got " + from + " → " + to);
        }
        if (!(lrScale >= 0) || Double.isInfinite(lrScale)) {
            throw new IllegalArgumentException("the coupling's learning-rate multiplier must be finite and ≥ 0, got " + lrScale);
        }
    }

    /** Suffix of its parameter names: {@code W<from>_<to>}, {@code b<from>_<to>}. */
    public String name() {
        return from + "_" + to;
    }

    @Override
    public String toString() {
        return from + "→" + to + (lrScale == 1 ? "" : "(lr×" + lrScale + ")");
    }
}
