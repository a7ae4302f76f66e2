package org.plasticity.ep.spiking.lif;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.plasticity.data.Batch;
import org.plasticity.ep.model.BoundBatch;
import org.plasticity.ep.model.ChainPhiGradient;
import org.plasticity.ep.model.DenseConnection;
import org.plasticity.ep.model.EnergyModel;
import org.plasticity.ep.model.Nudge;
import org.plasticity.ep.spiking.GroupReadout;
import org.plasticity.ep.spiking.SpikingNetwork;
import org.plasticity.neuron.Lif;
import org.plasticity.neuron.LifParameters;
import org.plasticity.random.Seeds;
import org.plasticity.tensor.FloatKernels;
import org.plasticity.tensor.Parallel;
import org.plasticity.train.Parameter;

/**
 * The deterministic LIF baselines of the stochastic spiking EP paper's stability study (§4.1, Fig. 3 b–d) as
 * EP-trainable networks on the stochastic network's architecture: analog input x → hidden layers → an output
 * layer of {@code classes × N_perclass} neurons read out as group means, symmetric couplings, neurons that talk
 * to each other only through spikes, and the same Hopfield energy (eq. 3) with the rates r_l:
 * {@code Φ = Σ_l ⟨r_l, W_l r_{l−1} + b_l⟩ − β ℓ}, {@code ℓ = ½ Σ_u (r_{L,u} − y_u)²} (y = the one-hot target
 * repeated N_perclass times). The weight update is EP's contrast of {@code ∂Φ/∂θ} at the phase ends with these
 * rates ({@link org.plasticity.ep.estimator.EquilibriumPropagation}, any estimator). Updates are synchronous:
 * every layer steps from the previous step's spikes. The input is an analog current into the first layer (as in
 * our stochastic network; O'Connor et al. spike-encode the input too: our decision, flagged).
 *
 * <p><b>{@link LifKind#EQSPIKE}</b> (Martin et al. 2021, "LIF with a low-pass filter"; the paper under
 * reproduction gives no equation, this is <b>our reconstruction</b>, flagged): per neuron, with the drive from
 * the neighbours' filtered spikes
 * <pre>
 *   I_l = W_l ŝ_{l−1} + b_l + W_{l+1}ᵀ ŝ_{l+1}   (ŝ_0 = x)   [− β (ŝ_L − y) at the output when nudged]
 *   v  ← decay·v + g·I;   s = [v ≥ θ];   if s: v ← v_reset (or v − θ)        ({@link Lif#step})
 *   v  ← max(v, v_reset)                                                   (floor: our choice, {@link LifConfig#floorAtReset})
 *   ŝ  ← γ ŝ + (1 − γ) s                                                  ({@link Lif#trace}, the low-pass filter)
 * </pre>
 * r = ŝ; the plotted membrane is v. Since {@code W ŝ} is linear, the drive is kept as its own low-pass filter,
 * {@code W ŝ ← γ W ŝ + (1 − γ) W s}: event-driven, one row of W per spike.
 *
 * <p><b>{@link LifKind#SIGMA_DELTA}</b> (O'Connor, Gavves &amp; Welling 2019, as the paper restates it in
 * eq. 17), with the annealed schedules ε_t (the paper's λ) and α_t, t counted from the start of the free phase:
 * <pre>
 *   u_l   = W_l s_{l−1} + W_{l+1}ᵀ s_{l+1}                     (spikes of the last step; the input x enters below)
 *   Dec_l ← (1 − α_t) Dec_l + α_t u_l                            (predictive decoder)
 *   ξ_l   ← clip((1 − ε_t) ξ_l + ε_t σ'(ξ_l) (Dec_l + W_1 x·[l = 1] + b_l [− β(σ(ξ_L) − y)]), 0, 1/κ)
 *   Enc_l = (σ(ξ_l) − (1 − α_t) σ(ξ_l^{prev})) / α_t             (predictive encoder)
 *   s_l   = [V_l + Enc_l ≥ ½],   V_l ← V_l + Enc_l − s_l          (sigma-delta modulator, V_th = ½)
 * </pre>
 * with σ(ξ) = clip(κξ, 0, 1), σ' = κ on the active range: the stochastic neuron's σ, so with the same weights the
 * mean-field fixed point is the stochastic network's. r = σ(ξ); the plotted membrane is ξ. The modulator is an
 * integrate-and-fire neuron with subtractive reset ({@link SigmaDelta}). Deviations, flagged: the paper's eq. 17 writes the encoder as
 * {@code ρ(ξ^t)/α − (1 − α)ρ(ξ^{t−1})}; we divide the whole difference by α, as O'Connor et al. do (only then does
 * the decoder invert the encoder); the spike condition is ≥ where they write &gt; (a tie has measure zero); the
 * membrane is clipped to [0, 1/κ] (O'Connor et al. clip to [0, 1] with κ = 1).
 *
 * <p><b>{@link LifKind#STEP_SCHEDULE}</b> ("simplified from" O'Connor et al., Fig. 3 d): the same with α ≡ 1,
 * i.e. Dec = u (raw spike input) and Enc = σ(ξ) (no predictive coding), the membrane step still annealed.
 */
