package org.plasticity.ep.spiking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.plasticity.data.Batch;
import org.plasticity.ep.model.BoundBatch;
import org.plasticity.ep.model.ChainPhiGradient;
import org.plasticity.ep.model.DeferredInputGradient;
import org.plasticity.ep.model.DenseConnection;
import org.plasticity.ep.model.DifferentiableModel;
import org.plasticity.ep.model.Nudge;
import org.plasticity.neuron.StochasticSpikeParameters;
import org.plasticity.random.Seeds;
import org.plasticity.tensor.FloatKernels;
import org.plasticity.tensor.Parallel;
import org.plasticity.train.Parameter;

/**
 * A layered network of stochastic spiking neurons trained with equilibrium propagation (stochastic spiking
 * EP; spec ep-family §3.1, the paper's eqs. 1–2, 5–8, 13–14): analog input x → hidden layers → an output
 * layer of {@code classes × N_perclass} neurons, symmetric fully connected couplings, neurons that talk to
 * each other only through their spikes.
 *
 * <pre>
 *   firing probability   ρ(ξ) = clip(κξ, 0, 1)   (Bernoulli)   or 1 − exp(−clip(κξ, 0, 1) Δt)   (Poisson escape, "5CP")
 *   spike                s = Bernoulli(ρ(ξ)), drawn from the batch's random stream
 *   drive                I_l = W_l s_{l−1} + b_l + W_{l+1}ᵀ s_{l+1},   s_0 = x (analog, clamped)
 *   membrane (eq. 7/8)   ξ_l ← (1 − λ) ξ_l + λ ρ'(ξ_l) [I_l − β (ρ(ξ_L) − y) at the output]   then clip to [0, 1/κ]
 *   straight-through     ∂s/∂ξ ≈ ρ'(ξ)   (∂B/∂p ≈ 1; ρ' = κ on the closed active range, PyTorch's clamp convention)
 *   loss                 ℓ = ½ Σ_u (ρ(ξ_{L,u}) − y_u)²,  y = the one-hot target repeated N_perclass times
 *   read-out             argmax over classes of the group mean of ρ(ξ_L)
 *   Φ (expected, eq. 13) Φ = Σ_l ⟨ρ_l, W_l ρ_{l−1} + b_l⟩ − β ℓ,  E = ½ Σ ‖ξ‖² − Φ(β = 0)
 * </pre>
 *
 * The relaxation is the Euler step of a primitive function in ξ, {@code Ψ = (1−λ)/2 ‖ξ‖² + λ Φ(ρ(ξ))}
 * ({@code ξ_{t+1} = ∂Ψ/∂ξ(ξ_t)}), with the nudge {@code −λβ ∂ℓ/∂ξ}; so with the spikes replaced by their
 * probabilities ({@link SpikingConfig#stochastic()} false) it is a prototypical EP network in the sense of
 * Ernoult et al. (2019), and the estimate {@code ±(1/β)[∂Φ/∂θ(ρ^β) − ∂Φ/∂θ(ρ*)]} (the expected energy at
 * the phase ends, as the paper prescribes) matches backprop-through-time step by step (the GDU check).
 * With spikes the same code is the paper's stochastic network; {@link #stepSensitivity} and friends then
 * give BPTT through the spiking dynamics with the straight-through surrogate.
 *
 * <p>Spikes are 0/1: the drive is accumulated event by event (one contiguous row of {@code W} or of a
 * per-batch transposed copy per spike) and silent units cost nothing. Rows are relaxed on the shared pool;
 * each row draws from its own stream derived from one {@code long} of the batch stream per
 * {@link #relax} call, so results do not depend on the thread count.
 */
public final class SpikingNetwork implements DifferentiableModel<SpikeState> {

