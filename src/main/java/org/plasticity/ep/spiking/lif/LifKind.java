package org.plasticity.ep.spiking.lif;

/**
 * The three deterministic LIF baselines of the stability study (the paper's §4.1, Fig. 3 b–d), each a
 * different way for a deterministic neuron to turn the same Hopfield energy (eq. 3) into spikes and the
 * neighbours' spikes back into drive. See {@link LifNetwork} for the equations.
 */
public enum LifKind {
    /**
     * Fig. 3(b), EqSpike (Martin et al. 2021): a leaky integrate-and-fire neuron ({@code neuron.Lif}) driven by
     * its neighbours' low-pass filtered spikes; the filtered spike train is the neuron's rate.
     */
    EQSPIKE("LIF + low-pass filtered spikes (EqSpike)", "EqSpike LIF"),
    /**
     * Fig. 3(c), O'Connor et al. 2019 / the paper's eq. 17: a leaky membrane ξ driven by the predictively
     * decoded spike input, whose rate σ(ξ) is predictively encoded and sigma-delta modulated into spikes, with
     * annealed step sizes.
     */
    SIGMA_DELTA("LIF + sigma-delta predictive coding + annealed steps (O'Connor 2019)", "sigma-delta LIF"),
    /**
     * Fig. 3(d), "simplified from" O'Connor et al.: the same neuron without predictive coding (α ≡ 1: raw spike
     * input, σ(ξ) itself sigma-delta modulated), the step sizes still annealed.
     */
    STEP_SCHEDULE("LIF + step-size scheduling only", "step-size LIF");

    private final String label;
    private final String shortLabel;

    LifKind(String label, String shortLabel) {
        this.label = label;
        this.shortLabel = shortLabel;
    }

    /** A readable name for tables and charts. */
    public String label() {
        return label;
    }

    /** A short name for chart titles. */
    public String shortLabel() {
        return shortLabel;
    }
}
