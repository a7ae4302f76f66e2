package org.plasticity.ep.model;

import java.util.List;
import org.plasticity.data.Batch;
import org.plasticity.train.Parameter;

/**
 * A convergent network with a primitive function Φ: the swappable "neuron model" part of equilibrium
 * propagation. {@link org.plasticity.ep.estimator.EquilibriumPropagation} drives any implementation through the phases of an
 * {@link org.plasticity.ep.estimator.Estimator}; the dendritic and spiking variants plug in here.
 *
 * <p>Life cycle per batch: {@link #bind} the input and labels, {@link #reset} a state, {@link #relax} it
 * (free phase, β = 0), copy it into other states and relax them with β ≠ 0 (nudged phases), then
 * {@link #accumulatePhiGradient} combines the end states into the parameters' gradient slots.
 */
public interface EnergyModel {

    /** The trainable parameters, in a stable order. */
    List<Parameter> parameters();

    /** Number of classes. */
    int classes();

    /**
     * Clamps the input layer to a batch and stores its labels (and precomputes whatever depends on the
     * input only, such as the input projection).
     *
     * @throws IllegalArgumentException when the batch's feature count does not match the input layer
     */
    void bind(Batch batch);

    /** Rows of the bound batch. */
    int rows();

    /** Working state number {@code slot} (0, 1, 2, ...), sized for the bound batch; reused across batches. */
    NeuronState state(int slot);

    /** Puts a state at the start of a free phase (zero rates for prototypical dynamics). */
    void reset(NeuronState s);

    /**
     * Runs {@code steps} synchronous steps of the dynamics with nudge strength {@code beta} (0 = free).
     *
     * @param s state, modified in place
     * @param beta signed nudge strength
     * @param steps number of steps
     */
    void relax(NeuronState s, double beta, int steps);

    /**
     * Adds {@code Σ_k c_k · ∂Φ/∂θ(s_k, β_k)}, averaged over the bound batch's rows, to every parameter's
     * gradient slot.
     *
     * @param states end states of the phases, one per term
     * @param terms β and coefficient of each term
     */
    void accumulatePhiGradient(List<NeuronState> states, List<Nudge> terms);

    /**
     * Loss sum and number of correct predictions of a state over the bound batch.
     *
     * @param predictions receives the predicted class per row when not null
     * @return {@code {lossSum, correct}}
     */
    double[] lossAndCorrect(NeuronState s, int[] predictions);

    /**
     * Φ(x, s, β) summed over the bound batch's rows, in double precision (for checks).
     *
     * @param s the state
     * @param beta nudge strength
     * @return Σ_rows Φ
     */
    double phi(NeuronState s, double beta);

    /** Multiply-adds of one relaxation step per sample (for GFLOP/s accounting). */
    long stepMacsPerRow();

    /** One-line description (recorded in result rows and checkpoint fingerprints). */
    String describe();

    /**
     * Test-time inference on a batch: bind it, relax {@code steps} free steps from rest, and score the
     * fixed point (Laborieux et al. 2021: prediction = argmax of the output at s*).
     *
     * @param batch the samples
     * @param steps free-phase steps T1
     * @return summed loss, correct predictions and sample count
     */
    default org.plasticity.train.BatchStats evaluateFreePhase(Batch batch, int steps) {
        bind(batch);
        NeuronState s = state(0);
        reset(s);
        relax(s, 0, steps);
        double[] lc = lossAndCorrect(s, null);
        return new org.plasticity.train.BatchStats(lc[0], (long) lc[1], batch.size());
    }
}
