package org.plasticity.neuron;

/**
 * The additive control of the conductance-based compartment (LocalCA's ablation, same parameters, no
 * denominator): {@code V = Σ_E g_j x_j − Σ_I g_j x_j + Σ_c g_c r_c}. Excitatory inputs add, inhibitory
 * inputs subtract (the inhibitory sign is our decision; the authors' text does not state it), couplings add
 * the child's output. Its derivatives are {@code ∂V/∂g_j = ±x_j}, {@code ∂V/∂g_c = r_c} and
 * {@code ∂V/∂r_c = g_c}: {@link ConductanceCompartment}'s with {@code R ≡ 1} and the driving force
 * {@code (E − V)} replaced by the input's sign.
 */
public final class AdditiveCompartment {

    private AdditiveCompartment() {
    }

    /**
     * Batched: adds one synapse of conductance {@code g} driven by {@code x[b]}: {@code v[b] += g·x[b]}
     * (excitatory) or {@code v[b] −= g·x[b]} (inhibitory).
     *
     * @param g synaptic conductance
     * @param excitatory the synapse's sign
     * @param x presynaptic rates per sample
     * @param n samples
     * @param v accumulates the voltage per sample
     */
    public static void addInput(float g, boolean excitatory, float[] x, int n, float[] v) {
        if (excitatory) {
            for (int b = 0; b < n; b++) {
                v[b] += g * x[b];
            }
        } else {
            for (int b = 0; b < n; b++) {
                v[b] -= g * x[b];
            }
        }
    }

    /**
     * Batched: adds a dendritic coupling, {@code v[b] += g·r[b]} (the same arithmetic as
     * {@link ConductanceCompartment#addCoupling}).
     *
     * @param g coupling conductance g_c
     * @param r the child's output per sample
     * @param n samples
     * @param v accumulates the voltage per sample
     */
    public static void addCoupling(float g, float[] r, int n, float[] v) {
        ConductanceCompartment.addCoupling(g, r, n, v);
    }

    /**
     * Batched: a per-sample credit times the synapse-sign factor of {@code ∂V/∂g_j = ±x_j}:
     * {@code out[b] = credit[b]} (excitatory) or {@code −credit[b]} (inhibitory).
     *
     * @param excitatory the synapse's sign
     * @param credit per-sample credit on V
     * @param n samples
     * @param out receives the factor
     */
    public static void conductanceCredit(boolean excitatory, float[] credit, int n, float[] out) {
        for (int b = 0; b < n; b++) {
            out[b] = excitatory ? credit[b] : -credit[b];
        }
    }

    /**
     * Batched: the credit a child receives through its coupling, {@code credit · ∂V/∂r_c = credit·g_c}.
     *
     * @param g the coupling conductance g_c
     * @param credit per-sample credit on the parent's V
     * @param n samples
     * @param out receives the child's output credit
     */
    public static void childCredit(float g, float[] credit, int n, float[] out) {
        for (int b = 0; b < n; b++) {
            out[b] = credit[b] * g;
        }
    }
}
