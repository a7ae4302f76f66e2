package org.plasticity.latent.adjoint;

import java.util.Arrays;
import org.plasticity.latent.model.GleConfig;
import org.plasticity.latent.model.GleNetwork;
import org.plasticity.tensor.FloatKernels;

/**
 * Reverse-mode differentiation of a recorded window of forward-Euler steps (BPTT; the discrete adjoint method) of the
 * loss {@code L = (1/rows) Σ_rows Σ_t ℓ_t(r_L(t+1))}. Per step t and layer (a = dt/τ_m, c = τ_r/τ_m, with
 * {@code u_{t+1} = (1−a) u_t + a s_t}, {@code ǔ_t = (1−c) u_t + c s_t}, {@code r_{t+1} = φ(ǔ_t)}):
 * <pre>
 *   ǔ̄ = r̄_{t+1} ⊙ φ′(ǔ_t)
 *   s̄_t = a ū_{t+1} + c ǔ̄               →  W̄ += s̄_t r_inᵀ, b̄ += s̄_t, r̄_t(layer below) += Wᵀ s̄_t
 *   ū_t = (1−a) ū_{t+1} + (1−c) ǔ̄
 *   τ̄_m += −s̄_t ⊙ u̇_t                   (∂u_{t+1}/∂τ_m = −a u̇, ∂ǔ_t/∂τ_m = −c u̇)
 * </pre>
 * with {@code r̄_{t+1}(top) += ∂ℓ_t/∂r_L}. The adjoints beyond the window are zero (truncation), so a window of the
 * whole sequence is exact BPTT and a shorter one truncated BPTT. Gradients are added to the parameters' slots; frozen
 * bottom layers get none (and nothing is propagated into them).
 */
public final class DiscreteAdjoint {

    private static final FloatKernels K = FloatKernels.get();

    private final GleNetwork net;
    private final GleConfig c;
    private final float[][] gW;
    private final float[][] gb;
    private final float[][] gTau;
    private float[][] ubar;
    private float[][] ubarNext;
    private float[][] rbar;
    private float[][] rbarPrev;
    private float[][] sbar;
    private int rows = -1;

    /** @param net the network whose slots receive the gradient */
    public DiscreteAdjoint(GleNetwork net) {
        this.net = net;
        this.c = net.config();
        int depth = c.depth();
        gW = new float[depth][];
        gb = new float[depth][];
        gTau = new float[depth][];
        for (int l = 0; l < depth; l++) {
            gW[l] = net.weightGradient(l);
            gb[l] = net.biasGradient(l);
            gTau[l] = net.tauGradient(l);
        }
    }


    private void allocate(int n) {
        int depth = c.depth();
        ubar = new float[depth][];
        ubarNext = new float[depth][];
        rbar = new float[depth][];
        rbarPrev = new float[depth][];
        sbar = new float[depth][];
        for (int l = 0; l < depth; l++) {
            int k = c.size(l) * n;
            ubar[l] = new float[k];
            ubarNext[l] = new float[k];
            rbar[l] = new float[k];
            rbarPrev[l] = new float[k];
            sbar[l] = new float[k];
        }
        rows = n;
    }

    /**
     * Runs the window backwards and adds dL/dθ to the slots.
     *
     * @param traj the recorded steps (with the parameters they were recorded with still in place)
     * @param sink receives −∂L/∂s_t per step and layer (the exact counterpart of GLE's error e), or null
     */
    public void backward(Trajectory traj, AdjointSink sink) {
        int n = traj.rows();
        if (n != rows) {
            allocate(n);
        }
        int depth = c.depth();
        int top = depth - 1;
        for (int l = 0; l < depth; l++) {
            Arrays.fill(ubar[l], 0f);
            Arrays.fill(rbar[l], 0f);
        }
        float dt = (float) c.dt();
        float inv = 1f / n;
        int out = c.outputs();
        for (int t = traj.length() - 1; t >= 0; t--) {
            float[] le = traj.lossError(t);
            float[] rt = rbar[top];
            for (int i = 0; i < n * out; i++) {
                rt[i] -= inv * le[i];
            }
            for (int l = 0; l < depth; l++) {
                Arrays.fill(rbarPrev[l], 0f);
            }
            for (int l = top; l >= c.frozenLayers(); l--) {
                int units = c.size(l);
                int m = c.fanIn(l);
                float[] rp = traj.slope(t, l);
                float[] ud = traj.velocity(t, l);
                float[] ub = ubar[l];
                float[] ubn = ubarNext[l];
                float[] rb = rbar[l];
                float[] sb = sbar[l];
                float[] gt = gTau[l];
                for (int b = 0, i = 0; b < n; b++) {
                    for (int j = 0; j < units; j++, i++) {
                        float tm = net.effectiveTauM(l, j);
                        float a = dt / tm;
                        float cc = net.effectiveTauR(l, j) / tm;
                        float ucb = rb[i] * rp[i];
                        float s = a * ub[i] + cc * ucb;
                        sb[i] = s;
                        ubn[i] = (1 - a) * ub[i] + (1 - cc) * ucb;
                        if (gt != null && !net.tauClamped(l, j)) {
                            gt[j] -= s * ud[i];
                        }
                    }
                }
                float[] in = traj.input(t, l);
                K.gemmAB(true, units, m, n, 1f, sb, 0, units, in, 0, m, gW[l], 0, m);
                if (gb[l] != null) {
                    float[] g = gb[l];
                    for (int b = 0, i = 0; b < n; b++) {
                        for (int j = 0; j < units; j++, i++) {
                            g[j] += sb[i];
                        }
                    }
                }
                if (l > c.frozenLayers()) {
                    K.gemmAB(false, n, m, units, 1f, sb, 0, units, net.weights(l), 0, m, rbarPrev[l - 1], 0, m);
                }
                if (sink != null) {
                    sink.accept(t, l, sb, n, units);
                }
            }
            float[][] x = ubar;
            ubar = ubarNext;
            ubarNext = x;
            x = rbar;
            rbar = rbarPrev;
            rbarPrev = x;
        }
    }

    /** Receives the adjoint of the currents per step and layer. */
    @FunctionalInterface
    public interface AdjointSink {
        /**
         * @param t step within the window
         * @param l layer
         * @param sbar ∂L/∂s_t ({@code [rows × units]}, live; scaled by 1/rows like the loss)
         * @param rows parallel samples
         * @param units units of the layer
         */
        void accept(int t, int l, float[] sbar, int rows, int units);
    }
}
