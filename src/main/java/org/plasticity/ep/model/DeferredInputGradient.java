package org.plasticity.ep.model;

import java.util.Arrays;
import org.plasticity.tensor.FloatKernels;

/**
 * Backprop-through-time's gradient of the input projection {@code W_1 x + b_1}: the input is clamped, so
 * the per-step terms {@code δ_1(t) xᵀ} may be summed as {@code (Σ_t δ_1(t)) xᵀ} and the projection's
 * gradient taken once at the end of the window ({@link DifferentiableModel#startBackward} /
 * {@link DifferentiableModel#finishBackward}). The layered families share it.
 */
public final class DeferredInputGradient {

    private final Connection projection;
    private float[] sum = new float[0];
    private boolean deferred;

    /**
     * @param projection the connection from the input (its output units are the sum's width)
     */
    public DeferredInputGradient(Connection projection) {
        this.projection = projection;
    }

    /**
     * Starts a backward window: the sum is zero and nothing is deferred.
     *
     * @param batch the bound batch (the sum is sized for its capacity when it grows)
     */
    public void start(BoundBatch<?> batch) {
        int n = batch.rows() * projection.outSize();
        if (sum.length < n) {
            sum = new float[Math.max(n, batch.capacity() * projection.outSize())];
        }
        Arrays.fill(sum, 0, n, 0f);
        deferred = false;
    }

    /**
     * Adds one step's sensitivity {@code δ_1} of the projection's output: into the sum when {@code defer},
     * else straight into the projection's gradient.
     *
     * @param defer whether to defer (the caller's {@code deferInput})
     * @param batch the bound batch
     * @param delta {@code δ_1}, row-major {@code [rows × outSize]}
     * @param k kernels for the sum
     */
    public void add(boolean defer, BoundBatch<?> batch, float[] delta, FloatKernels k) {
        if (defer) {
            k.axpy(batch.rows() * projection.outSize(), 1f, delta, 0, sum, 0);
            deferred = true;
        } else {
            projection.accumulateGradient(batch.rows(), 1f, batch.input(), 0, delta, 0, true);
        }
    }

    /**
     * Ends the window: the deferred sum, if any, goes into the projection's gradient.
     *
     * @param batch the bound batch
     * @return whether a deferred sum was applied
     */
    public boolean finish(BoundBatch<?> batch) {
        if (!deferred) {
            return false;
        }
        projection.accumulateGradient(batch.rows(), 1f, batch.input(), 0, sum, 0, true);
        deferred = false;
        return true;
    }
}
