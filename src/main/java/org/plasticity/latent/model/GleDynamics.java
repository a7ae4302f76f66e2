package org.plasticity.latent.model;

import java.util.Arrays;
import org.plasticity.tensor.FloatKernels;

/**
 * One synchronous forward-Euler step of every layer of a GLE network (spec §2.3), with GLE's error neurons and its
 * local gradients. Every layer reads its neighbours' values of the previous step (the rates of the layer below, the
 * error the layer above sent down), so a signal moves one layer per step. For layer ℓ with input {@code r_in}:
 * <pre>
 *   ε  = φ′(ǔ_ℓ)_prev ⊙ (W_{ℓ+1}ᵀ e_{ℓ+1})_prev        (top layer: β·(−∂ℓ/∂r_L) of the previous step's output)
 *   v̇  = (ε − v)/τ_r,  e = v + τ_m v̇,  v ← v + dt v̇     (GLE: e = D⁺_{τ_m} I⁻_{τ_r} ε; without prospective errors e = ε)
 *   s  = W r_in + b
 *   u̇  = (s + γ e − u)/τ_m,  ǔ = u + τ_r u̇,  u ← u + dt u̇
 *   r  = φ(ǔ)                                            (the prospective output φ(u + τ_r u̇))
 *   ∂W += −⟨e r_inᵀ⟩, ∂b += −⟨e⟩, ∂τ_m += ⟨e ⊙ u̇⟩       (batch means; descent directions for the optimizer)
 * </pre>
 * and {@code W_ℓᵀ e} goes down for the next step. Nothing is allocated per step.
 */
public final class GleDynamics {

    private static final FloatKernels K = FloatKernels.get();

    private final GleNetwork net;
    private final GleConfig c;
    private final float[][] gW;
    private final float[][] gb;
    private final float[][] gTau;
    private final float[][] invTm;
    private final float[][] tm;
    private final float[][] tr;
    private final float[][] invTr;
    private final boolean[][] tauFrozen;
    /** Wᵀ per layer ({@code fanIn × n}), scratch of {@link #step}. */
    private final float[][] wT;
    /**
     * 1/τ_m, τ_m, 1/τ_r and τ_r per layer repeated for {@link #tiledRows} rows ({@code [rows × n]}), so the element-wise
     * parts of {@link #step} are flat unit-stride loops that the JIT vectorises (the same operations per element).
     */
    private final float[][] invTmRows;
    private final float[][] tmRows;
    private final float[][] invTrRows;
    private final float[][] trRows;
    private int tiledRows;

    /**
     * @param net the network whose parameters and gradient slots the steps use
     */
    public GleDynamics(GleNetwork net) {
        this.net = net;
        this.c = net.config();
        int depth = c.depth();
        gW = new float[depth][];
        gb = new float[depth][];
        gTau = new float[depth][];
        invTm = new float[depth][];
        tm = new float[depth][];
        tr = new float[depth][];
        invTr = new float[depth][];
        tauFrozen = new boolean[depth][];
        wT = new float[depth][];
        invTmRows = new float[depth][];
        tmRows = new float[depth][];
        invTrRows = new float[depth][];
        trRows = new float[depth][];
        for (int l = 0; l < depth; l++) {
            wT[l] = new float[c.size(l) * c.fanIn(l)];
            gW[l] = net.weightGradient(l);
            gb[l] = net.biasGradient(l);
            gTau[l] = net.tauGradient(l);
            int n = c.size(l);
            invTm[l] = new float[n];
            tm[l] = new float[n];
            tr[l] = new float[n];
            invTr[l] = new float[n];
            tauFrozen[l] = new boolean[n];
        }
        refreshTimeConstants();
    }


    /** The network. */
    public GleNetwork network() {
        return net;
    }

