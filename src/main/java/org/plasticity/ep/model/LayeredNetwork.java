package org.plasticity.ep.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.plasticity.data.Batch;
import org.plasticity.random.Seeds;
import org.plasticity.tensor.FloatKernels;
import org.plasticity.tensor.Parallel;
import org.plasticity.train.Parameter;

/**
 * A layered convergent network with symmetric couplings (Scellier &amp; Bengio 2017; Ernoult et al. 2019;
 * Laborieux et al. 2021):
 *
 * <pre>  Φ(x, s, β) = Σ_{(a→b) ∈ couplings} ⟨s_b, P(W_ab s_a + b_ab)⟩ − β·ℓ(s_L, y),   s_0 = x (clamped)</pre>
 *
 * <p>The topology is a list of {@link Coupling}s: the architecture's neighbouring-layer chain
 * {@code 0→1→…→L} (the default builder output), then any skip couplings ({@link CouplingSpec}); every
 * term acts both ways, so the couplings stay symmetric and the EP theorem holds.
 *
 * <p>A relaxation step updates all layers synchronously from the previous states. Its coupling work is
 * one pass per connection ({@link Connection#couple}); input projections {@code P(W x + b)} are constant
 * during the phases and computed once per batch in {@link #bind}. A batch is split into contiguous row
 * blocks relaxed on separate threads for the whole phase (samples never interact), with no allocation
 * per step. The hot loop is {@link #relax(NeuronState, double, int)} → {@link #step} → {@link #drive}
 * and {@link #update}; the chain's terms come first in the same order as before skip couplings existed,
 * so a plain stack computes exactly what it did.
 */
public final class LayeredNetwork implements DifferentiableModel<NeuronState> {

    private final NetworkConfig config;
    private final FloatKernels k;
    private final Connection[] dynamicConnections;
    /** Skip couplings (from, to in layer numbers, 0 = input), after the chain in Φ's sum. */
    private final Coupling[] skips;
    private final List<Coupling> couplings;
    private final OutputHead head;
    private final int[] sizes;
    private final Activation[] acts;
    private final int inputSize;
    private final List<Parameter> parameters;
    private final List<Parameter> dynamicsParameters;
    private final Dynamics.EnergyBased energy;

    private final BoundBatch<NeuronState> batch;
    private final ChainPhiGradient chainGradient = new ChainPhiGradient();
    private final DeferredInputGradient inputGradient;
    /** The bound batch's rows, input and labels (its live buffers, set by {@link #bind}). */
    private int rows;
    private float[] x;
    private int[] labels;
    private float[] xp = new float[0];
    /** Input projections of the skip couplings from the input (null for the others). */
    private float[][] skipXp;
    private float[][] acc;
    private int[] pinnedCounts = new int[0];

