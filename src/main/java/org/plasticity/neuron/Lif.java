package org.plasticity.neuron;

/**
 * Leaky integrate-and-fire dynamics over arrays of neurons, for the LIF baselines of spiking EP
 * (EqSpike, O'Connor et al. 2019) and BPTT through spikes. Pure functions of their arguments: the state
 * (membrane {@code v}, refractory counters, trace) is the caller's.
 *
 * <p>One step, per neuron i (parameters {@link LifParameters}):
 * <pre>
 *   refractory:  if ref_i &gt; 0:  ref_i ← ref_i − 1,  v_i ← v_reset,  s_i = 0
 *   otherwise:   v_i ← β v_i + I_i;   s_i = [v_i ≥ θ];   if s_i: v_i ← v_reset (or v_i − θ), ref_i ← refractorySteps
 * </pre>
 * Between spikes {@code ∂v'/∂v = β} and {@code ∂v'/∂I = 1}; the spike's surrogate derivative
 * {@code ∂s/∂v ≈ σ_k'(v − θ)} is the exact derivative of the fast sigmoid
 * {@code σ_k(x) = ½ (1 + k x / (1 + k|x|))} ({@link #smoothSpike}, {@link #surrogate}).
 */
public final class Lif {

    private Lif() {
    }

    /**
     * Advances {@code n} neurons by one step.
     *
     * @param p parameters
     * @param v membrane potentials, updated in place
     * @param input input current per neuron for this step
     * @param refractory remaining refractory steps per neuron, updated in place (may be null when
     *     {@code p.refractorySteps() == 0})
     * @param spikes receives 1 for a spike, else 0
     * @param n number of neurons
     * @return number of spikes emitted
     */
    public static int step(LifParameters p, float[] v, float[] input, int[] refractory, float[] spikes, int n) {
        if (refractory == null && p.refractorySteps() > 0) {
            throw new IllegalArgumentException("a refractory period of " + p.refractorySteps()
                    + " steps needs refractory counters");
        }
        float beta = p.decay();
        float theta = p.threshold();
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (refractory != null && refractory[i] > 0) {
                refractory[i]--;
                v[i] = p.resetPotential();
                spikes[i] = 0f;
                continue;
            }
            float u = beta * v[i] + input[i];
            if (u >= theta) {
                spikes[i] = 1f;
                count++;
                u = p.subtractiveReset() ? u - theta : p.resetPotential();
                if (refractory != null) {
                    refractory[i] = p.refractorySteps();
                }
            } else {
                spikes[i] = 0f;
            }
            v[i] = u;
        }
        return count;
    }

    /**
     * Low-pass filters spikes into a trace with unit gain: {@code ŝ ← γ ŝ + (1 − γ) s}, so that a neuron
     * firing at a steady rate has a trace that converges to its spikes per step.
     *
     * @param p parameters (γ = {@link LifParameters#traceDecay()})
     * @param trace the traces, updated in place
     * @param spikes this step's spikes
     * @param n number of neurons
     */
    public static void trace(LifParameters p, float[] trace, float[] spikes, int n) {
        float g = p.traceDecay();
        float a = 1f - g;
        for (int i = 0; i < n; i++) {
            trace[i] = g * trace[i] + a * spikes[i];
        }
    }

    /**
     * The fast sigmoid that the surrogate differentiates: {@code σ_k(v − θ)}, in (0, 1), ½ at the threshold.
     *
     * @param p parameters (k = {@link LifParameters#surrogateSlope()}, θ)
     * @param v membrane potential
     * @return the smooth stand-in of the spike
     */
    public static float smoothSpike(LifParameters p, float v) {
        float x = p.surrogateSlope() * (v - p.threshold());
        return 0.5f * (1f + x / (1f + Math.abs(x)));
    }

    /**
     * The surrogate derivative {@code ∂s/∂v ≈ σ_k'(v − θ) = k / (2 (1 + k|v − θ|)²)}.
     *
     * @param p parameters
     * @param v membrane potential (before the reset)
     * @return the surrogate slope
     */
    public static float surrogate(LifParameters p, float v) {
        float k = p.surrogateSlope();
        float d = 1f + k * Math.abs(v - p.threshold());
        return 0.5f * k / (d * d);
    }
}