public final class LifNetwork implements EnergyModel<LifState> {

    private final LifConfig config;
    private final FloatKernels k;
    private final int[] sizes;
    private final int inputSize;
    private final DenseConnection[] conns;
    private final List<Parameter> parameters;
    private final float kappa;
    private final float hi;

    private final BoundBatch<LifState> batch;
    private final ChainPhiGradient chainGradient = new ChainPhiGradient();
    private int rows;
    private float[] x;
    private int[] labels;
    private float[] xp = new float[0];
    private float[][] transposed;
    /** Per layer, rows × units: the coupling from spikes (sigma-delta) or the filtered coupling W ŝ (EqSpike). */
    private float[][] coup;
    /** EqSpike: the coupling of this step's spikes. */
    private float[][] fresh;
    /** Per layer: the drive handed to {@link Lif#step} (EqSpike) or the encoder output (sigma-delta). */
    private float[][] drive;

    /**
     * Builds the network and draws its parameters as {@link SpikingNetwork} does
     * ({@code Seeds.stream(seed, INIT, connection)}), so a LIF network and a stochastic network of the same
     * architecture and seed start from the same weights.
     *
     * @param config architecture and neurons
     * @param seed root seed
     * @param kernels float kernels
     */
    public LifNetwork(LifConfig config, long seed, FloatKernels kernels) {
        this.config = config;
        this.k = kernels;
        this.sizes = config.layerSizes();
        this.inputSize = config.inputSize();
        this.kappa = config.kappa();
        this.hi = 1f / kappa;
        int d = sizes.length;
        conns = new DenseConnection[d];
        List<Parameter> ps = new ArrayList<>();
        for (int c = 0; c < d; c++) {
            int nIn = c == 0 ? inputSize : sizes[c - 1];
            conns[c] = new DenseConnection(String.valueOf(c), nIn, sizes[c], 1.0, kernels);
            config.init().fill(conns[c].weight().value(), conns[c].bias().value(), nIn, sizes[c], config.initScale(),
                    Seeds.stream(seed, Seeds.INIT, c));
            ps.addAll(conns[c].parameters());
        }
        parameters = List.copyOf(ps);
        transposed = new float[d][0];
        coup = new float[d][0];
        fresh = new float[d][0];
        drive = new float[d][0];
        batch = new BoundBatch<>(inputSize, config.classes(), cap -> new LifState(sizes, cap), LifState::rows);
        x = batch.input();
        labels = batch.labels();
    }

    /** Builds with the fastest kernels. */
    public LifNetwork(LifConfig config, long seed) {
        this(config, seed, FloatKernels.get());
    }