    /**
     * Re-reads the (clamped) time constants; {@link #step} does this itself when τ_m is learned. A learned τ_m that an
     * update pushed out of [tauMin, tauMax] is projected back onto the interval first (as the authors clamp τ after
     * every optimizer step), so it never sticks outside with a zero gradient.
     */
    public void refreshTimeConstants() {
        if (c.learnTau()) {
            float lo = (float) c.tauMin();
            float hi = (float) c.tauMax();
            for (int l = 0; l < c.depth(); l++) {
                float[] t = net.tauM(l);
                for (int j = 0; j < t.length; j++) {
                    t[j] = Math.min(hi, Math.max(lo, t[j]));
                }
            }
        }
        for (int l = 0; l < c.depth(); l++) {
            for (int j = 0; j < c.size(l); j++) {
                tm[l][j] = net.effectiveTauM(l, j);
                invTm[l][j] = 1f / tm[l][j];
                tr[l][j] = net.effectiveTauR(l, j);
                invTr[l][j] = 1f / tr[l][j];
                tauFrozen[l][j] = net.tauClamped(l, j);
            }
        }
        tiledRows = 0;
    }

    /** Repeats the time constants for {@code rows} rows (again after {@link #refreshTimeConstants}). */
    private void tile(int rows) {
        if (tiledRows == rows) {
            return;
        }
        for (int l = 0; l < c.depth(); l++) {
            int n = c.size(l);
            if (invTmRows[l] == null || invTmRows[l].length < rows * n) {
                invTmRows[l] = new float[rows * n];
                tmRows[l] = new float[rows * n];
                invTrRows[l] = new float[rows * n];
                trRows[l] = new float[rows * n];
            }
            for (int b = 0; b < rows; b++) {
                System.arraycopy(invTm[l], 0, invTmRows[l], b * n, n);
                System.arraycopy(tm[l], 0, tmRows[l], b * n, n);
                System.arraycopy(invTr[l], 0, invTrRows[l], b * n, n);
                System.arraycopy(tr[l], 0, trRows[l], b * n, n);
            }
        }
        tiledRows = rows;
    }

