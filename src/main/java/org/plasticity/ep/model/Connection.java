package org.plasticity.ep.model;

import java.util.List;
import org.plasticity.train.Parameter;

/**
 * One coupling term of Φ between a lower layer ({@code in}) and an upper layer ({@code out}):
 * {@code Φ_c = Σ_rows ⟨out, P(W·in + b)⟩} with a linear (dense) or convolutional {@code W} and an optional
 * pooling {@code P}. It provides both partial derivatives of Φ_c with respect to the states and the
 * parameter gradient, for a block of rows (samples) stored row-major with strides {@link #inSize()} and
 * {@link #outSize()}.
 *
 * <p>Implementations must compute every row the same way whatever the block it belongs to, so that the
 * network can split a batch across threads without changing results.
 */
public interface Connection {

    /** Values per sample on the lower side. */
    int inSize();

    /** Values per sample on the upper side. */
    int outSize();

    /** The weights and biases, in a stable order. */
    List<Parameter> parameters();

    /** Prepares per-row scratch for blocks of up to {@code rows} rows (called before parallel sections). */
    default void ensureCapacity(int rows) {
    }

    /** {@code accOut[r] += ∂Φ_c/∂out = P(W·in[r] + b)} for {@code rows} rows, from the current parameters. */
    void forward(int rows, float[] in, int inOff, float[] accOut, int accOutOff);

    /**
     * Prepares derived copies of the parameters (e.g. a transposed weight matrix) for a batch of
     * {@code rows} rows. Called once per batch before {@link #project} and {@link #couple}; the parameters
     * must not change until the batch is done.
     */
    default void prepare(int rows) {
    }

    /** Same as {@link #forward} but may use what {@link #prepare} derived (the batch's input projection). */
    default void project(int rows, float[] in, int inOff, float[] accOut, int accOutOff) {
        forward(rows, in, inOff, accOut, accOutOff);
    }

    /** {@code accIn[r] += alpha · ∂Φ_c/∂in} evaluated with {@code out} as the upper state. */
    void adjoint(int rows, float alpha, float[] in, int inOff, float[] out, int outOff, float[] accIn, int accInOff);

    /**
     * Both state derivatives at once (one relaxation step's coupling work), after {@link #prepare}:
     * {@code accOut += ∂Φ_c/∂out} and {@code accIn += ∂Φ_c/∂in}. Without the bias the same call
     * propagates sensitivities backwards in time ({@code in, out} are then the δ's of the two layers).
     *
     * @param withBias whether {@code accOut} receives the bias
     */
    void couple(int rows, float[] in, int inOff, float[] out, int outOff, float[] accOut, int accOutOff,
            float[] accIn, int accInOff, boolean withBias);

    /**
     * {@link #couple} with a start value for {@code accIn}: {@code accIn = accInStart + ∂Φ_c/∂in} (e.g. the
     * input projection of the layer below, constant during a phase), exactly as copying {@code accInStart}
     * into {@code accIn} and calling {@link #couple}; a connection may skip the copy (the narrow dense one
     * does). {@code accInStart} has the same row stride as {@code accIn} and does not overlap it.
     */
    default void coupleFrom(int rows, float[] in, int inOff, float[] out, int outOff, float[] accOut, int accOutOff,
            float[] accInStart, int accInStartOff, float[] accIn, int accInOff, boolean withBias) {
        System.arraycopy(accInStart, accInStartOff, accIn, accInOff, rows * inSize());
        couple(rows, in, inOff, out, outOff, accOut, accOutOff, accIn, accInOff, withBias);
    }

    /**
     * Adds {@code alpha · ∂Φ_c/∂θ} summed over the rows to the parameters' gradient slots: for a dense
     * connection {@code gradW += alpha Σ_r out[r]·in[r]ᵀ} and {@code gradB += alpha Σ_r out[r]}.
     *
     * @param withBias whether to add the bias term (false when {@code out} is a sensitivity of a
     *     top-down path, as in backprop-through-time)
     */
    void accumulateGradient(int rows, float alpha, float[] in, int inOff, float[] out, int outOff, boolean withBias);

    /** Multiply-adds of one {@link #couple} call per row (for FLOP accounting). */
    long coupleMacsPerRow();
}