    /** The configuration. */
    public LifConfig config() {
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

    /**
     * Copies parameter values from another network of the same architecture (e.g. a trained stochastic
     * {@link SpikingNetwork}: the stability study runs every model with the same weights).
     *
     * @param from parameters in this network's order (weights and biases per connection)
     * @throws IllegalArgumentException when the shapes differ
     */
    public void copyParameters(List<Parameter> from) {
        if (from.size() != parameters.size()) {
            throw new IllegalArgumentException(from.size() + " parameters for " + parameters.size());
        }
        for (int i = 0; i < from.size(); i++) {
            float[] src = from.get(i).value();
            float[] dst = parameters.get(i).value();
            if (src.length != dst.length) {
                throw new IllegalArgumentException("parameter " + i + " has " + src.length + " values, this network's "
                        + dst.length);
            }
            System.arraycopy(src, 0, dst, 0, src.length);
        }
    }

    /** σ(ξ) = clip(κξ, 0, 1). */
    float sigma(float xi) {
        return Math.min(1f, Math.max(0f, kappa * xi));
    }

    /** σ'(ξ) = κ on the closed active range, else 0. */
    float sigmaPrime(float xi) {
        float u = kappa * xi;
        return u < 0f || u > 1f ? 0f : kappa;
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

    private void grow(int n) {
        xp = new float[n * sizes[0]];
        for (int l = 0; l < sizes.length; l++) {
            coup[l] = new float[n * sizes[l]];
            fresh[l] = new float[n * sizes[l]];
            drive[l] = new float[n * sizes[l]];
        }
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public LifState state(int slot) {
        return batch.state(slot);
    }

    @Override
    public LifState newState() {
        return batch.newState();
    }

    @Override
    public void copy(LifState from, LifState to) {
        to.copyFrom(from);
    }

    /** Everything at rest: v = ξ = 0, no spikes, empty filters and decoders, V = 0 (held as ½), t = 0. */
    @Override
    public void reset(LifState s) {
        s.rows(rows);
        s.zero(SigmaDelta.REST);
    }

    /** Deterministic: {@code rng} is not used. */
    @Override
    public void relax(LifState s, double beta, int steps, SplittableRandom rng) {
        if (steps <= 0) {
            return;
        }
        float b = (float) beta;
        if (config.kind() == LifKind.EQSPIKE) {
            couple(s.rate, coup);
            for (int t = 0; t < steps; t++) {
                eqSpikeStep(s, b);
            }
        } else {
            for (int t = 0; t < steps; t++) {
                sigmaDeltaStep(s, b);
            }
        }
    }

    /** {@code out_l = W_l v_{l−1} + W_{l+1}ᵀ v_{l+1}} over the coupled layers (v_0 = x excluded), zeros skipped, all rows. */
    private void couple(float[][] values, float[][] out) {
        long work = Math.max(1, stepMacsPerRow() / 4);
        Parallel.forRange(rows, Parallel.grain(work), (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                coupleRow(values, r, out);
            }
        });
    }

    private void coupleRow(float[][] values, int r, float[][] out) {
        int d = sizes.length;
        for (int l = 0; l < d; l++) {
            Arrays.fill(out[l], r * sizes[l], (r + 1) * sizes[l], 0f);
        }
        for (int c = 1; c < d; c++) {
            int nl = sizes[c - 1];
            int nu = sizes[c];
            float[] lower = values[c - 1];
            float[] upper = values[c];
            float[] wt = transposed[c];
            float[] w = conns[c].weight().value();
            int lo = r * nl;
            int uo = r * nu;
            for (int j = 0; j < nl; j++) {
                float v = lower[lo + j];
                if (v != 0f) {
                    k.axpy(nu, v, wt, j * nu, out[c], uo);
                }
            }
            for (int o = 0; o < nu; o++) {
                float v = upper[uo + o];
                if (v != 0f) {
                    k.axpy(nl, v, w, o * nl, out[c - 1], lo);
                }
            }
        }
    }

    /** The input current of layer {@code l}'s unit {@code i} (row-major index) that does not come from spikes. */
    private float external(int l, int i, int n) {
        return l == 0 ? xp[i] : conns[l].bias().value()[i % n];
    }

    /** One synchronous EqSpike step (class Javadoc); {@code coup} holds W ŝ of the current traces on entry and exit. */
    private void eqSpikeStep(LifState s, float beta) {
        s.t++;
        int d = sizes.length;
        LifParameters p = config.lif();
        float g = config.inputGain();
        int per = config.perClass();
        for (int l = 0; l < d; l++) {
            int n = sizes[l];
            int m = rows * n;
            boolean nudge = beta != 0f && l == d - 1;
            float[] in = drive[l];
            float[] c = coup[l];
            float[] r = s.rate[l];
            for (int i = 0; i < m; i++) {
                float current = external(l, i, n) + c[i];
                if (nudge) {
                    current -= beta * (r[i] - (i % n / per == labels[i / n] ? 1f : 0f));
                }
                in[i] = g * current;
            }
            Lif.step(p, s.xi[l], in, null, s.spike[l], m);
            if (config.floorAtReset()) {
                float floor = p.resetPotential();
                float[] v = s.xi[l];
                for (int i = 0; i < m; i++) {
                    v[i] = Math.max(floor, v[i]);
                }
            }
            Lif.trace(p, s.rate[l], s.spike[l], m);
        }
        couple(s.spike, fresh);
        float gamma = p.traceDecay();
        float a = 1f - gamma;
        for (int l = 0; l < d; l++) {
            float[] c = coup[l];
            float[] f = fresh[l];
            for (int i = 0; i < rows * sizes[l]; i++) {
                c[i] = gamma * c[i] + a * f[i];
            }
        }
    }

    /** One synchronous step of the sigma-delta baselines (eq. 17; α ≡ 1 for {@link LifKind#STEP_SCHEDULE}). */
    private void sigmaDeltaStep(LifState s, float beta) {
        int t = ++s.t;
        float eps = config.step().at(t);
        float alpha = config.kind() == LifKind.SIGMA_DELTA ? config.alpha().at(t) : 1f;
        float keepE = 1f - eps;
        int d = sizes.length;
        int per = config.perClass();
        couple(s.spike, coup);
        for (int l = 0; l < d; l++) {
            int n = sizes[l];
            int m = rows * n;
            boolean nudge = beta != 0f && l == d - 1;
            float[] dec = s.dec[l];
            float[] xi = s.xi[l];
            float[] r = s.rate[l];
            SigmaDelta.decode(alpha, dec, coup[l], m);
            for (int i = 0; i < m; i++) {
                float current = dec[i] + external(l, i, n);
                if (nudge) {
                    current -= beta * (r[i] - (i % n / per == labels[i / n] ? 1f : 0f));
                }
                float v = xi[i];
                float nv = Math.min(hi, Math.max(0f, keepE * v + eps * sigmaPrime(v) * current));
                xi[i] = nv;
                r[i] = sigma(nv);
            }
            SigmaDelta.encode(alpha, r, s.prevRate[l], s.sd[l], drive[l], s.spike[l], m);
        }
    }

    /** EP's contrast of ∂Φ/∂θ at the phase ends, with the rates (EqSpike: ŝ; else σ(ξ)). */
    @Override
    public void accumulatePhiGradient(List<LifState> states, List<Nudge> terms) {
        chainGradient.accumulate(conns, batch, states, terms, k);
    }


    @Override
    public double[] lossAndCorrect(LifState s, int[] predictions) {
        int n = sizes[sizes.length - 1];
        return GroupReadout.lossAndCorrect(s.rate[sizes.length - 1], rows, n, classes(), config.perClass(), labels,
                predictions);
    }

    /** Φ with the rates, minus β ℓ, summed over rows. */
    @Override
    public double phi(LifState s, double beta) {
        double total = 0;
        for (int l = 0; l < sizes.length; l++) {
            float[] in = new float[rows * sizes[l]];
            conns[l].forward(rows, l == 0 ? x : s.rate[l - 1], 0, in, 0);
            for (int i = 0; i < in.length; i++) {
                total += (double) in[i] * s.rate[l][i];
            }
        }
        if (beta != 0) {
            total -= beta * lossAndCorrect(s, null)[0];
        }
        return total;
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
        return "LifNetwork[" + config + ", " + k.name() + "]";
    }
}
