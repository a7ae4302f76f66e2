package org.plasticity.ep.model;

import java.util.Arrays;
import java.util.List;
import org.plasticity.tensor.FloatKernels;

/**
 * The EP estimate's Φ-gradient over a layered network's neighbouring-layer chain {@code 0→1→…→L}:
 * {@code Σ_k c_k ∂Φ/∂θ(s_k)} with {@code Φ ∋ Σ_l ⟨s_l, W_l s_{l−1} + b_l⟩}, {@code s_0 = x}, averaged over the
 * bound rows (Scellier &amp; Bengio 2017, eq. 10; the estimators' coefficients {@code c_k} are the
 * {@link Nudge} terms). The input is the same in every term, so its connection takes one update from
 * {@code Σ_k c_k s_1(k)}. The layered families share it; each adds the terms only it has.
 */
public final class ChainPhiGradient {

    private float[] scratch = new float[0];

    /**
     * Accumulates the chain's Φ-gradient into the connections' gradients.
     *
     * @param chain connection {@code c} couples layer {@code c} (0 = input) to layer {@code c+1}
     * @param batch the bound batch
     * @param states the phase-end states, one per term
     * @param terms the estimator's terms
     * @param k kernels
     * @throws IllegalArgumentException when states and terms differ in number
     */
    public void accumulate(Connection[] chain, BoundBatch<?> batch, List<? extends LayeredState> states, List<Nudge> terms,
            FloatKernels k) {
        if (states.size() != terms.size()) {
            throw new IllegalArgumentException(states.size() + " states for " + terms.size() + " terms");
        }
        int rows = batch.rows();
        float inv = 1f / rows;
        int n0 = chain[0].outSize();
        if (scratch.length < rows * n0) {
            scratch = new float[batch.capacity() * n0];
        }
        Arrays.fill(scratch, 0, rows * n0, 0f);
        for (int t = 0; t < terms.size(); t++) {
            k.axpy(rows * n0, (float) terms.get(t).coefficient(), states.get(t).rates(0), 0, scratch, 0);
        }
        chain[0].accumulateGradient(rows, inv, batch.input(), 0, scratch, 0, true);
        for (int c = 1; c < chain.length; c++) {
            for (int t = 0; t < terms.size(); t++) {
                float coef = (float) terms.get(t).coefficient() * inv;
                if (coef != 0f) {
                    chain[c].accumulateGradient(rows, coef, states.get(t).rates(c - 1), 0, states.get(t).rates(c), 0, true);
                }
            }
        }
    }
}