    private final SpikingConfig config;
    private final StochasticSpikeParameters neuron;
    private final FloatKernels k;
    private final int[] sizes;
    private final int inputSize;
    /** conns[0]: input → layer 1 (analog); conns[c], c ≥ 1: layer c → layer c+1 (spikes). */
    private final DenseConnection[] conns;
    private final List<Parameter> parameters;
    private final float lambda;
    private final float kappa;
    private final float hi;
    private final boolean bernoulli;
    private final float dt;

    private final BoundBatch<SpikeState> batch;
    private final ChainPhiGradient chainGradient = new ChainPhiGradient();
    private final DeferredInputGradient inputGradient;
    /** The bound batch's rows, input and labels (its live buffers, set by {@link #bind}). */
    private int rows;
    private float[] x;
    private int[] labels;
    private float[] xp = new float[0];
    private float[][] transposed;
    private float[][] acc;
    private float[][] e;
    private float[][] cup;
    private float[][] previous;

    /**
     * Builds the network and draws its parameters from {@code Seeds.stream(seed, INIT, connection)}.
     *
     * @param config architecture and neurons
     * @param seed root seed
     * @param kernels float kernels
     */
    public SpikingNetwork(SpikingConfig config, long seed, FloatKernels kernels) {
        this.config = config;
        this.neuron = config.neuron();
        this.k = kernels;
        this.sizes = config.layerSizes();
        this.inputSize = config.inputSize();
        this.lambda = neuron.leak();
        this.kappa = neuron.kappa();
        this.hi = 1f / kappa;
        this.bernoulli = neuron.firing() == StochasticSpikeParameters.Firing.BERNOULLI;
        this.dt = neuron.dt();
        conns = new DenseConnection[sizes.length];
        List<Parameter> ps = new ArrayList<>();
        for (int c = 0; c < sizes.length; c++) {
            int nIn = c == 0 ? inputSize : sizes[c - 1];
            conns[c] = new DenseConnection(String.valueOf(c), nIn, sizes[c], 1.0, kernels);
            config.init().fill(conns[c].weight().value(), conns[c].bias().value(), nIn, sizes[c], config.initScale(),
                    Seeds.stream(seed, Seeds.INIT, c));
            ps.addAll(conns[c].parameters());
        }
        parameters = List.copyOf(ps);
        transposed = new float[sizes.length][0];
        acc = new float[sizes.length][0];
        e = new float[sizes.length][0];
        cup = new float[sizes.length][0];
        previous = new float[sizes.length][0];
        batch = new BoundBatch<>(inputSize, config.classes(), cap -> new SpikeState(sizes, cap), SpikeState::rows);
        x = batch.input();
        labels = batch.labels();
        inputGradient = new DeferredInputGradient(conns[0]);
    }

    /** Builds with the fastest kernels. */
    public SpikingNetwork(SpikingConfig config, long seed) {
        this(config, seed, FloatKernels.get());
    }

    /** The configuration. */
    public SpikingConfig config() {
        return config;
    }

    /** Sizes of the dynamical layers (hidden layers, then the inflated output). */
    public int[] layerSizes() {
        return sizes.clone();
    }

