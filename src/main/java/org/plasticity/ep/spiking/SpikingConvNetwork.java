package org.plasticity.ep.spiking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.plasticity.data.Batch;
import org.plasticity.ep.model.BoundBatch;
import org.plasticity.ep.model.ChainPhiGradient;
import org.plasticity.ep.model.Connection;
import org.plasticity.ep.model.ConvConnection;
import org.plasticity.ep.model.ConvSpec;
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
 * A convolutional network of stochastic spiking neurons trained with equilibrium propagation: the paper's 2C, 3C
 * and 5C nets (spec ep-family §3.1–3.2; Ernoult et al. 2019 / Laborieux et al. 2021 for the convolutional
 * coupling terms of Φ, which the paper refers to). Analog input map x → conv layers of spiking neurons (pooled
 * maps) → optional dense hidden layers → {@code classes × N_perclass} output neurons; the same neurons, dynamics,
 * straight-through derivative, expected-energy weight updates and read-out as {@link SpikingNetwork}:
 *
 * <pre>
 *   firing probability   ρ(ξ) = clip(κξ, 0, 1)   (Bernoulli)   or 1 − exp(−clip(κξ, 0, 1) Δt)   ("5CP")
 *   spike                s = Bernoulli(ρ(ξ)), one random stream per sample
 *   couplings (Φ)        conv:  ⟨s_l, P(conv(s_{l−1}; W_l) + b_l)⟩     dense: ⟨s_l, W_l s_{l−1} + b_l⟩,   s_0 = x (analog)
 *   drive                I_l = ∂Φ/∂s_l = P(conv(s_{l−1}) + b_l) + convᵀ(P_{l+1}ᵀ s_{l+1})   (dense: W_l s_{l−1} + b_l + W_{l+1}ᵀ s_{l+1})
 *   membrane (eq. 7/8)   ξ_l ← (1 − λ) ξ_l + λ ρ'(ξ_l) [I_l − β (ρ(ξ_L) − y) at the output]   then clip to [0, 1/κ]
 *   straight-through     ∂s/∂ξ ≈ ρ'(ξ)   (∂B/∂p ≈ 1)
 *   loss, read-out       ℓ = ½ Σ_u (ρ(ξ_{L,u}) − y_u)²;  argmax over classes of the group mean of ρ(ξ_L)
 *   weight update        from Φ with the rates ρ(ξ) at the phase ends (the expected energy, eq. 13–14), never spikes
 * </pre>
 *
 * P is max-pool by default (the paper's text; the pool's adjoint routes the top-down spikes to the argmax of the
 * window, taken from the lower layer's spikes at that step) or average pool (top-down: nearest-neighbour
 * upsampling scaled by 1/p², the option of Lin et al. 2024); the 2C net pools 3×3/3. The convolutions, pools and
 * their adjoints are {@link ConvConnection}'s, shared with the rate-based conv EP of notebook 02.
 *
 * <p>Each step recomputes every conv layer's bottom-up drive from the spikes (the max-pool route depends on them) and
 * accumulates its top-down drive event by event from the active upper units; the dense couplings are accumulated
 * event by event too (one row of {@code W} or of a per-batch transposed copy per
 * spike; silent units cost nothing). Rows are relaxed on the shared pool, each from its own random stream
 * derived from one {@code long} of the batch stream per {@link #relax} call, so results do not depend on the
 * thread count. With spikes replaced by their probabilities ({@link SpikingConvConfig#stochastic()} false) the
 * relaxation is the Euler step of {@code Ψ = (1−λ)/2 ‖ξ‖² + λ Φ(ρ(ξ))} and EP matches backprop-through-time step
 * by step (the GDU check); {@link #stepSensitivity} and friends give BPTT through the (spiking) dynamics with the
 * straight-through surrogate, for every pooling (max-pool routes from the states of each step).
 */
public final class SpikingConvNetwork implements DifferentiableModel<SpikeState> {

    private final SpikingConvConfig config;
    private final FloatKernels k;
    private final int[] sizes;
    private final int inputSize;
    /** conns[0]: input → layer 1 (a conv, analog input); conns[c], c ≥ 1: layer c → layer c+1 (spikes). */
    private final Connection[] conns;
    private final List<Parameter> parameters;
    private final float lambda;
    private final float kappa;
    private final float hi;
    private final boolean bernoulli;
    private final float dt;

    private final BoundBatch<SpikeState> batch;
    private final ChainPhiGradient chainGradient = new ChainPhiGradient();
    private final DeferredInputGradient inputGradient;
    private int rows;
    private float[] x;
    private int[] labels;
    private float[] xp = new float[0];
    /** Per dense connection c ≥ 1, {@code Wᵀ} ({@code in × out}) of the bound batch; empty for conv ones. */
    private final float[][] transposed;
    private final float[][] acc;
    private final float[][] e;
    private final float[][] cup;

    /**
     * Builds the network and draws its parameters from {@code Seeds.stream(seed, INIT, connection)}.
     *
     * @param config architecture and neurons
     * @param seed root seed
     * @param kernels float kernels
     */
    public SpikingConvNetwork(SpikingConvConfig config, long seed, FloatKernels kernels) {
        this.config = config;
        StochasticSpikeParameters neuron = config.neuron();
        this.k = kernels;
        this.sizes = config.layerSizes();
        this.inputSize = config.inputSize();
        this.lambda = neuron.leak();
        this.kappa = neuron.kappa();
        this.hi = 1f / kappa;
        this.bernoulli = neuron.firing() == StochasticSpikeParameters.Firing.BERNOULLI;
        this.dt = neuron.dt();
        int d = sizes.length;
        conns = new Connection[d];
        List<Parameter> ps = new ArrayList<>();
        int ch = config.inChannels();
        int h = config.height();
        int w = config.width();
        int c = 0;
        for (ConvSpec spec : config.conv()) {
            ConvConnection conv = new ConvConnection(String.valueOf(c), ch, h, w, spec, 1.0, kernels);
            int fan = ch * spec.kernel() * spec.kernel();
            config.init().fill(conv.parameters().get(0).value(), conv.parameters().get(1).value(), fan,
                    spec.channels() * spec.kernel() * spec.kernel(), config.initScale(), Seeds.stream(seed, Seeds.INIT, c));
            conns[c] = conv;
            ch = spec.channels();
            h = conv.outHeight();
            w = conv.outWidth();
            c++;
        }
        for (; c < d; c++) {
            DenseConnection dense = new DenseConnection(String.valueOf(c), sizes[c - 1], sizes[c], 1.0, kernels);
            config.init().fill(dense.weight().value(), dense.bias().value(), sizes[c - 1], sizes[c], config.initScale(),
                    Seeds.stream(seed, Seeds.INIT, c));
            conns[c] = dense;
        }
        for (Connection conn : conns) {
            ps.addAll(conn.parameters());
        }
        parameters = List.copyOf(ps);
        transposed = new float[d][0];
        acc = new float[d][0];
        e = new float[d][0];
        cup = new float[d][0];
        batch = new BoundBatch<>(inputSize, config.classes(), cap -> new SpikeState(sizes, cap), SpikeState::rows);
        x = batch.input();
        labels = batch.labels();
        inputGradient = new DeferredInputGradient(conns[0]);
    }

    /** Builds with the fastest kernels. */
    public SpikingConvNetwork(SpikingConvConfig config, long seed) {
        this(config, seed, FloatKernels.get());
    }

    /** The configuration. */
    public SpikingConvConfig config() {
        return config;
    }

    /** Sizes of the dynamical layers (conv maps, hidden layers, then the inflated output). */
    public int[] layerSizes() {
        return sizes.clone();
    }

    /** Connection {@code c} (0 = from the input; the first {@code config().conv().size()} are convolutions). */
    public Connection connection(int c) {
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

    // ---- the neuron: the same firing law and straight-through slope as SpikingNetwork ----

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
            if (conns[c] instanceof DenseConnection dense) {
                int nIn = sizes[c - 1];
                int nOut = sizes[c];
                if (transposed[c].length != nIn * nOut) {
                    transposed[c] = new float[nIn * nOut];
                }
                k.transpose(nOut, nIn, dense.weight().value(), transposed[c], 0, nIn);
            }
        }
        // the input projection P(conv(x) + b_1), constant while the input is clamped
        Arrays.fill(xp, 0, n * sizes[0], 0f);
        Parallel.forRange(n, Math.max(1, Parallel.grain(conns[0].coupleMacsPerRow() / 2)),
                (r0, r1) -> conns[0].forward(r1 - r0, x, r0 * inputSize, xp, r0 * sizes[0]));
    }

    private void grow(int n) {
        xp = new float[n * sizes[0]];
        for (int l = 0; l < sizes.length; l++) {
            acc[l] = new float[n * sizes[l]];
            e[l] = new float[n * sizes[l]];
            cup[l] = new float[n * sizes[l]];
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
        float r0 = rho(0f);
        if (r0 != 0f) {
            for (int l = 0; l < sizes.length; l++) {
                Arrays.fill(s.rate[l], 0, rows * sizes[l], r0);
            }
        }
    }

    @Override
    public void relax(SpikeState s, double beta, int steps, SplittableRandom rng) {
        if (steps <= 0) {
            return;
        }
        boolean stochastic = config.stochastic();
        long base = stochastic ? rng.nextLong() : 0L;
        float b = (float) beta;
        long work = Math.max(1, stepMacsPerRow() * steps);
        Parallel.forRange(rows, Parallel.grain(work), (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                SplittableRandom rr = stochastic ? new SplittableRandom(Seeds.derive(base, r)) : null;
                for (int t = 0; t < steps; t++) {
                    drive(s.spike, r);
                    update(s, r, b, rr);
                }
            }
        });
    }

    /**
     * {@code acc_l = I_l − [input projection of layer 1]} of row {@code r} from the given spikes: per conv coupling the
     * bottom-up drive with its bias as one product and the top-down adjoint event by event from the active upper units
     * ({@link ConvConnection#coupleEvents}; the mean-field network, whose "spikes" are dense rates, uses the dense
     * {@link ConvConnection#couple}), per dense coupling its bias plus one row of {@code Wᵀ} per active lower unit and
     * one row of {@code W} per active upper unit.
     */
    private void drive(float[][] spikes, int r) {
        int d = sizes.length;
        for (int l = 0; l < d; l++) {
            Arrays.fill(acc[l], r * sizes[l], (r + 1) * sizes[l], 0f);
        }
        for (int c = 1; c < d; c++) {
            int nl = sizes[c - 1];
            int nu = sizes[c];
            int lo = r * nl;
            int uo = r * nu;
            float[] lower = spikes[c - 1];
            float[] upper = spikes[c];
            if (conns[c] instanceof DenseConnection dense) {
                float[] wt = transposed[c];
                float[] w = dense.weight().value();
                k.add(nu, acc[c], uo, dense.bias().value(), 0, acc[c], uo);
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
            } else if (config.stochastic()) {
                ((ConvConnection) conns[c]).coupleEvents(1, lower, lo, upper, uo, acc[c], uo, acc[c - 1], lo);
            } else {
                conns[c].couple(1, lower, lo, upper, uo, acc[c], uo, acc[c - 1], lo, true);
            }
        }
    }

    /** One synchronous membrane step of row {@code r} from the drive in {@code acc}, then new spikes. */
    private void update(SpikeState s, int r, float beta, SplittableRandom rr) {
        int d = sizes.length;
        float keep = 1f - lambda;
        boolean clamp = config.clampMembrane();
        boolean stochastic = config.stochastic();
        int per = config.perClass();
        int label = labels[r];
        for (int l = 0; l < d; l++) {
            int n = sizes[l];
            int off = r * n;
            float[] xi = s.xi[l];
            float[] rate = s.rate[l];
            float[] spike = s.spike[l];
            float[] a = acc[l];
            boolean nudge = beta != 0f && l == d - 1;
            for (int i = 0; i < n; i++) {
                float v = xi[off + i];
                float drive = a[off + i];
                if (l == 0) {
                    drive += xp[off + i];
                }
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

    /** Σ_rows Σ_l ⟨upper_l, P(W_l ∗ lower_{l−1} + b_l)⟩ with lower_0 = x. */
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

    /** The expected energy (eq. 13), {@code ½ Σ‖ξ‖² − Φ(ρ(ξ))} at β = 0, summed over the bound rows. */
    public double expectedEnergy(SpikeState s) {
        return leakEnergy(s) - coupling(s.rate, s.rate);
    }

    /** The stochastic energy of the state's spikes (eq. 5), {@code ½ Σ‖ξ‖² − Φ(s)}, summed over the bound rows. */
    public double sampledEnergy(SpikeState s) {
        return leakEnergy(s) - coupling(s.spike, s.spike);
    }

    /**
     * The mean firing rate of every layer over a free phase from rest on a batch (the paper's IFR_i of §5.1, there
     * averaged over 128 samples): the fraction of units that spike, averaged over the {@code steps} steps and the rows.
     *
     * @param b the samples (bound by this call)
     * @param steps free-phase steps (T_free)
     * @param rng the stream the spikes come from (one {@code long} per step)
     * @return one rate per dynamical layer, output last
     */
    public double[] freePhaseFiringRates(Batch b, int steps, SplittableRandom rng) {
        bind(b);
        SpikeState s = state(0);
        reset(s);
        double[] rates = new double[sizes.length];
        for (int t = 0; t < steps; t++) {
            relax(s, 0, 1, rng);
            for (int l = 0; l < sizes.length; l++) {
                rates[l] += s.firingDensity(l) / steps;
            }
        }
        return rates;
    }

    /**
     * Sets membrane potentials (and the probabilities and, in the mean-field network, the "spikes" that follow from
     * them; stochastic spikes are zeroed), e.g. for checks at a chosen state.
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
    // As SpikingNetwork: a_t = (1−λ)ξ_t + λ ρ'(ξ_t) I(s_t), ξ_{t+1} = clip(a_t); δ := λ m g, e = ρ'(ξ_t) δ = ∂L/∂I_t;
    // ∂L/∂θ += ∂/∂θ ⟨e, I(s_t)⟩;  ∂L/∂ξ_t = ((1−λ)/λ) δ + ρ'(ξ_t) ⊙ ∂⟨e, I(s)⟩/∂s at s_t. A max-pool's route is the
    // argmax of conv(s_{l−1}(t)) (piecewise constant in s, no derivative of its own).

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
            float[] lower = before.spike[c - 1];
            float[] upper = before.spike[c];
            conns[c].accumulateGradient(rows, 1f, lower, 0, e[c], 0, true);
            if (conns[c] instanceof ConvConnection conv) {
                conv.accumulateGradientRouted(rows, 1f, lower, 0, e[c - 1], 0, upper, 0);
            } else {
                conns[c].accumulateGradient(rows, 1f, e[c - 1], 0, upper, 0, false);
            }
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
            if (conns[c] instanceof ConvConnection conv) {
                float[] route = before.spike[c - 1];
                float[] eLow = e[c - 1];
                float[] eUp = e[c];
                float[] cLow = cup[c - 1];
                float[] cUp = cup[c];
                Parallel.forRange(rows, Parallel.grain(conv.coupleMacsPerRow()), (r0, r1) -> conv.coupleRouted(r1 - r0,
                        route, r0 * nIn, eLow, r0 * nIn, eUp, r0 * nOut, cUp, r0 * nOut, cLow, r0 * nIn));
            } else {
                float[] w = ((DenseConnection) conns[c]).weight().value();
                k.gemmNT(rows, nOut, nIn, e[c - 1], 0, nIn, w, 0, nIn, cup[c], 0, nOut, true);
                k.gemmAB(false, rows, nIn, nOut, 1f, e[c], 0, nOut, w, 0, nIn, cup[c - 1], 0, nIn);
            }
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

    /** Multiply-adds of one dense step per sample (the conv couplings do all of theirs; dense ones the firing density). */
    @Override
    public long stepMacsPerRow() {
        long macs = 0;
        for (int c = 1; c < sizes.length; c++) {
            macs += conns[c].coupleMacsPerRow();
        }
        return Math.max(1, macs);
    }

    @Override
    public String describe() {
        return config.toString();
    }

    @Override
    public String toString() {
        return "SpikingConvNetwork[" + config + ", " + k.name() + "]";
    }
}
