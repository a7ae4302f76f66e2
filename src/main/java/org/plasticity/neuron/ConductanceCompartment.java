package org.plasticity.neuron;

/**
 * The conductance-based compartment at steady state (LocalCA paper Eq. 3): a compartment with leak
 * conductance {@code g_L} (reversal 0) and inputs i of conductance {@code G_i} and reversal potential
 * {@code E_i} sits at
 * <pre>
 *   V = Σ_i G_i E_i / (g_L + Σ_i G_i),      R = 1 / (g_L + Σ_i G_i)   (input resistance)
 * </pre>
 * A synapse j with conductance {@code g_j} and presynaptic rate {@code x_j} contributes {@code G = g_j x_j}
 * with reversal {@link #EXCITATORY_REVERSAL} (1) or {@link #INHIBITORY_REVERSAL} (0, shunting); a dendritic
 * coupling from a child compartment with conductance {@code g_c} and output {@code r_c} contributes
 * {@code G = g_c} with "reversal" {@code r_c}. The exact derivatives follow from {@code V = N/D}:
 * <pre>
 *   ∂V/∂G_i = R (E_i − V)          Prop. 1 (Eq. 15: ∂V/∂g_j = x_j R (E_j − V)), Prop. 3 (Eq. 16: ∂V/∂g_c = R (r_c − V))
 *   ∂V/∂E_i = G_i R                Prop. 2 (∂V/∂r_c = g_c R: the child's error is scaled by g_c R)
 * </pre>
 * and, for presynaptic rates, {@code ∂V/∂x_j = g_j R (E_j − V)}.
 *
 * <p>Two forms: per sample over arrays of inputs ({@link #voltage}, {@link #resistance}), and batched over
 * samples for compartment-major buffers ({@link #addInput}, {@link #addCoupling}, {@link #solve}), which
 * accumulate {@code N} and {@code Σ G} one input at a time so that a caller may stream its inputs.
 * All arithmetic is in float, in the order documented per method.
 */
public final class ConductanceCompartment {

    /** Reversal potential of excitatory synapses (normalised units). */
    public static final float EXCITATORY_REVERSAL = 1f;
    /** Reversal potential of inhibitory (shunting) synapses, equal to the leak's reversal. */
    public static final float INHIBITORY_REVERSAL = 0f;
    /** The leak conductance of LocalCA's compartments (the "+ 1" of Eq. 3). */
    public static final float UNIT_LEAK = 1f;

    private ConductanceCompartment() {
    }

    /**
     * The voltage of one compartment (Eq. 3).
     *
     * @param leak leak conductance g_L &gt; 0
     * @param conductance input conductances G_i (≥ 0)
     * @param reversal input reversal potentials E_i
     * @param n number of inputs
     * @return {@code Σ G_i E_i / (g_L + Σ G_i)}
     */
    public static float voltage(float leak, float[] conductance, float[] reversal, int n) {
        float num = 0f;
        float den = leak;
        for (int i = 0; i < n; i++) {
            num += conductance[i] * reversal[i];
            den += conductance[i];
        }
        return num / den;
    }

    /**
     * The input resistance of one compartment.
     *
     * @param leak leak conductance g_L
     * @param conductance input conductances G_i
     * @param n number of inputs
     * @return {@code 1 / (g_L + Σ G_i)}
     */
    public static float resistance(float leak, float[] conductance, int n) {
        float den = leak;
        for (int i = 0; i < n; i++) {
            den += conductance[i];
        }
        return 1f / den;
    }

    /**
     * {@code ∂V/∂G = R (E − V)} of an input with reversal {@code E} (Props. 1 and 3, Eqs. 15–16).
     *
     * @param reversal the input's reversal potential E (a child's output r_c for a dendritic coupling)
     * @param voltage the compartment's V
     * @param resistance the compartment's R
     * @return the derivative
     */
    public static float dVoltageDConductance(float reversal, float voltage, float resistance) {
        return resistance * (reversal - voltage);
    }

    /**
     * {@code ∂V/∂E = G R} of an input with conductance {@code G} (Prop. 2: a child's output r_c reaches
     * its parent's voltage with weight g_c R).
     *
     * @param conductance the input's conductance G
     * @param resistance the compartment's R
     * @return the derivative
     */
    public static float dVoltageDReversal(float conductance, float resistance) {
        return conductance * resistance;
    }

