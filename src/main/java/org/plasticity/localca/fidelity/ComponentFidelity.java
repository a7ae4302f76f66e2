package org.plasticity.localca.fidelity;

import java.util.Locale;
import org.plasticity.localca.model.ParameterGroup;

/**
 * Fidelity of one parameter tensor: cosine (Eq. 27), log10 scale mismatch (Eq. 28) and relative
 * L2 error of the local pseudo-gradient against the backprop gradient.
 *
 * @param tensor tensor name
 * @param group component group
 * @param layer compartment layer (−1 for the decoder)
 * @param size number of scalars (the aggregation weight)
 * @param cosine ⟨g_l, g_b⟩ / (‖g_l‖‖g_b‖ + 1e-12)
 * @param scaleMismatch |log10(‖g_l‖ / (‖g_b‖ + ε))|
 * @param relativeL2 ‖g_l − g_b‖ / ‖g_b‖ (NaN when g_b = 0)
 * @param localNorm ‖g_l‖
 * @param backpropNorm ‖g_b‖
 */
public record ComponentFidelity(String tensor, ParameterGroup group, int layer, long size, double cosine,
        double scaleMismatch, double relativeL2, double localNorm, double backpropNorm) {

    private static final double EPS = 1e-12;

    /** Measures one tensor. */
    public static ComponentFidelity of(String tensor, ParameterGroup group, int layer, float[] local, float[] bp) {
        if (local.length != bp.length) {
            throw new IllegalArgumentException(tensor + ": local and backprop gradients differ in size");
        }
        double dot = 0;
        double ll = 0;
        double bb = 0;
        double dd = 0;
        for (int i = 0; i < local.length; i++) {
            double l = local[i];
            double b = bp[i];
            dot += l * b;
            ll += l * l;
            bb += b * b;
            dd += (l - b) * (l - b);
        }
        double nl = Math.sqrt(ll);
        double nb = Math.sqrt(bb);
        double cos = dot / (nl * nb + EPS);
        double scale = nl == 0 && nb == 0 ? 0 : Math.abs(Math.log10((nl + EPS) / (nb + EPS)));
        double rel = nb == 0 ? Double.NaN : Math.sqrt(dd) / nb;
        return new ComponentFidelity(tensor, group, layer, local.length, cos, scale, rel, nl, nb);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: cos %.3f, scale %.3f, relL2 %.3f", tensor, cosine, scaleMismatch,
                relativeL2);
    }
}
