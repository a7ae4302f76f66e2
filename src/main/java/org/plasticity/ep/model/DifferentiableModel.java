package org.plasticity.ep.model;

/**
 * An {@link EnergyModel} whose relaxation can be differentiated step by step: what backprop-through-time
 * ({@code ep.bptt.Bptt}), the GDU check and the estimator-bias measurement need. The engine
 * ({@code ep.bptt.BpttEngine}) records the states of a window of free steps {@code s_{t+1} = f(s_t)}
 * and walks back through it calling, per step, {@link #stepSensitivity}, {@link #stepParameterGradient}
 * and {@link #stepStateGradient}.
 *
 * <p>Adjoint arrays ({@code g}, {@code delta}) are laid out like the state's
 * {@link EpState#views() views}: one row-major array per view, {@code rows · size} values in use. For a
 * model {@code s_{t+1} = ρ(a_t)} with {@code a_t = ∂Φ/∂s(s_t)} (the prototypical dynamics), the
 * sensitivity is {@code δ_t = ∂L/∂a_t = ρ'(a_t) ⊙ ∂L/∂s_{t+1}}; other models say what their δ is.
 *
 * @param <S> the model's state type
 */
public interface DifferentiableModel<S extends EpState> extends EnergyModel<S> {

    /**
     * Throws when this configuration of the model cannot be differentiated through (e.g. a dynamics or a
     * pooling the backward step does not implement), with a message saying what to change.
     *
     * @throws UnsupportedOperationException when backprop-through-time is not available
     */
    default void checkDifferentiable() {
    }

    /** Starts a backward pass over the bound batch (clears what {@link #finishBackward} flushes). */
    void startBackward();

    /**
     * The seed of the backward pass: adds {@code scale · ∂L/∂s} at the end state to {@code g}, where L is
     * the summed loss, and adds {@code scale · ∂L/∂θ} of the parameters that enter through the cost alone
     * (a read-out) to their gradient slots.
     */
    void lossGradient(S end, float scale, float[][] g);

    /**
     * Writes the sensitivity {@code delta = ∂L/∂a_t} of the step {@code t → t+1} from
     * {@code g = ∂L/∂s_{t+1}} and the state {@code after = s_{t+1}}.
     */
    void stepSensitivity(S after, float[][] g, float[][] delta);

    /**
     * Adds the step's share of {@code ∂L/∂θ} (from {@code delta} and {@code before = s_t}) to the
     * gradient slots.
     *
     * @param deferInput whether the model may defer the input side's share to {@link #finishBackward}
     *     (the input is clamped, so {@code Σ_t δ_t xᵀ = (Σ_t δ_t) xᵀ}: one product instead of one per
     *     step); false when every step's gradient must be in the slots when this returns (GDU check)
     */
    void stepParameterGradient(S before, float[][] delta, boolean deferInput);

    /** Writes (overwrites) {@code gPrev = ∂L/∂s_t} from the step's {@code delta} and {@code before = s_t}. */
    void stepStateGradient(S before, float[][] delta, float[][] gPrev);

    /** Ends the backward pass: adds what {@link #stepParameterGradient} deferred to the gradient slots. */
    void finishBackward();
}