    /**
     * One step of every layer, reading {@link GleState#input} ({@code [rows × inputs]}, filled by the caller).
     *
     * @param st the state (advanced in place)
     * @param errors run the error neurons (training); false runs the forward dynamics only (evaluation, BPTT's
     *     forward pass: e = 0)
     * @param learn add this step's local gradients to the parameters' slots (needs {@code errors})
     * @param rec receives the step for the exact adjoint, or null
     */
    public void step(GleState st, boolean errors, boolean learn, StepRecorder rec) {
        if (c.learnTau()) {
            refreshTimeConstants();
        }
        int rows = st.rows();
        tile(rows);
        int top = c.depth() - 1;
        float dt = (float) c.dt();
        float gamma = errors ? (float) c.gamma() : 0f;
        boolean prospective = c.prospectiveErrors();
        for (int l = top; l >= 0; l--) {
            int n = c.size(l);
            int m = c.fanIn(l);
            float[] rIn = l == 0 ? st.input : st.r[l - 1];
            float[] e = st.e[l];
            float[] u = st.u[l];
            float[] v = st.v[l];
            float[] rp = st.rp[l];
            float[] itm = invTmRows[l];
            float[] ttm = tmRows[l];
            float[] itr = invTrRows[l];
            int rn = rows * n;
            boolean errs = errors && !c.frozen(l);
            if (errs) {
                float[] from = l == top ? st.outErr : st.eDown[l + 1];
                if (!prospective) {
                    for (int i = 0; i < rn; i++) {
                        float eps = l == top ? from[i] : rp[i] * from[i];
                        e[i] = eps;
                        v[i] = eps;
                    }
                } else if (l == top) {
                    for (int i = 0; i < rn; i++) {
                        float vdot = (from[i] - v[i]) * itr[i];
                        e[i] = v[i] + ttm[i] * vdot;
                        v[i] += dt * vdot;
                    }
                } else {
                    for (int i = 0; i < rn; i++) {
                        float vdot = (rp[i] * from[i] - v[i]) * itr[i];
                        e[i] = v[i] + ttm[i] * vdot;
                        v[i] += dt * vdot;
                    }
                }
            } else {
                Arrays.fill(e, 0, rn, 0f);
            }
            float[] s = st.s[l];
            float[] w = net.weights(l);
            // s = b + r_in·Wᵀ as one A·B product over Wᵀ (m × n, refreshed every step: the optimizer moves W between
            // steps): at these sizes (k = m ≈ 53) the dot-product form A·Bᵀ spends most of its time in lane reductions
            float[] wt = wT[l];
            K.transpose(n, m, w, wt, 0, m);
            if (c.bias()) {
                float[] bias = net.biases(l);
                for (int b = 0; b < rows; b++) {
                    System.arraycopy(bias, 0, s, b * n, n);
                }
            } else {
                Arrays.fill(s, 0, rows * n, 0f);
            }
            K.gemmAB(false, rows, n, m, 1f, rIn, 0, m, wt, 0, n, s, 0, n);
            float[] ud = st.udot[l];
            float[] uc = st.uc[l];
            float[] trl = trRows[l];
            for (int i = 0; i < rn; i++) {
                float d = (s[i] + gamma * e[i] - u[i]) * itm[i];
                ud[i] = d;
                uc[i] = u[i] + trl[i] * d;
            }
            c.layers().get(l).activation().apply(uc, st.r[l], rp, rows * n);
            if (rec != null) {
                rec.layer(l, rIn, u, ud, rp, rows);
            }
            K.axpy(rows * n, dt, ud, 0, u, 0);
            if (errs) {
                if (learn) {
                    float inv = 1f / rows;
                    K.gemmAB(true, n, m, rows, -inv, e, 0, n, rIn, 0, m, gW[l], 0, m);
                    if (gb[l] != null) {
                        float[] g = gb[l];
                        for (int b = 0; b < rows; b++) {
                            int off = b * n;
                            for (int j = 0; j < n; j++) {
                                g[j] -= inv * e[off + j];
                            }
                        }
                    }
                    if (gTau[l] != null) {
                        float[] g = gTau[l];
                        boolean[] frozen = tauFrozen[l];
                        for (int b = 0, i = 0; b < rows; b++) {
                            for (int j = 0; j < n; j++, i++) {
                                if (!frozen[j]) {
                                    g[j] += inv * e[i] * ud[i];
                                }
                            }
                        }
                    }
                }
                if (l > 0 && !c.frozen(l - 1)) {
                    float[] down = st.eDownNext[l];
                    Arrays.fill(down, 0, rows * m, 0f);
                    K.gemmAB(false, rows, m, n, 1f, e, 0, n, w, 0, m, down, 0, m);
                }
            }
        }
        if (errors) {
            float[][] t = st.eDown;
            st.eDown = st.eDownNext;
            st.eDownNext = t;
        }
    }

    /**
     * The per-step loss of the output after {@link #step}: sums ℓ over the rows, adds the output to
     * {@link GleState#outputSum()} and, with {@code errors}, sets the output error β·(−∂ℓ/∂r_L) that enters the top
     * layer at the next step.
     *
     * @param st the state
     * @param labels class per row (cross-entropy) or null
     * @param targets {@code [rows × outputs]} float targets (MSE) or null
     * @param errors set the output error (training)
     * @param rec receives −∂ℓ/∂r_L, or null
     * @return Σ_rows ℓ
     */
    public double loss(GleState st, int[] labels, float[] targets, boolean errors, StepRecorder rec) {
        int rows = st.rows();
        int k = c.outputs();
        float[] out = st.output();
        double sum = 0;
        for (int b = 0; b < rows; b++) {
            sum += c.loss().lossAndError(out, b * k, k, labels == null ? -1 : labels[b], targets, b * k, st.lossErr, b * k);
        }
        K.axpy(rows * k, 1f, out, 0, st.outSum, 0);
        if (rec != null) {
            rec.output(st.lossErr, rows);
        }
        if (errors) {
            float beta = (float) c.beta();
            for (int i = 0; i < rows * k; i++) {
                st.outErr[i] = beta * st.lossErr[i];
            }
        }
        return sum;
    }
}