    /**
     * Batched: adds one synapse of conductance {@code g} and reversal {@code reversal} driven by presynaptic
     * rates {@code x[b]}: {@code t = g·x[b]; drive[b] += E·t; total[b] += t} (the {@code E·t} product is
     * skipped for E = 1 and the drive untouched for E = 0).
     *
     * @param g synaptic conductance
     * @param reversal reversal potential E
     * @param x presynaptic rates per sample
     * @param n samples
     * @param drive accumulates Σ G E per sample
     * @param total accumulates Σ G per sample
     */
    public static void addInput(float g, float reversal, float[] x, int n, float[] drive, float[] total) {
        if (reversal == EXCITATORY_REVERSAL) {
            for (int b = 0; b < n; b++) {
                float t = g * x[b];
                drive[b] += t;
                total[b] += t;
            }
        } else if (reversal == INHIBITORY_REVERSAL) {
            for (int b = 0; b < n; b++) {
                total[b] += g * x[b];
            }
        } else {
            for (int b = 0; b < n; b++) {
                float t = g * x[b];
                drive[b] += reversal * t;
                total[b] += t;
            }
        }
    }

    /**
     * Batched: adds a dendritic coupling of conductance {@code g} from a child with outputs {@code r[b]}:
     * {@code drive[b] += g·r[b]}. Its conductance is the same for every sample, so the caller adds
     * {@code g} once to the scalar it passes to {@link #solve} instead of to a per-sample total.
     *
     * @param g coupling conductance g_c
     * @param r the child's output per sample
     * @param n samples
     * @param drive accumulates Σ G E per sample
     */
    public static void addCoupling(float g, float[] r, int n, float[] drive) {
        for (int b = 0; b < n; b++) {
            drive[b] += g * r[b];
        }
    }

    /**
     * Batched: solves Eq. 3 from the accumulated drive and conductances:
     * {@code R[b] = 1 / (base + total[b]); V[b] = drive[b]·R[b]}. {@code total} is overwritten with R and
     * {@code voltage} may be the {@code drive} array itself.
     *
     * @param base the conductance common to every sample: g_L plus the dendritic couplings' Σ g_c
     * @param drive Σ G E per sample
     * @param total Σ G of the synapses per sample; receives R
     * @param n samples
     * @param voltage receives V per sample
     */
    public static void solve(float base, float[] drive, float[] total, int n, float[] voltage) {
        for (int b = 0; b < n; b++) {
            float rt = 1f / (base + total[b]);
            total[b] = rt;
            voltage[b] = drive[b] * rt;
        }
    }

    /**
     * Batched: a per-sample credit times {@code ∂V/∂G = R (E − V)} for a fixed reversal E (Prop. 1), the
     * factor every synapse of the compartment shares before its own {@code x_j·dg/dθ}:
     * {@code out[b] = (credit[b]·R[b])·(E − V[b])}, written as {@code −(credit·R)·V} for E = 0.
     *
     * @param reversal E
     * @param credit per-sample credit on V (e.g. ∂L/∂V)
     * @param resistance R per sample
     * @param voltage V per sample
     * @param n samples
     * @param out receives the product
     */
    public static void conductanceCredit(float reversal, float[] credit, float[] resistance, float[] voltage, int n,
            float[] out) {
        if (reversal == INHIBITORY_REVERSAL) {
            for (int b = 0; b < n; b++) {
                out[b] = -(credit[b] * resistance[b]) * voltage[b];
            }
        } else {
            for (int b = 0; b < n; b++) {
                out[b] = credit[b] * resistance[b] * (reversal - voltage[b]);
            }
        }
    }

    /**
     * Batched: a per-sample credit times {@code ∂V/∂g_c = R (r_c − V)} of a dendritic coupling (Prop. 3,
     * Eq. 16), given the precomputed {@code creditR[b] = credit[b]·R[b]}:
     * {@code out[b] = creditR[b]·(r[b] − V[b])}.
     *
     * @param creditR per-sample credit on V times R
     * @param childOutput the child's output r_c per sample (the coupling's reversal)
     * @param voltage the compartment's V per sample
     * @param n samples
     * @param out receives the product
     */
    public static void couplingCredit(float[] creditR, float[] childOutput, float[] voltage, int n, float[] out) {
        for (int b = 0; b < n; b++) {
            out[b] = creditR[b] * (childOutput[b] - voltage[b]);
        }
    }

    /**
     * Batched: the credit a child receives through its coupling, {@code credit · ∂V/∂r_c = credit·g_c·R}
     * (Prop. 2), written as {@code out[b] = (credit[b]·g)·R[b]}.
     *
     * @param g the coupling conductance g_c
     * @param credit per-sample credit on the parent's V
     * @param resistance the parent's R per sample
     * @param n samples
     * @param out receives the child's output credit
     */
    public static void childCredit(float g, float[] credit, float[] resistance, int n, float[] out) {
        for (int b = 0; b < n; b++) {
            out[b] = credit[b] * g * resistance[b];
        }
    }
}
