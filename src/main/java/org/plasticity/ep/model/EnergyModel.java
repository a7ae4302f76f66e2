package org.plasticity.ep.model;

import java.util.List;
import java.util.SplittableRandom;
import org.plasticity.data.Batch;
import org.plasticity.train.BatchStats;
import org.plasticity.train.Parameter;

/**
 * A convergent network with a primitive function Φ: the swappable "neuron model" part of equilibrium
 * propagation. {@link org.plasticity.ep.estimator.EquilibriumPropagation} drives any implementation
 * through the phases of an {@link org.plasticity.ep.estimator.Estimator}; the layered rate networks
 * ({@link LayeredNetwork}), spiking and dendritic networks plug in here, each with its own state type
 * {@code S}.
 *
 * <p>Life cycle per batch: {@link #bind} the input and labels, {@link #reset} a state, {@link #relax} it
 * (free phase, β = 0), {@link #copy} it into other states and relax them with β ≠ 0 (nudged phases),
 * then {@link #accumulatePhiGradient} combines the end states into the parameters' gradient slots. The
 * model knows nothing of β's value or sign policy: those belong to the learner.
 *
 * <p>Randomness: {@link #relax} receives the batch's random stream. Deterministic models ignore it; a
 * stochastic model (Bernoulli spikes) draws from it so that the same seed gives the same spikes. A model
 * that relaxes rows on several threads must draw independently of the thread count, e.g. take one
 * {@code long} from the stream per call and derive a stream per row from it.
 *
 * @param <S> the model's state type
 */
public interface EnergyModel<S extends EpState> {

    /**
     * Seed of the random stream a learner relaxes with at evaluation time, where there is no batch
     * stream: every evaluated batch starts from {@code new SplittableRandom(EVALUATION_SEED)}.
     */
    long EVALUATION_SEED = 0x45505f4556414cL;

    /** The trainable parameters, in a stable order. */
    List<Parameter> parameters();

    /**
     * The parameters the relaxation depends on (a subset of {@link #parameters()}): everything but the
     * parameters that enter Φ through the cost alone, such as a softmax read-out. The GDU check compares
     * these step by step with backprop-through-time (Ernoult et al. 2019, Theorem 1).
     */
    default List<Parameter> dynamicsParameters() {
        return parameters();
    }

    /** Number of classes. */
    int classes();

    /**
     * Clamps the input layer to a batch and stores its labels (and precomputes whatever depends on the
     * input only, such as the input projection).
     *
     * @throws IllegalArgumentException when the batch does not fit the input layer
     */
    void bind(Batch batch);

    /** Rows of the bound batch. */
    int rows();

    /** Working state number {@code slot} (0, 1, 2, ...), sized for the bound batch; reused across batches. */
    S state(int slot);

    /** A fresh state (not pooled) for the bound batch, e.g. to keep a copy or record a trajectory. */
    S newState();

    /**
     * Copies one state into another (both made by this model for the bound batch).
     *
     * @param from source
     * @param to destination, overwritten
     */
    void copy(S from, S to);

    /** Puts a state at the start of a free phase (e.g. zero rates for the prototypical dynamics). */
    void reset(S s);

    /**
     * Runs {@code steps} synchronous steps of the dynamics with nudge strength {@code beta} (0 = free).
     *
     * @param s state, modified in place
     * @param beta signed nudge strength
     * @param steps number of steps
     * @param rng the batch's random stream (ignored by deterministic models)
     */
    void relax(S s, double beta, int steps, SplittableRandom rng);

    /**
     * Adds {@code Σ_k c_k · ∂Φ/∂θ(s_k, β_k)}, averaged over the bound batch's rows, to every parameter's
     * gradient slot.
     *
     * @param states end states of the phases, one per term
     * @param terms β and coefficient of each term
     */
    void accumulatePhiGradient(List<S> states, List<Nudge> terms);

    /**
     * Loss sum and number of correct predictions of a state over the bound batch.
     *
     * @param predictions receives the predicted class per row when not null
     * @return {@code {lossSum, correct}}
     */
    double[] lossAndCorrect(S s, int[] predictions);

    /**
     * Φ(x, s, β) summed over the bound batch's rows, in double precision (for checks).
     *
     * @param s the state
     * @param beta nudge strength
     * @return Σ_rows Φ
     */
    double phi(S s, double beta);

    /**
     * Saturation of the hidden units over a batch's phases, summed over the bound batch's rows: per row the
     * fraction of hidden units pinned at the same bound of ρ (where ρ' vanishes) in every given state, i.e.
     * in the free fixed point and at the end of every nudged phase. Such a unit contributes nothing to the
     * EP contrast of its weights, so a mean near 1 means the learning signal has vanished. The output
     * layer is left out on purpose: a healthy classifier's outputs sit near one-hot, at the bounds.
     * Reported by {@link org.plasticity.ep.estimator.EquilibriumPropagation} as the metric
     * {@code saturation} (read by the trainer's divergence guard).
     *
     * @param states the phases' states (free first), made by this model for the bound batch
     * @return Σ_rows fraction of pinned hidden units, or NaN when the model does not define it (then no metric)
     */
    default double saturation(List<S> states) {
        return Double.NaN;
    }

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
     * @param rng random stream of the phase (ignored by deterministic models)
     * @return summed loss, correct predictions and sample count
     */
    default BatchStats evaluateFreePhase(Batch batch, int steps, SplittableRandom rng) {
        bind(batch);
        S s = state(0);
        reset(s);
        relax(s, 0, steps, rng);
        double[] lc = lossAndCorrect(s, null);
        return new BatchStats(lc[0], (long) lc[1], batch.size());
    }
}