    /** Connection {@code c} (0 = from the input). */
    public DenseConnection connection(int c) {
        return conns[c];
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public int classes() {
        return config.classes();
    }

    // ---- the neuron (closed active range: ρ' = κ for 0 ≤ κξ ≤ 1, PyTorch's clamp derivative) ----

    /** Firing probability ρ(ξ). */
    float rho(float xi) {
        float r = Math.min(1f, Math.max(0f, kappa * xi));
        return bernoulli ? r : (float) -Math.expm1(-(double) r * dt);
    }

    /** Straight-through slope ρ'(ξ) (κ on the closed active range; Δt e^{−σΔt} κ for the escape rate). */
    float rhoPrime(float xi) {
        float u = kappa * xi;
        if (u < 0f || u > 1f) {
            return 0f;
        }
        return bernoulli ? kappa : (float) (dt * Math.exp(-(double) u * dt) * kappa);
    }

    @Override
    public void bind(Batch b) {
        if (batch.bind(b, config)) {
            grow(batch.capacity());
        }
        int n = batch.rows();
        rows = n;
        x = batch.input();
        labels = batch.labels();
        for (int c = 1; c < sizes.length; c++) {
            int nIn = sizes[c - 1];
            int nOut = sizes[c];
            if (transposed[c].length != nIn * nOut) {
                transposed[c] = new float[nIn * nOut];
            }
            k.transpose(nOut, nIn, conns[c].weight().value(), transposed[c], 0, nIn);
        }
        Arrays.fill(xp, 0, n * sizes[0], 0f);
        Parallel.forRange(n, Math.max(1, Parallel.grain((long) inputSize * sizes[0])),
                (r0, r1) -> conns[0].forward(r1 - r0, x, r0 * inputSize, xp, r0 * sizes[0]));
    }

    /** Resizes the per-batch buffers to a new capacity of {@code n} rows. */
    private void grow(int n) {
        xp = new float[n * sizes[0]];
        for (int l = 0; l < sizes.length; l++) {
            acc[l] = new float[n * sizes[l]];
            e[l] = new float[n * sizes[l]];
            cup[l] = new float[n * sizes[l]];
            previous[l] = new float[n * sizes[l]];
        }
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public SpikeState state(int slot) {
        return batch.state(slot);
    }

    @Override
    public SpikeState newState() {
        return batch.newState();
    }

    @Override
    public void copy(SpikeState from, SpikeState to) {
        to.copyFrom(from);
    }

    /** ξ = 0, no spikes (the paper's zero initial state). */
    @Override
    public void reset(SpikeState s) {
        s.rows(rows);
        s.zero();
        for (int l = 0; l < sizes.length; l++) {
            float r0 = rho(0f);
            if (r0 != 0f) {
                Arrays.fill(s.rate[l], 0, rows * sizes[l], r0);
            }
        }
    }

    @Override
    public void relax(SpikeState s, double beta, int steps, SplittableRandom rng) {
        if (steps <= 0) {
            return;
        }
        long base = config.stochastic() ? rng.nextLong() : 0L;
        float b = (float) beta;
        long work = Math.max(1, stepMacsPerRow() / 4 * steps);
        Parallel.forRange(rows, Parallel.grain(work), (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                SplittableRandom rr = config.stochastic() ? new SplittableRandom(Seeds.derive(base, r)) : null;
                couplingFromScratch(s, r);
                for (int t = 0; t < steps; t++) {
                    step(s, r, b, rr);
                }
            }
        });
    }

    /** {@code acc_l = W_l s_{l−1} + W_{l+1}ᵀ s_{l+1}} of row {@code r} (spikes only; input and biases are added in the step). */
    private void couplingFromScratch(SpikeState s, int r) {
        int d = sizes.length;
        for (int l = 0; l < d; l++) {
            Arrays.fill(acc[l], r * sizes[l], (r + 1) * sizes[l], 0f);
        }
        for (int c = 1; c < d; c++) {
            int nl = sizes[c - 1];
            int nu = sizes[c];
            float[] lower = s.spike[c - 1];
            float[] upper = s.spike[c];
            float[] wt = transposed[c];
            float[] w = conns[c].weight().value();
            int lo = r * nl;
            int uo = r * nu;
            for (int j = 0; j < nl; j++) {
                float v = lower[lo + j];
                if (v != 0f) {
                    k.axpy(nu, v, wt, j * nu, acc[c], uo);
                }
            }
            for (int o = 0; o < nu; o++) {
                float v = upper[uo + o];
                if (v != 0f) {
                    k.axpy(nl, v, w, o * nl, acc[c - 1], lo);
                }
            }
        }
    }

    /**
     * One synchronous step of row {@code r}: every membrane from the drive of the old spikes, new spikes, then
     * the coupling drive is updated event by event with the spikes that changed ({@code ±} one row of
     * {@code W} or {@code Wᵀ} each; saturated units that fire or stay silent every step cost nothing).
     */
    private void step(SpikeState s, int r, float beta, SplittableRandom rr) {
        int d = sizes.length;
        float keep = 1f - lambda;
        boolean clamp = config.clampMembrane();
        boolean stochastic = config.stochastic();
        int per = config.perClass();
        for (int l = 0; l < d; l++) {
            int n = sizes[l];
            int off = r * n;
            float[] xi = s.xi[l];
            float[] rate = s.rate[l];
            float[] spike = s.spike[l];
            float[] old = previous[l];
            float[] a = acc[l];
            float[] input = l == 0 ? xp : conns[l].bias().value();
            int inOff = l == 0 ? off : 0;
            boolean nudge = beta != 0f && l == d - 1;
            int label = labels[r];
            System.arraycopy(spike, off, old, off, n);
            for (int i = 0; i < n; i++) {
                float v = xi[off + i];
                float drive = input[inOff + i] + a[off + i];
                if (nudge) {
                    drive -= beta * (rate[off + i] - (i / per == label ? 1f : 0f));
                }
                float nv = keep * v + lambda * rhoPrime(v) * drive;
                if (clamp) {
                    nv = Math.min(hi, Math.max(0f, nv));
                }
                xi[off + i] = nv;
                float p = rho(nv);
                rate[off + i] = p;
                spike[off + i] = stochastic ? ((rr.nextInt() >>> 8) * 0x1.0p-24f < p ? 1f : 0f) : p;
            }
        }
        for (int c = 1; c < d; c++) {
            int nl = sizes[c - 1];
            int nu = sizes[c];
            float[] lower = s.spike[c - 1];
            float[] lowerOld = previous[c - 1];
            float[] upper = s.spike[c];
            float[] upperOld = previous[c];
            float[] wt = transposed[c];
            float[] w = conns[c].weight().value();
            int lo = r * nl;
            int uo = r * nu;
            for (int j = 0; j < nl; j++) {
                float v = lower[lo + j] - lowerOld[lo + j];
                if (v != 0f) {
                    k.axpy(nu, v, wt, j * nu, acc[c], uo);
                }
            }
            for (int o = 0; o < nu; o++) {
                float v = upper[uo + o] - upperOld[uo + o];
                if (v != 0f) {
                    k.axpy(nl, v, w, o * nl, acc[c - 1], lo);
                }
            }
        }
    }

    /** Expected-energy contrast at the phase ends: {@code Σ_k c_k ∂Φ/∂θ(ρ(ξ_k))}, with rates, never spikes. */
    @Override
    public void accumulatePhiGradient(List<SpikeState> states, List<Nudge> terms) {
        chainGradient.accumulate(conns, batch, states, terms, k);
    }

    private float target(int r, int u) {
        return GroupReadout.target(u, config.perClass(), labels[r]);
    }

    @Override
    public double[] lossAndCorrect(SpikeState s, int[] predictions) {
        int n = sizes[sizes.length - 1];
        return GroupReadout.lossAndCorrect(s.rate[sizes.length - 1], rows, n, classes(), config.perClass(), labels,
                predictions);
    }

    /**
     * The group means of the output's firing probabilities, {@code [rows × classes]} (the read-out).
     *
     * @param s a state of the bound batch
     * @return the class scores
     */
    public float[] classScores(SpikeState s) {
        int n = sizes[sizes.length - 1];
        return GroupReadout.classScores(s.rate[sizes.length - 1], rows, n, classes(), config.perClass());
    }

    /** Φ with the firing probabilities (the expected coupling energy, negated), minus β ℓ, summed over rows. */
    @Override
    public double phi(SpikeState s, double beta) {
        double total = coupling(s.rate, s.rate);
        if (beta != 0) {
            total -= beta * lossAndCorrect(s, null)[0];
        }
        return total;
    }

    /** Σ_rows Σ_l ⟨upper_l, W_l lower_{l−1} + b_l⟩ with lower_0 = x. */
    private double coupling(float[][] upper, float[][] lower) {
        double total = 0;
        for (int l = 0; l < sizes.length; l++) {
            float[] drive = new float[rows * sizes[l]];
            conns[l].forward(rows, l == 0 ? x : lower[l - 1], 0, drive, 0);
            for (int i = 0; i < drive.length; i++) {
                total += (double) drive[i] * upper[l][i];
            }
        }
        return total;
    }

    private double leakEnergy(SpikeState s) {
        double total = 0;
        for (int l = 0; l < sizes.length; l++) {
            for (int i = 0; i < rows * sizes[l]; i++) {
                total += 0.5 * (double) s.xi[l][i] * s.xi[l][i];
            }
        }
        return total;
    }

    /**
     * The expected energy (the paper's eq. 13): {@code ½ Σ‖ξ‖² − Σ_l ρ(ξ_l)ᵀ (W_l ρ(ξ_{l−1}) + b_l)}, summed
     * over the bound rows: the deterministic Hopfield energy with ρ = σ.
     */
    public double expectedEnergy(SpikeState s) {
        return leakEnergy(s) - coupling(s.rate, s.rate);
    }

    /**
     * The stochastic energy of the state's spikes (the paper's eq. 5):
     * {@code ½ Σ‖ξ‖² − Σ_l s_lᵀ (W_l s_{l−1} + b_l)}, summed over the bound rows (the input stays analog).
     */
    public double sampledEnergy(SpikeState s) {
        return leakEnergy(s) - coupling(s.spike, s.spike);
    }

    /**
     * Draws fresh spikes {@code s ~ Bernoulli(ρ(ξ))} for the state's membranes (ξ unchanged), e.g. to sample
     * the stochastic energy at a fixed ξ (the mean-field check of Theorem 3.1).
     *
     * @param s the state
     * @param rng the stream the draws come from (one per neuron, in layer and index order)
     */
    public void resample(SpikeState s, SplittableRandom rng) {
        for (int l = 0; l < sizes.length; l++) {
            for (int i = 0; i < rows * sizes[l]; i++) {
                s.spike[l][i] = (rng.nextInt() >>> 8) * 0x1.0p-24f < s.rate[l][i] ? 1f : 0f;
            }
        }
    }

    /**
     * Sets membrane potentials (and the probabilities and, in the mean-field network, the "spikes" that follow
     * from them; stochastic spikes are zeroed), e.g. for checks at a chosen state.
     *
     * @param s the state
     * @param l layer
     * @param values ξ for the bound rows, row-major
     */
    public void setPotentials(SpikeState s, int l, float[] values) {
        for (int i = 0; i < rows * sizes[l]; i++) {
            s.xi[l][i] = values[i];
            s.rate[l][i] = rho(values[i]);
            s.spike[l][i] = config.stochastic() ? 0f : s.rate[l][i];
        }
    }

    // ---- backprop through the relaxation (BPTT baseline, GDU check); surrogate ∂s/∂ξ = ρ'(ξ) ----
    // a_t = (1−λ)ξ_t + λ ρ'(ξ_t) I(s_t),  ξ_{t+1} = clip(a_t).  With g = ∂L/∂ξ_{t+1} and the clip mask m:
    // δ := λ m g (the GDU-comparable sensitivity), e = ρ'(ξ_t) δ (= ∂L/∂I_t),
    // ∂L/∂W_c += e_c s_{c−1}ᵀ + s_c e_{c−1}ᵀ,  ∂L/∂ξ_t = ((1−λ)/λ) δ + ρ'(ξ_t) ⊙ (W_c e_{c−1} + W_{c+1}ᵀ e_{c+1}).

    @Override
    public void startBackward() {
        inputGradient.start(batch);
    }

    @Override
    public void lossGradient(SpikeState end, float scale, float[][] g) {
        int d = sizes.length;
        int n = sizes[d - 1];
        float[] gl = g[2 * (d - 1)];
        for (int r = 0; r < rows; r++) {
            for (int u = 0; u < n; u++) {
                int i = r * n + u;
                gl[i] += scale * rhoPrime(end.xi[d - 1][i]) * (end.rate[d - 1][i] - target(r, u));
            }
        }
    }

    @Override
    public void stepSensitivity(SpikeState after, float[][] g, float[][] delta) {
        boolean clamp = config.clampMembrane();
        for (int l = 0; l < sizes.length; l++) {
            float[] gl = g[2 * l];
            float[] dl = delta[2 * l];
            float[] ds = delta[2 * l + 1];
            float[] xi = after.xi[l];
            for (int i = 0; i < rows * sizes[l]; i++) {
                float m = !clamp || (xi[i] > 0f && xi[i] < hi) ? 1f : 0f;
                dl[i] = lambda * m * gl[i];
                ds[i] = rhoPrime(xi[i]) * dl[i];
            }
        }
    }

    private void driveSensitivity(SpikeState before, float[][] delta) {
        for (int l = 0; l < sizes.length; l++) {
            float[] xi = before.xi[l];
            float[] dl = delta[2 * l];
            for (int i = 0; i < rows * sizes[l]; i++) {
                e[l][i] = rhoPrime(xi[i]) * dl[i];
            }
        }
    }

    @Override
    public void stepParameterGradient(SpikeState before, float[][] delta, boolean deferInput) {
        driveSensitivity(before, delta);
        inputGradient.add(deferInput, batch, e[0], k);
        for (int c = 1; c < sizes.length; c++) {
            conns[c].accumulateGradient(rows, 1f, before.spike[c - 1], 0, e[c], 0, true);
            conns[c].accumulateGradient(rows, 1f, e[c - 1], 0, before.spike[c], 0, false);
        }
    }

    @Override
    public void stepStateGradient(SpikeState before, float[][] delta, float[][] gPrev) {
        driveSensitivity(before, delta);
        int d = sizes.length;
        for (int l = 0; l < d; l++) {
            Arrays.fill(cup[l], 0, rows * sizes[l], 0f);
        }
        for (int c = 1; c < d; c++) {
            int nIn = sizes[c - 1];
            int nOut = sizes[c];
            float[] w = conns[c].weight().value();
            k.gemmNT(rows, nOut, nIn, e[c - 1], 0, nIn, w, 0, nIn, cup[c], 0, nOut, true);
            k.gemmAB(false, rows, nIn, nOut, 1f, e[c], 0, nOut, w, 0, nIn, cup[c - 1], 0, nIn);
        }
        float carry = (1f - lambda) / lambda;
        for (int l = 0; l < d; l++) {
            float[] xi = before.xi[l];
            float[] dl = delta[2 * l];
            float[] gp = gPrev[2 * l];
            for (int i = 0; i < rows * sizes[l]; i++) {
                gp[i] = carry * dl[i] + rhoPrime(xi[i]) * cup[l][i];
            }
            Arrays.fill(gPrev[2 * l + 1], 0, rows * sizes[l], 0f);
        }
    }

    @Override
    public void finishBackward() {
        inputGradient.finish(batch);
    }

    /** Multiply-adds of one dense step per sample (the event-driven step does a fraction: the firing density). */
    @Override
    public long stepMacsPerRow() {
        long macs = 0;
        for (int c = 1; c < sizes.length; c++) {
            macs += 2L * sizes[c - 1] * sizes[c];
        }
        return Math.max(1, macs);
    }

    @Override
    public String describe() {
        return config.toString();
    }

    @Override
    public String toString() {
        return "SpikingNetwork[" + config + ", " + k.name() + "]";
    }
}