    /**
     * Builds the network and draws its parameters from {@code Seeds.stream(seed, INIT, connection)}.
     *
     * @param config architecture, activations, dynamics, loss, initialisation
     * @param seed root seed
     * @param kernels float kernels
     */
    public LayeredNetwork(NetworkConfig config, long seed, FloatKernels kernels) {
        this.config = config;
        this.k = kernels;
        this.energy = config.dynamics() instanceof Dynamics.EnergyBased e ? e : null;
        Architecture arch = config.architecture();
        this.inputSize = arch.inputSize();
        List<Connection> all = ConnectionFactory.build(config, kernels);
        boolean readout = config.loss() == Loss.SOFTMAX_READOUT;
        int dynamicCount = readout ? all.size() - 1 : all.size();
        this.dynamicConnections = all.subList(0, dynamicCount).toArray(new Connection[0]);
        this.sizes = new int[dynamicCount];
        this.acts = new Activation[dynamicCount];
        for (int l = 0; l < dynamicCount; l++) {
            sizes[l] = dynamicConnections[l].outSize();
            acts[l] = l == dynamicCount - 1 && !readout ? config.outputActivation() : config.activation();
        }
        this.head = new OutputHead(config.loss(), arch.classes(), sizes[dynamicCount - 1],
                readout ? all.get(all.size() - 1) : null);
        List<Parameter> ps = new ArrayList<>();
        for (int c = 0; c < all.size(); c++) {
            Connection conn = all.get(c);
            ps.addAll(conn.parameters());
            int fanIn = conn.parameters().get(0).size() / Math.max(1, conn.parameters().get(1).size());
            int fanOut = conn.parameters().get(0).size() / Math.max(1, fanIn);
            config.init().fill(conn.parameters().get(0).value(), conn.parameters().get(1).value(), fanIn, fanOut,
                    config.initScale(), Seeds.stream(seed, Seeds.INIT, c));
        }
        List<Coupling> topology = new ArrayList<>();
        for (int l = 0; l < dynamicCount; l++) {
            topology.add(new Coupling(l, l + 1, dynamicConnections[l]));
        }
        this.skips = new Coupling[config.couplings().size()];
        for (int i = 0; i < skips.length; i++) {
            CouplingSpec spec = config.couplings().get(i);
            int nIn = spec.from() == 0 ? inputSize : sizes[spec.from() - 1];
            DenseConnection conn = new DenseConnection(spec.name(), nIn, sizes[spec.to() - 1], spec.lrScale(), kernels);
            // drawn after every chain connection's stream, so adding a skip changes no other initial weight
            config.init().fill(conn.weight().value(), conn.bias().value(), nIn, sizes[spec.to() - 1], config.initScale(),
                    Seeds.stream(seed, Seeds.INIT, all.size() + i));
            skips[i] = new Coupling(spec.from(), spec.to(), conn);
            topology.add(skips[i]);
        }
        this.couplings = List.copyOf(topology);
        this.skipXp = new float[skips.length][];
        int readoutParams = head.parameters().size();
        List<Parameter> dyn = new ArrayList<>(ps.subList(0, ps.size() - readoutParams));
        for (Coupling c : skips) {
            dyn.addAll(c.connection().parameters());
            ps.addAll(c.connection().parameters());
        }
        this.parameters = List.copyOf(ps);
        this.dynamicsParameters = List.copyOf(dyn);
        this.acc = new float[dynamicCount][0];
        boolean withPotentials = energy != null;
        this.batch = new BoundBatch<>(inputSize, arch.classes(), cap -> new NeuronState(sizes, cap, withPotentials),
                NeuronState::rows);
        this.x = batch.input();
        this.labels = batch.labels();
        this.inputGradient = new DeferredInputGradient(dynamicConnections[0]);
    }

    /** The configuration. */
    public NetworkConfig config() {
        return config;
    }

