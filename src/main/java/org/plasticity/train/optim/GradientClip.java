package org.plasticity.train.optim;

/** Element-wise clipping of a gradient slot ({@code clip_grad_value} semantics). */
final class GradientClip {

    private GradientClip() {
    }

    /** Clips {@code g} into {@code [-c, c]} in place; {@code c ≤ 0} or infinite means no clipping. */
    static void clipValue(float[] g, double c) {
        if (!(c > 0) || Double.isInfinite(c)) {
            return;
        }
        float hi = (float) c;
        float lo = -hi;
        for (int i = 0; i < g.length; i++) {
            float v = g[i];
            g[i] = v > hi ? hi : (v < lo ? lo : v);
        }
    }
}
