package org.plasticity.ep.spiking.lif;

import org.plasticity.neuron.Lif;
import org.plasticity.neuron.LifParameters;

/**
 * The predictive sigma-delta code of O'Connor, Gavves &amp; Welling (2019), the boxed part of the stochastic
 * spiking EP paper's eq. 17, over arrays of neurons (the caller owns the state):
 * <pre>
 *   encoder   Enc_t = (x_t − (1 − α_t) x_{t−1}) / α_t          (predictive: the scaled innovation of x)
 *   modulator s_t = [V_{t−1} + Enc_t ≥ ½],  V_t = V_{t−1} + Enc_t − s_t   (sigma-delta, V_th = ½)
 *   decoder   Dec_t = (1 − α_t) Dec_{t−1} + α_t s_t              (applied by the receiver to its weighted input)
 * </pre>
 * With the same α_t on both sides the decoder inverts the encoder up to the modulator's error: the
 * reconstruction error {@code e_t = Dec_t − x_t} of a unit weight obeys
 * {@code e_t = (1 − α_t) e_{t−1} − α_t (V_t − V_{t−1})}, and {@code |V| ≤ ½} while {@code Enc ∈ [0, 1]}. With
 * α ≡ 1 the code is plain sigma-delta modulation of x: {@code |Σ_t (x_t − s_t)| ≤ 1}.
 *
 * <p>The modulator is an integrate-and-fire neuron with subtractive reset: {@link Lif#step} with decay 1,
 * threshold 1 and subtractive reset on the state {@code V + ½} (so the accumulators here hold V + ½, starting at
 * ½ for V = 0). Spikes are 0/1.
 */
public final class SigmaDelta {

    /** The modulator as an integrate-and-fire neuron: no leak, θ 1, subtractive reset, no refractory period. */
    public static final LifParameters MODULATOR = new LifParameters(1f, 1f, 0f, true, 0, 0f, 25f);

    /** The accumulator value for V = 0 (accumulators hold V + ½). */
    public static final float REST = 0.5f;

    private SigmaDelta() {
    }

    /**
     * Encodes and modulates {@code n} signals: {@code Enc = (x − (1 − α) prev)/α}, then {@code prev ← x} and the
     * sigma-delta modulator.
     *
     * @param alpha the predictive factor α_t in (0, 1] (1: no prediction)
     * @param x this step's signals
     * @param prev the previous step's signals, updated to {@code x}
     * @param accumulator the modulators' V + ½, updated
     * @param scratch receives Enc (n values)
     * @param spikes receives the spikes (0/1)
     * @param n number of signals
     * @return spikes emitted
     */
    public static int encode(float alpha, float[] x, float[] prev, float[] accumulator, float[] scratch, float[] spikes, int n) {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("α must be in (0, 1], got " + alpha);
        }
        float keep = 1f - alpha;
        for (int i = 0; i < n; i++) {
            scratch[i] = (x[i] - keep * prev[i]) / alpha;
            prev[i] = x[i];
        }
        return Lif.step(MODULATOR, accumulator, scratch, null, spikes, n);
    }

    /**
     * Decodes: {@code Dec ← (1 − α) Dec + α u} for {@code n} inputs (u = the weighted spikes a neuron receives).
     *
     * @param alpha the predictive factor α_t in (0, 1]
     * @param dec the decoders, updated
     * @param u this step's input
     * @param n number of inputs
     */
    public static void decode(float alpha, float[] dec, float[] u, int n) {
        float keep = 1f - alpha;
        for (int i = 0; i < n; i++) {
            dec[i] = keep * dec[i] + alpha * u[i];
        }
    }
}