    /** The kernels used. */
    public FloatKernels kernels() {
        return k;
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    /** Every parameter but the softmax read-out's (which enters Φ through the cost alone). */
    @Override
    public List<Parameter> dynamicsParameters() {
        return dynamicsParameters;
    }

    @Override
    public int classes() {
        return config.architecture().classes();
    }

    /** Number of dynamical layers (hidden layers, plus the output layer unless it is a read-out). */
    public int dynamicLayers() {
        return sizes.length;
    }

    /** Units per sample of dynamical layer {@code l}. */
    public int layerSize(int l) {
        return sizes[l];
    }

    /** ρ of dynamical layer {@code l}. */
    public Activation activation(int l) {
        return acts[l];
    }

    /**
     * The topology: every coupling term of Φ, the neighbouring-layer chain first ({@code l → l+1}, 0 =
     * input), then the skip couplings, in the order Φ sums them. The read-out (if any) is not a coupling.
     */
    public List<Coupling> couplings() {
        return couplings;
    }

    /** Connection {@code c} of the chain, between layers c and c+1 (0 = from the input). */
    public Connection connection(int c) {
        return dynamicConnections[c];
    }

    /** The output cost (and softmax read-out, if any) of the last dynamical layer. */
    OutputHead head() {
        return head;
    }

    /** The bound batch's input, row-major {@code [rows × inputSize]} (the live buffer). */
    float[] input() {
        return x;
    }

    /** The bound batch's labels (the live buffer; the first {@link #rows()} are in use). */
    int[] labels() {
        return labels;
    }

    float[] inputProjection() {
        return xp;
    }

    float[] acc(int l) {
        return acc[l];
    }

    @Override
    public void bind(Batch b) {
        if (batch.bind(b, config.architecture())) {
            grow(batch.capacity());
        }
        int n = batch.rows();
        rows = n;
        x = batch.input();
        labels = batch.labels();
        Connection c0 = dynamicConnections[0];
        // too few rows to share: the projection splits its output columns over W itself (forwardColumns),
        // so W0's per-batch transpose would be wasted (it cost most of a batch of one)
        boolean byColumns = n < 2 * Parallel.threads() && c0 instanceof DenseConnection;
        // from two rows per thread: the batch is transposed instead of W0 (projectBatch, bit-identical)
        boolean byBatch = !byColumns && c0 instanceof DenseConnection dc && dc.projectsByTranspose(n);
        for (int c = 0; c < dynamicConnections.length; c++) {
            if (c == 0 && (byColumns || byBatch)) {
                ((DenseConnection) c0).unprepare();
            } else {
                dynamicConnections[c].prepare(n);
            }
        }
        for (int i = 0; i < skips.length; i++) {
            Connection c = skips[i].connection();
            c.prepare(n);
            if (skips[i].fromInput()) {
                float[] p = skipXp[i];
                int no = c.outSize();
                Arrays.fill(p, 0, n * no, 0f);
                Parallel.forRange(n, 4, (r0, r1) -> c.project(r1 - r0, x, r0 * inputSize, p, r0 * no));
            }
        }
        int n0 = sizes[0];
        Arrays.fill(xp, 0, n * n0, 0f);
        if (byColumns && c0 instanceof DenseConnection d) {
            // too few rows to share: split the projection's output columns instead
            Parallel.forRange(n0, Math.max(32, Parallel.grain((long) n * inputSize)),
                    (o0, o1) -> d.forwardColumns(n, x, 0, xp, 0, o0, o1));
        } else if (byBatch) {
            ((DenseConnection) c0).projectBatch(n, x, 0, xp, 0);
        } else {
            Parallel.forRange(n, Math.max(4, Parallel.grain((long) inputSize * n0)),
                    (r0, r1) -> c0.project(r1 - r0, x, r0 * inputSize, xp, r0 * n0));
        }
    }

    /** Resizes the per-batch buffers to a new capacity of {@code n} rows. */
    private void grow(int n) {
        xp = new float[n * sizes[0]];
        for (int l = 0; l < sizes.length; l++) {
            acc[l] = new float[n * sizes[l]];
        }
        for (Connection c : dynamicConnections) {
            c.ensureCapacity(n);
        }
        for (int i = 0; i < skips.length; i++) {
            skips[i].connection().ensureCapacity(n);
            skipXp[i] = skips[i].fromInput() ? new float[n * skips[i].connection().outSize()] : null;
        }
        head.ensureCapacity(n);
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public NeuronState state(int slot) {
        return batch.state(slot);
    }

    @Override
    public NeuronState newState() {
        return batch.newState();
    }

    @Override
    public void reset(NeuronState s) {
        s.rows(rows);
        s.zero();
        if (energy != null) {
            for (int l = 0; l < sizes.length; l++) {
                acts[l].apply(k, s.potentials(l), 0, s.rates(l), 0, rows * sizes[l]);
            }
        }
    }

    @Override
    public void copy(NeuronState from, NeuronState to) {
        to.copyFrom(from);
    }

    /** The prototypical and energy-based dynamics are deterministic: {@code rng} is not used. */
    @Override
    public void relax(NeuronState s, double beta, int steps, SplittableRandom rng) {
        relax(s, beta, steps);
    }

    /**
     * Runs {@code steps} synchronous steps (the deterministic form of {@link #relax(NeuronState, double,
     * int, SplittableRandom)}). The relaxation hot loop: row blocks on the shared pool, each block
     * stepping {@link #drive} then {@link #update} for the whole phase.
     *
     * @param s state, modified in place
     * @param beta signed nudge strength
     * @param steps number of steps
     */
    public void relax(NeuronState s, double beta, int steps) {
        if (steps <= 0) {
            return;
        }
        float b = (float) beta;
        long work = Math.max(1, stepMacsPerRow() * steps);
        int grain = (int) Math.max(1, Math.min(rows, 400_000 / work));
        Parallel.forRange(rows, grain, (r0, r1) -> {
            for (int t = 0; t < steps; t++) {
                step(s, r0, r1, b);
            }
        });
    }

    /** One synchronous step for rows [r0, r1): drives from the old states, then all layers updated. */
    void step(NeuronState s, int r0, int r1, float beta) {
        drive(s, r0, r1, beta);
        update(s, r0, r1);
    }

    /**
     * Writes {@code ∂Φ/∂s_l} (the drive of each layer: input projection, couplings, nudge) for rows
     * [r0, r1) into the accumulators {@link #acc(int)}.
     */
    void drive(NeuronState s, int r0, int r1, float beta) {
        int n = r1 - r0;
        int d = sizes.length;
        if (d == 1) {
            System.arraycopy(xp, r0 * sizes[0], acc[0], r0 * sizes[0], n * sizes[0]);
        }
        for (int l = 1; l < d; l++) {
            Arrays.fill(acc[l], r0 * sizes[l], r1 * sizes[l], 0f);
        }
        // the first coupling's top-down product starts from the input projection (no per-step copy into acc[0])
        if (d > 1) {
            dynamicConnections[1].coupleFrom(n, s.rates(0), r0 * sizes[0], s.rates(1), r0 * sizes[1], acc[1], r0 * sizes[1],
                    xp, r0 * sizes[0], acc[0], r0 * sizes[0], true);
        }
        for (int l = 1; l + 1 < d; l++) {
            dynamicConnections[l + 1].couple(n, s.rates(l), r0 * sizes[l], s.rates(l + 1), r0 * sizes[l + 1],
                    acc[l + 1], r0 * sizes[l + 1], acc[l], r0 * sizes[l], true);
        }
        for (int i = 0; i < skips.length; i++) {
            int to = skips[i].to() - 1;
            int from = skips[i].from() - 1;
            if (from < 0) {
                k.axpy(n * sizes[to], 1f, skipXp[i], r0 * sizes[to], acc[to], r0 * sizes[to]);
            } else {
                skips[i].connection().couple(n, s.rates(from), r0 * sizes[from], s.rates(to), r0 * sizes[to], acc[to],
                        r0 * sizes[to], acc[from], r0 * sizes[from], true);
            }
        }
        if (beta != 0f) {
            head.addNudge(r0, r1, s.rates(d - 1), labels, beta, acc[d - 1]);
        }
    }

    private void update(NeuronState s, int r0, int r1) {
        for (int l = 0; l < sizes.length; l++) {
            int off = r0 * sizes[l];
            int len = (r1 - r0) * sizes[l];
            if (energy == null) {
                acts[l].apply(k, acc[l], off, s.rates(l), off, len);
            } else {
                energyUpdate(acts[l], (float) energy.epsilon(), acc[l], s.potentials(l), s.rates(l), off, len);
            }
        }
    }

    /** Euler step of Scellier &amp; Bengio (2017) eq. 7, then clipping to the clamp's linear range. */
    private static void energyUpdate(Activation act, float eps, float[] drive, float[] u, float[] r, int off, int len) {
        boolean clip = act.isClamp();
        float lo = act.linearLow();
        float hi = act.linearHigh();
        for (int i = off; i < off + len; i++) {
            float ui = u[i];
            float v = ui + eps * (act.derivative(ui) * drive[i] - ui);
            if (clip) {
                v = Math.min(hi, Math.max(lo, v));
            }
            u[i] = v;
            r[i] = act.apply(v);
        }
    }

    @Override
    public void accumulatePhiGradient(List<NeuronState> states, List<Nudge> terms) {
        chainGradient.accumulate(dynamicConnections, batch, states, terms, k);
        float inv = 1f / rows;
        for (Coupling c : skips) {
            int to = c.to() - 1;
            for (int t = 0; t < terms.size(); t++) {
                float coef = (float) terms.get(t).coefficient() * inv;
                if (coef != 0f) {
                    float[] below = c.fromInput() ? x : states.get(t).rates(c.from() - 1);
                    c.connection().accumulateGradient(rows, coef, below, 0, states.get(t).rates(to), 0, true);
                }
            }
        }
        for (int t = 0; t < terms.size(); t++) {
            Nudge term = terms.get(t);
            head.accumulateReadoutGradient(rows, states.get(t).rates(sizes.length - 1), labels,
                    (float) (-term.coefficient() * term.beta()) * inv);
        }
    }

    // ---- backprop through the prototypical dynamics s_{t+1} = ρ(a_t), a_t = ∂Φ/∂s(s_t) ----
    // With δ_l = g_l ⊙ ρ'(a_l): ∂L/∂W_c += δ_c s_{c−1}ᵀ + s_c δ_{c−1}ᵀ, ∂L/∂b_c += δ_c, and the state
    // sensitivity g_m = W_{m+1}ᵀ δ_{m+1} + W_m δ_{m−1}: the same two-way coupling as a relaxation step,
    // applied to the δ's without biases.

    /** Backprop-through-time is implemented for the prototypical dynamics without max pooling. */
    @Override
    public void checkDifferentiable() {
        if (!(config.dynamics() instanceof Dynamics.Prototypical)) {
            throw new UnsupportedOperationException("backprop-through-time is implemented for the prototypical dynamics; "
                    + "use Dynamics.prototypical() (got " + config.dynamics() + ")");
        }
        for (ConvSpec c : config.architecture().conv()) {
            if (c.pooling() == Pooling.MAX) {
                throw new UnsupportedOperationException("backprop-through-time through max-pooled conv layers is not "
                        + "implemented (the pooling route depends on the state at each step); use Pooling.AVG or NONE");
            }
        }
    }

    @Override
    public void startBackward() {
        inputGradient.start(batch);
    }

    @Override
    public void lossGradient(NeuronState end, float scale, float[][] g) {
        int d = sizes.length;
        head.lossGradient(rows, end.rates(d - 1), labels, scale, g[d - 1]);
    }

    @Override
    public void stepSensitivity(NeuronState after, float[][] g, float[][] delta) {
        for (int l = 0; l < sizes.length; l++) {
            Activation act = acts[l];
            float[] gl = g[l];
            float[] dl = delta[l];
            float[] sl = after.rates(l);
            for (int i = 0; i < rows * sizes[l]; i++) {
                dl[i] = gl[i] * act.derivativeFromOutput(sl[i]);
            }
        }
    }

    @Override
    public void stepParameterGradient(NeuronState before, float[][] delta, boolean deferInput) {
        inputGradient.add(deferInput, batch, delta[0], k);
        for (int c = 1; c < sizes.length; c++) {
            dynamicConnections[c].accumulateGradient(rows, 1f, before.rates(c - 1), 0, delta[c], 0, true);
            dynamicConnections[c].accumulateGradient(rows, 1f, delta[c - 1], 0, before.rates(c), 0, false);
        }
        for (Coupling c : skips) {
            int to = c.to() - 1;
            if (c.fromInput()) {
                c.connection().accumulateGradient(rows, 1f, x, 0, delta[to], 0, true);
            } else {
                int from = c.from() - 1;
                c.connection().accumulateGradient(rows, 1f, before.rates(from), 0, delta[to], 0, true);
                c.connection().accumulateGradient(rows, 1f, delta[from], 0, before.rates(to), 0, false);
            }
        }
    }

    @Override
    public void stepStateGradient(NeuronState before, float[][] delta, float[][] gPrev) {
        int d = sizes.length;
        for (int l = 0; l < d; l++) {
            Arrays.fill(gPrev[l], 0, rows * sizes[l], 0f);
        }
        Parallel.forRange(rows, 8, (r0, r1) -> {
            for (int c = 1; c < d; c++) {
                int nIn = sizes[c - 1];
                int nOut = sizes[c];
                dynamicConnections[c].couple(r1 - r0, delta[c - 1], r0 * nIn, delta[c], r0 * nOut, gPrev[c], r0 * nOut,
                        gPrev[c - 1], r0 * nIn, false);
            }
            for (Coupling c : skips) {
                if (!c.fromInput()) {
                    int from = c.from() - 1;
                    int to = c.to() - 1;
                    c.connection().couple(r1 - r0, delta[from], r0 * sizes[from], delta[to], r0 * sizes[to], gPrev[to],
                            r0 * sizes[to], gPrev[from], r0 * sizes[from], false);
                }
            }
        });
    }

    @Override
    public void finishBackward() {
        inputGradient.finish(batch);
    }

    @Override
    public double[] lossAndCorrect(NeuronState s, int[] predictions) {
        return head.lossAndCorrect(rows, s.rates(sizes.length - 1), labels, predictions);
    }

    @Override
    public double phi(NeuronState s, double beta) {
        double total = 0;
        int d = sizes.length;
        for (int l = 0; l < d; l++) {
            float[] drive = new float[rows * sizes[l]];
            float[] below = l == 0 ? x : s.rates(l - 1);
            dynamicConnections[l].forward(rows, below, 0, drive, 0);
            float[] above = s.rates(l);
            for (int i = 0; i < drive.length; i++) {
                total += (double) drive[i] * above[i];
            }
        }
        for (Coupling c : skips) {
            int to = c.to() - 1;
            float[] drive = new float[rows * sizes[to]];
            c.connection().forward(rows, c.fromInput() ? x : s.rates(c.from() - 1), 0, drive, 0);
            float[] above = s.rates(to);
            for (int i = 0; i < drive.length; i++) {
                total += (double) drive[i] * above[i];
            }
        }
        if (beta != 0) {
            for (int r = 0; r < rows; r++) {
                total -= beta * head.loss(r, s.rates(d - 1), labels);
            }
        }
        return total;
    }

    /**
     * Per row, the fraction of hidden units (every dynamical layer but a dynamical output layer) pinned at
     * the same bound of ρ ({@link Activation#pinned}) in all the given states; rows split over the threads,
     * counted exactly (the result does not depend on the split). NaN when the net has no hidden layer.
     */
    @Override
    public double saturation(List<NeuronState> states) {
        int hiddenLayers = config.loss() == Loss.SOFTMAX_READOUT ? sizes.length : sizes.length - 1;
        int units = 0;
        for (int l = 0; l < hiddenLayers; l++) {
            units += sizes[l];
        }
        if (units == 0 || states.isEmpty()) {
            return Double.NaN;
        }
        if (pinnedCounts.length < rows) {
            pinnedCounts = new int[Math.max(rows, batch.capacity())];
        }
        int[] counts = pinnedCounts;
        int perRow = units;
        Parallel.forRange(rows, Math.max(1, Parallel.grain((long) perRow * states.size())), (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                int c = 0;
                for (int l = 0; l < hiddenLayers; l++) {
                    Activation act = acts[l];
                    int n = sizes[l];
                    float[] first = states.get(0).rates(l);
                    for (int i = r * n; i < (r + 1) * n; i++) {
                        int p = act.pinned(first[i]);
                        for (int t = 1; p != 0 && t < states.size(); t++) {
                            if (act.pinned(states.get(t).rates(l)[i]) != p) {
                                p = 0;
                            }
                        }
                        if (p != 0) {
                            c++;
                        }
                    }
                }
                counts[r] = c;
            }
        });
        long total = 0;
        for (int r = 0; r < rows; r++) {
            total += counts[r];
        }
        return total / (double) units;
    }

    @Override
    public long stepMacsPerRow() {
        long macs = 0;
        for (int c = 1; c < dynamicConnections.length; c++) {
            macs += dynamicConnections[c].coupleMacsPerRow();
        }
        for (Coupling c : skips) {
            macs += c.fromInput() ? 0 : c.connection().coupleMacsPerRow();
        }
        return macs;
    }

    /** Multiply-adds per sample of the input projection (once per batch). */
    public long inputMacsPerRow() {
        long macs = dynamicConnections[0].coupleMacsPerRow() / 2;
        for (Coupling c : skips) {
            if (c.fromInput()) {
                macs += c.connection().coupleMacsPerRow() / 2;
            }
        }
        return macs;
    }

    @Override
    public String describe() {
        return config.toString();
    }

    @Override
    public String toString() {
        return "LayeredNetwork[" + config.architecture() + ", " + k.name() + ", " + parameters.size() + " parameters]";
    }
}
