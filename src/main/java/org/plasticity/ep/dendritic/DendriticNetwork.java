package org.plasticity.ep.dendritic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.plasticity.data.Batch;
import org.plasticity.ep.model.Activation;
import org.plasticity.ep.model.BoundBatch;
import org.plasticity.ep.model.DeferredInputGradient;
import org.plasticity.ep.model.DenseConnection;
import org.plasticity.ep.model.DifferentiableModel;
import org.plasticity.ep.model.Nudge;
import org.plasticity.random.Seeds;
import org.plasticity.tensor.FloatKernels;
import org.plasticity.tensor.Parallel;
import org.plasticity.train.BatchStats;
import org.plasticity.train.Parameter;

/**
 * Dendritic equilibrium propagation (Kubo, arXiv 2605.08135; our reconstruction, spec {@code ep-family.md} §2.3):
 * a layered convergent network whose hidden somata each own B basal and A apical branches. The one place of the
 * formulation. With branches as states ({@link DendriticConfig.Reading#STATE_BRANCHES}), for hidden layer l with
 * somata {@code s_l}, basal branches {@code d_l^b} and apical branches {@code d_l^a}:
 *
 * <pre>
 *  Φ = Σ_l [ ⟨d_l^b, (M_l^b⊙W_l^b) s_{l−1} + b_l^b⟩ + ⟨d_l^a, (M_l^a⊙W_l^a) s_{l+1} + b_l^a⟩
 *            + Σ_j s_{l,⌊j/B⌋} u_{l,j}^b d_{l,j}^b + Σ_j s_{l,⌊j/A⌋} u_{l,j}^a d_{l,j}^a + ⟨b_l^s, s_l⟩ ]
 *      + ⟨s_out, W_o s_H + b_o⟩ − β·½‖s_out − onehot(y)‖²,       s_0 = x clamped, s_{H+1} = s_out
 * </pre>
 *
 * Every block follows the prototypical dynamics {@code v ← ρ_v(∂Φ/∂v)}, synchronously: a basal branch computes
 * {@code ρ_d(W^b s_{l−1} + b^b + u^b s_soma)} (feed-forward drive plus the soma's back-propagating term), an apical
 * branch {@code ρ_d(W^a s_{l+1} + b^a + u^a s_soma)} (top-down input), a soma {@code ρ(Σ u^b d^b + Σ u^a d^a + b^s +
 * top-down terms)}: {@code (M^b_{l+1}⊙W^b_{l+1})ᵀ d^b_{l+1}} from the branches above that read it, {@code
 * (M^a_{l−1}⊙W^a_{l−1})ᵀ d^a_{l−1}} from the apical branches below that read it, and {@code W_oᵀ s_out} for the top
 * layer. The output neurons are point neurons (MSE). Every coupling is bilinear and symmetric, so the EP theorem
 * holds and each update is the local contrast of its term; the masks M (fixed, from the run seed, each branch wired
 * to {@code round(density · fan-in)} units) multiply the weights in the dynamics and the updates, and the masked
 * weights are set to zero again at every batch (after every optimizer step).
 *
 * <p>The alternative readings of the spec are options of the same class: branches as functions (reading i:
 * {@code Φ ∋ Σ_j s_soma u_j ρ_d(W_j·s_pre + b_j)}, no branch states, the rule needs ρ_d') and "sparsity" as a
 * per-sample gate of dense branches (reading iii, gates fixed for the batch's phases, 1/density scaling in
 * training, all branches at evaluation).
 *
 * <p>Rows are relaxed in contiguous blocks on the shared pool (samples never interact); weight gradients are split
 * by output element; so the thread count never changes a result. Gradients and BPTT follow the
 * {@link DifferentiableModel} conventions; BPTT differentiates the masked parameterisation (masked entries have
 * zero gradient), whatever {@link DendriticConfig#maskGradients()} says for EP.
 *
 * <p>Initialisation (our decision): the configured rule (PyTorch's ±1/√fan-in by default) with the fan-in of the
 * wider side of each symmetric coupling, e.g. an output neuron hears ≈ A·n·density apical branches although each
 * branch reads only density·classes outputs; with the forward fan-in alone the Jacobi iteration has gain ≫ 1 and
 * oscillates instead of settling. The dendrite→soma couplings and soma biases use fan-in B + A.
 */
public final class DendriticNetwork implements DifferentiableModel<DendriticState> {

    /** Sub-stream of {@code Seeds.INIT} for the masks (independent of the weights' streams). */
    static final long MASK_STREAM = 1000;

    private final DendriticConfig c;
    private final FloatKernels k;
    private final int h;
    private final boolean states;
    private final boolean gated;
    private final boolean masked;
    private final DenseConnection[] basalW;
    private final DenseConnection[] apicalW;
    private final DenseConnection outW;
    private final Parameter[] ub;
    private final Parameter[] ua;
    private final Parameter[] bs;
    private final boolean[][] maskB;
    private final boolean[][] maskA;
    private final List<Parameter> parameters;
    private final long trainableCount;
    private final long gateSeed;

    private final BoundBatch<DendriticState> batch;
    private final DeferredInputGradient inputGradient;
    /** The bound batch's rows, input and labels (its live buffers, set by {@link #bind}). */
    private int rows;
    private float[] x;
    private int[] labels;
    /** Input projection of the first basal block, W^b_1 x + b^b_1 (its pre-activation's constant part). */
    private float[] xp = new float[0];
    private float[][] accS;
    private float[][] accB;
    private float[][] accA;
    /** Function reading: pre-activations and per-branch coefficients (per row). */
    private float[][] preB;
    private float[][] preA;
    private float[][] coefB;
    private float[][] coefA;
    private float[] gradScratch = new float[0];
    private boolean evaluating;

    /**
     * Builds the network: weights from {@code Seeds.stream(seed, INIT, i)}, masks from
     * {@code Seeds.stream(seed, INIT, MASK_STREAM + i)}.
     *
     * @param config the formulation and sizes
     * @param seed the run seed
     * @param kernels float kernels
     */
    public DendriticNetwork(DendriticConfig config, long seed, FloatKernels kernels) {
        this.c = config;
        this.k = kernels;
        this.h = config.depth();
        this.states = config.reading() == DendriticConfig.Reading.STATE_BRANCHES;
        this.gated = config.sparsity() == DendriticConfig.Sparsity.GATE;
        this.masked = !gated;
        this.basalW = new DenseConnection[h];
        this.apicalW = new DenseConnection[h];
        this.ub = new Parameter[h];
        this.ua = new Parameter[h];
        this.bs = new Parameter[h];
        this.maskB = new boolean[h][];
        this.maskA = new boolean[h][];
        List<Parameter> ps = new ArrayList<>();
        int stream = 0;
        long count = 0;
        int perSoma = config.basal() + config.apical();
        for (int l = 0; l < h; l++) {
            int n = config.somas(l);
            int nb = n * config.basal();
            int na = n * config.apical();
            basalW[l] = new DenseConnection("b" + (l + 1), config.below(l), nb, 1.0, kernels);
            apicalW[l] = na == 0 ? null : new DenseConnection("a" + (l + 1), config.above(l), na, 1.0, kernels);
            ub[l] = new Parameter("ub" + (l + 1), new int[] {nb}, new float[nb], 1.0, true);
            ua[l] = na == 0 ? null : new Parameter("ua" + (l + 1), new int[] {na}, new float[na], 1.0, true);
            bs[l] = new Parameter("bs" + (l + 1), new int[] {n}, new float[n], 1.0, true);
            int synB = config.synapses(config.below(l));
            // fan-in of the wider side: a presynaptic soma hears back from nb·synB/below branches (no loop for the input)
            int fanB = l == 0 ? synB : Math.max(synB, (int) Math.ceil((double) nb * synB / config.below(l)));
            config.init().fill(basalW[l].weight().value(), basalW[l].bias().value(), fanB, nb, config.initScale(),
                    Seeds.stream(seed, Seeds.INIT, stream++));
            maskB[l] = masked ? mask(nb, config.below(l), synB, Seeds.stream(seed, Seeds.INIT, MASK_STREAM + 2L * l)) : null;
            count += (long) nb * synB + nb;
            ps.addAll(basalW[l].parameters());
            ps.add(ub[l]);
            if (na > 0) {
                int synA = config.synapses(config.above(l));
                int fanA = Math.max(synA, (int) Math.ceil((double) na * synA / config.above(l)));
                config.init().fill(apicalW[l].weight().value(), apicalW[l].bias().value(), fanA, na, config.initScale(),
                        Seeds.stream(seed, Seeds.INIT, stream++));
                maskA[l] = masked ? mask(na, config.above(l), synA, Seeds.stream(seed, Seeds.INIT, MASK_STREAM + 2L * l + 1))
                        : null;
                count += (long) na * synA + na;
                ps.addAll(apicalW[l].parameters());
                ps.add(ua[l]);
            } else {
                stream++;
            }
            // dendrite→soma couplings and soma biases: PyTorch's bound 1/√fan-in with fan-in = branches per soma
            SplittableRandom r = Seeds.stream(seed, Seeds.INIT, stream++);
            float[] both = new float[nb + na];
            config.init().fill(both, bs[l].value(), perSoma, 1, config.initScale(), r);
            System.arraycopy(both, 0, ub[l].value(), 0, nb);
            if (na > 0) {
                System.arraycopy(both, nb, ua[l].value(), 0, na);
            }
            count += nb + na + n;
            ps.add(bs[l]);
        }
        int top = config.somas(h - 1);
        outW = new DenseConnection("o", top, config.classes(), 1.0, kernels);
        config.init().fill(outW.weight().value(), outW.bias().value(), Math.max(top, config.classes()), config.classes(),
                config.initScale(),
                Seeds.stream(seed, Seeds.INIT, stream));
        ps.addAll(outW.parameters());
        count += (long) top * config.classes() + config.classes();
        this.parameters = List.copyOf(ps);
        this.trainableCount = count;
        this.gateSeed = Seeds.derive(seed, Seeds.INIT, MASK_STREAM - 1);
        this.accS = new float[h + 1][0];
        this.accB = new float[h][0];
        this.accA = new float[h][0];
        this.preB = new float[h][0];
        this.preA = new float[h][0];
        this.coefB = new float[h][0];
        this.coefA = new float[h][0];
        this.batch = new BoundBatch<>(config.inputSize(), config.classes(), cap -> new DendriticState(config, cap, states),
                DendriticState::rows);
        this.x = batch.input();
        this.labels = batch.labels();
        this.inputGradient = new DeferredInputGradient(basalW[0]);
        applyMasks();
    }

    /** Each of {@code branches} rows wired to exactly {@code synapses} of {@code fanIn} columns (partial shuffle). */
    private static boolean[] mask(int branches, int fanIn, int synapses, SplittableRandom rng) {
        boolean[] m = new boolean[branches * fanIn];
        int[] idx = new int[fanIn];
        for (int j = 0; j < branches; j++) {
            for (int i = 0; i < fanIn; i++) {
                idx[i] = i;
            }
            for (int i = 0; i < synapses; i++) {
                int pick = i + rng.nextInt(fanIn - i);
                int t = idx[i];
                idx[i] = idx[pick];
                idx[pick] = t;
                m[j * fanIn + idx[i]] = true;
            }
        }
        return m;
    }

    /** Sets every masked-out weight to zero (at construction and before every batch, i.e. after every update). */
    private void applyMasks() {
        if (!masked || !c.maskGradients()) {
            return;
        }
        for (int l = 0; l < h; l++) {
            zeroMasked(basalW[l].weight().value(), maskB[l]);
            if (apicalW[l] != null) {
                zeroMasked(apicalW[l].weight().value(), maskA[l]);
            }
        }
    }

    /** Zeroes the masked-out weight gradients (every update respects the mask). */
    private void maskGradients(boolean always) {
        if (!masked || !(always || c.maskGradients())) {
            return;
        }
        for (int l = 0; l < h; l++) {
            zeroMasked(basalW[l].weight().grad(), maskB[l]);
            if (apicalW[l] != null) {
                zeroMasked(apicalW[l].weight().grad(), maskA[l]);
            }
        }
    }

    private static void zeroMasked(float[] w, boolean[] m) {
        for (int i = 0; i < w.length; i++) {
            if (!m[i]) {
                w[i] = 0f;
            }
        }
    }

    /** The configuration. */
    public DendriticConfig config() {
        return c;
    }

    /** The kernels used. */
    public FloatKernels kernels() {
        return k;
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    /** Trainable scalars: the unmasked synapses of every branch, biases, dendrite→soma couplings, the output layer. */
    public long trainableParameterCount() {
        return trainableCount;
    }

    /** State variables per sample: somata, outputs and (branches as states) every branch. */
    public long stateVariableCount() {
        long n = c.classes();
        for (int l = 0; l < h; l++) {
            n += c.somas(l) * (1L + (states ? c.basal() + c.apical() : 0));
        }
        return n;
    }

    /**
     * The connectivity mask of the basal ({@code apical = false}) or apical branches of hidden layer {@code l}, row-major
     * {@code [branches × presynaptic units]}; null for the gate reading (dense branches).
     */
    public boolean[] mask(int l, boolean apical) {
        boolean[] m = apical ? maskA[l] : maskB[l];
        return m == null ? null : m.clone();
    }

    @Override
    public int classes() {
        return c.classes();
    }

    @Override
    public void bind(Batch b) {
        if (batch.bind(b, c.sizes())) {
            grow(batch.capacity());
        }
        applyMasks();
        int n = batch.rows();
        rows = n;
        x = batch.input();
        labels = batch.labels();
        for (DenseConnection d : connections()) {
            d.prepare(n);
        }
        DenseConnection b0 = basalW[0];
        int nb = b0.outSize();
        int in = c.inputSize();
        Arrays.fill(xp, 0, n * nb, 0f);
        Parallel.forRange(n, Math.max(4, Parallel.grain((long) in * nb)), (r0, r1) -> b0.project(r1 - r0, x, r0 * in, xp, r0 * nb));
    }

    private List<DenseConnection> connections() {
        List<DenseConnection> out = new ArrayList<>();
        for (int l = 0; l < h; l++) {
            out.add(basalW[l]);
            if (apicalW[l] != null) {
                out.add(apicalW[l]);
            }
        }
        out.add(outW);
        return out;
    }

    /** Resizes the per-batch buffers to a new capacity of {@code n} rows. */
    private void grow(int n) {
        xp = new float[n * basalW[0].outSize()];
        for (int l = 0; l < h; l++) {
            accS[l] = new float[n * c.somas(l)];
            accB[l] = new float[n * basalW[l].outSize()];
            accA[l] = new float[n * c.somas(l) * c.apical()];
            if (!states) {
                preB[l] = new float[n * basalW[l].outSize()];
                preA[l] = new float[n * c.somas(l) * c.apical()];
                coefB[l] = new float[n * basalW[l].outSize()];
                coefA[l] = new float[n * c.somas(l) * c.apical()];
            }
        }
        accS[h] = new float[n * c.classes()];
        for (DenseConnection d : connections()) {
            d.ensureCapacity(n);
        }
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public DendriticState state(int slot) {
        return batch.state(slot);
    }

    @Override
    public DendriticState newState() {
        return batch.newState();
    }

    @Override
    public void copy(DendriticState from, DendriticState to) {
        to.copyFrom(from);
    }

    /** Rest: every state variable at zero (the prototypical start); the gate reading draws its gates at the first step. */
    @Override
    public void reset(DendriticState s) {
        s.rows(rows);
        s.zero();
    }

    /** Free phase for evaluation: with the gate reading every branch is kept (the expectation of the training gates). */
    @Override
    public BatchStats evaluateFreePhase(Batch batch, int steps, SplittableRandom rng) {
        evaluating = true;
        try {
            return DifferentiableModel.super.evaluateFreePhase(batch, steps, rng);
        } finally {
            evaluating = false;
        }
    }

    /** Deterministic dynamics; the gate reading draws one {@code long} from {@code rng} per batch for its gates. */
    @Override
    public void relax(DendriticState s, double beta, int steps, SplittableRandom rng) {
        if (gated && !s.gatesReady) {
            // also for zero steps: a BPTT window that starts at rest records the state with its gates
            drawGates(s, rng);
        }
        if (steps <= 0) {
            return;
        }
        float b = (float) beta;
        long work = Math.max(1, stepMacsPerRow() * steps);
        int grain = (int) Math.max(1, Math.min(rows, 400_000 / work));
        Parallel.forRange(rows, grain, (r0, r1) -> {
            for (int t = 0; t < steps; t++) {
                drive(s, r0, r1, b);
                update(s, r0, r1);
            }
        });
    }

    private void drawGates(DendriticState s, SplittableRandom rng) {
        float keep = (float) (1 / c.density());
        SplittableRandom g = new SplittableRandom(evaluating || rng == null ? gateSeed : rng.nextLong());
        for (int l = 0; l < h; l++) {
            fillGates(s.gateBasal[l], rows * basalW[l].outSize(), keep, g);
            fillGates(s.gateApical[l], rows * c.somas(l) * c.apical(), keep, g);
        }
        s.gatesReady = true;
    }

    private void fillGates(float[] gate, int n, float keep, SplittableRandom g) {
        for (int i = 0; i < n; i++) {
            gate[i] = evaluating ? 1f : g.nextDouble() < c.density() ? keep : 0f;
        }
    }

    /** The gate of branch {@code j} of row {@code r} (1 without the gate reading). */
    private static float gate(float[] gates, int i) {
        return gates == null ? 1f : gates[i];
    }

    // ---------------------------------------------------------------- the dynamics: ∂Φ/∂v for every block

    /** Writes ∂Φ/∂v of every block for rows [r0, r1) into the accumulators. */
    void drive(DendriticState s, int r0, int r1, float beta) {
        int n = r1 - r0;
        for (int l = 0; l <= h; l++) {
            int sz = l < h ? c.somas(l) : c.classes();
            Arrays.fill(accS[l], r0 * sz, r1 * sz, 0f);
        }
        for (int l = 0; l < h; l++) {
            int nb = basalW[l].outSize();
            int na = c.somas(l) * c.apical();
            if (states) {
                if (l == 0) {
                    System.arraycopy(xp, r0 * nb, accB[0], r0 * nb, n * nb);
                } else {
                    Arrays.fill(accB[l], r0 * nb, r1 * nb, 0f);
                }
                Arrays.fill(accA[l], r0 * na, r1 * na, 0f);
            }
        }
        int top = c.somas(h - 1);
        int cls = c.classes();
        outW.couple(n, s.soma[h - 1], r0 * top, s.soma[h], r0 * cls, accS[h], r0 * cls, accS[h - 1], r0 * top, true);
        for (int l = 0; l < h; l++) {
            int ns = c.somas(l);
            if (states) {
                stateBranchDrive(s, l, r0, r1);
            } else {
                functionBranchDrive(s, l, r0, r1);
            }
            k.addRowVector(n, ns, bs[l].value(), 0, accS[l], r0 * ns);
        }
        if (beta != 0f) {
            float[] out = s.soma[h];
            float[] acc = accS[h];
            for (int r = r0; r < r1; r++) {
                int y = labels[r];
                for (int j = 0; j < cls; j++) {
                    int i = r * cls + j;
                    acc[i] -= beta * (out[i] - (j == y ? 1f : 0f));
                }
            }
        }
    }

    /** Branches as states: the bilinear terms of layer l's branches (both directions) and their soma couplings. */
    private void stateBranchDrive(DendriticState s, int l, int r0, int r1) {
        int n = r1 - r0;
        int ns = c.somas(l);
        int nb = basalW[l].outSize();
        if (l > 0) {
            int nIn = c.somas(l - 1);
            basalW[l].couple(n, s.soma[l - 1], r0 * nIn, s.basal[l], r0 * nb, accB[l], r0 * nb, accS[l - 1], r0 * nIn, true);
        }
        somaBranch(s.soma[l], s.basal[l], ub[l].value(), s.gateBasal == null ? null : s.gateBasal[l], c.basal(), ns, r0, r1,
                accS[l], accB[l]);
        if (apicalW[l] != null) {
            int na = ns * c.apical();
            int nUp = c.above(l);
            apicalW[l].couple(n, s.soma[l + 1], r0 * nUp, s.apical[l], r0 * na, accA[l], r0 * na, accS[l + 1], r0 * nUp, true);
            somaBranch(s.soma[l], s.apical[l], ua[l].value(), s.gateApical == null ? null : s.gateApical[l], c.apical(), ns,
                    r0, r1, accS[l], accA[l]);
        }
    }

    /**
     * The dendrite→soma term Σ_j s_{⌊j/per⌋} u_j g_j d_j in both directions: {@code accSoma_i += Σ_j u_j g_j d_j},
     * {@code accBranch_j += u_j g_j s_i} (also the Hessian-vector product of the backward pass, fed with δ's).
     */
    private static void somaBranch(float[] soma, float[] branch, float[] u, float[] gates, int per, int ns, int r0, int r1,
            float[] accSoma, float[] accBranch) {
        int nb = ns * per;
        for (int r = r0; r < r1; r++) {
            int so = r * ns;
            int bo = r * nb;
            for (int i = 0; i < ns; i++) {
                float si = soma[so + i];
                float sum = 0f;
                for (int q = 0; q < per; q++) {
                    int j = i * per + q;
                    float w = u[j] * gate(gates, bo + j);
                    sum += w * branch[bo + j];
                    accBranch[bo + j] += w * si;
                }
                accSoma[so + i] += sum;
            }
        }
    }

    /**
     * Branches as functions (reading i): pre-activations p = W·s_pre + b, soma drive Σ u g ρ_d(p), and the
     * presynaptic layer's term Wᵀ(u g ρ_d'(p) s_soma).
     */
    private void functionBranchDrive(DendriticState s, int l, int r0, int r1) {
        int ns = c.somas(l);
        functionBlock(basalW[l], l == 0 ? null : s.soma[l - 1], l == 0 ? null : accS[l - 1], s.soma[l], ub[l].value(),
                s.gateBasal == null ? null : s.gateBasal[l], c.basal(), ns, preB[l], coefB[l], l == 0, r0, r1, accS[l]);
        if (apicalW[l] != null) {
            functionBlock(apicalW[l], s.soma[l + 1], accS[l + 1], s.soma[l], ua[l].value(),
                    s.gateApical == null ? null : s.gateApical[l], c.apical(), ns, preA[l], coefA[l], false, r0, r1, accS[l]);
        }
    }

    private void functionBlock(DenseConnection w, float[] pre, float[] accPre, float[] soma, float[] u, float[] gates, int per,
            int ns, float[] p, float[] coef, boolean fromInput, int r0, int r1, float[] accSoma) {
        int n = r1 - r0;
        int nb = ns * per;
        int nIn = w.inSize();
        if (fromInput) {
            System.arraycopy(xp, r0 * nb, p, r0 * nb, n * nb);
        } else {
            Arrays.fill(p, r0 * nb, r1 * nb, 0f);
            w.project(n, pre, r0 * nIn, p, r0 * nb);
        }
        Activation rd = c.branchActivation();
        for (int r = r0; r < r1; r++) {
            for (int i = 0; i < ns; i++) {
                float si = soma[r * ns + i];
                float sum = 0f;
                for (int q = 0; q < per; q++) {
                    int j = r * nb + i * per + q;
                    float ug = u[i * per + q] * gate(gates, j);
                    sum += ug * rd.apply(p[j]);
                    coef[j] = ug * rd.derivative(p[j]) * si;
                }
                accSoma[r * ns + i] += sum;
            }
        }
        if (!fromInput) {
            w.adjoint(n, 1f, pre, r0 * nIn, coef, r0 * nb, accPre, r0 * nIn);
        }
    }

    /**
     * The drive ∂Φ/∂v of every view of {@code s} for all rows at nudge {@code beta} (copies, in the views' order; for
     * tests of the dynamics against finite differences of {@link #phi}). With branches as functions only the somata
     * and outputs are views.
     */
    float[][] drives(DendriticState s, float beta) {
        if (gated && !s.gatesReady) {
            drawGates(s, new SplittableRandom(0));
        }
        drive(s, 0, rows, beta);
        float[][] out = new float[s.views().size()][];
        for (int l = 0; l <= h; l++) {
            out[l] = Arrays.copyOf(accS[l], rows * (l < h ? c.somas(l) : c.classes()));
        }
        if (states) {
            for (int l = 0; l < h; l++) {
                out[basalView(l)] = Arrays.copyOf(accB[l], rows * basalW[l].outSize());
                if (apicalW[l] != null) {
                    out[apicalView(l)] = Arrays.copyOf(accA[l], rows * c.somas(l) * c.apical());
                }
            }
        }
        return out;
    }

    private void update(DendriticState s, int r0, int r1) {
        int n = r1 - r0;
        for (int l = 0; l <= h; l++) {
            int sz = l < h ? c.somas(l) : c.classes();
            Activation a = l < h ? c.somaActivation() : c.outputActivation();
            a.apply(k, accS[l], r0 * sz, s.soma[l], r0 * sz, n * sz);
        }
        if (states) {
            Activation rd = c.branchActivation();
            for (int l = 0; l < h; l++) {
                int nb = basalW[l].outSize();
                rd.apply(k, accB[l], r0 * nb, s.basal[l], r0 * nb, n * nb);
                int na = c.somas(l) * c.apical();
                if (na > 0) {
                    rd.apply(k, accA[l], r0 * na, s.apical[l], r0 * na, n * na);
                }
            }
        }
    }

    // ---------------------------------------------------------------- EP: Σ_k c_k ∂Φ/∂θ(s_k)

    @Override
    public void accumulatePhiGradient(List<DendriticState> ends, List<Nudge> terms) {
        if (ends.size() != terms.size()) {
            throw new IllegalArgumentException(ends.size() + " states for " + terms.size() + " terms");
        }
        float inv = 1f / rows;
        int top = c.somas(h - 1);
        for (int t = 0; t < terms.size(); t++) {
            float coef = (float) terms.get(t).coefficient() * inv;
            DendriticState s = ends.get(t);
            outW.accumulateGradient(rows, coef, s.soma[h - 1], 0, s.soma[h], 0, true);
            for (int l = 0; l < h; l++) {
                addRows(coef, s.soma[l], c.somas(l), bs[l].grad());
            }
        }
        for (int l = 0; l < h; l++) {
            if (states) {
                statePhiGradient(ends, terms, l, inv);
            } else {
                functionPhiGradient(ends, terms, l, inv);
            }
        }
        maskGradients(false);
    }

    private void statePhiGradient(List<DendriticState> ends, List<Nudge> terms, int l, float inv) {
        int nb = basalW[l].outSize();
        if (l == 0) {
            float[] sum = scratch(rows * nb);
            for (int t = 0; t < terms.size(); t++) {
                k.axpy(rows * nb, (float) terms.get(t).coefficient(), ends.get(t).basal[0], 0, sum, 0);
            }
            basalW[0].accumulateGradient(rows, inv, x, 0, sum, 0, true);
        }
        for (int t = 0; t < terms.size(); t++) {
            float coef = (float) terms.get(t).coefficient() * inv;
            DendriticState s = ends.get(t);
            if (l > 0) {
                basalW[l].accumulateGradient(rows, coef, s.soma[l - 1], 0, s.basal[l], 0, true);
            }
            couplingGradient(coef, s.soma[l], s.basal[l], s.basal[l], s.soma[l], gatesB(s, l), c.basal(), c.somas(l),
                    ub[l].grad());
            if (apicalW[l] != null) {
                apicalW[l].accumulateGradient(rows, coef, s.soma[l + 1], 0, s.apical[l], 0, true);
                couplingGradient(coef, s.soma[l], s.apical[l], s.apical[l], s.soma[l], gatesA(s, l), c.apical(), c.somas(l),
                        ua[l].grad());
            }
        }
    }

    /**
     * {@code gu_j += alpha Σ_r g_j (a_soma,i · b_branch,j + … )}: here {@code gu_j += alpha Σ_r g (soma1_i branch1_j)} plus,
     * when {@code soma2} differs from {@code soma1}, {@code alpha Σ_r g (soma2_i branch2_j)} (the BPTT pair δ_s d + s δ_d).
     */
    private void couplingGradient(float alpha, float[] soma1, float[] branch1, float[] branch2, float[] soma2, float[] gates,
            int per, int ns, float[] gu) {
        int nb = ns * per;
        boolean pair = soma1 != soma2;
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < nb; j++) {
                int i = r * ns + j / per;
                float v = soma1[i] * branch1[r * nb + j];
                if (pair) {
                    v += soma2[i] * branch2[r * nb + j];
                }
                gu[j] += alpha * gate(gates, r * nb + j) * v;
            }
        }
    }

    private static float[] gatesB(DendriticState s, int l) {
        return s.gateBasal == null ? null : s.gateBasal[l];
    }

    private static float[] gatesA(DendriticState s, int l) {
        return s.gateApical == null ? null : s.gateApical[l];
    }

    private void functionPhiGradient(List<DendriticState> ends, List<Nudge> terms, int l, float inv) {
        int ns = c.somas(l);
        for (int t = 0; t < terms.size(); t++) {
            float coef = (float) terms.get(t).coefficient() * inv;
            DendriticState s = ends.get(t);
            functionParamGradient(coef, basalW[l], l == 0 ? x : s.soma[l - 1], l == 0, s.soma[l], ub[l], gatesB(s, l),
                    c.basal(), ns);
            if (apicalW[l] != null) {
                functionParamGradient(coef, apicalW[l], s.soma[l + 1], false, s.soma[l], ua[l], gatesA(s, l), c.apical(), ns);
            }
        }
    }

    /** ∂Φ/∂u_j = g s_i ρ_d(p_j); ∂Φ/∂b_j = g u_j ρ_d'(p_j) s_i =: q_j; ∂Φ/∂W_jm = q_j pre_m (reading i). */
    private void functionParamGradient(float alpha, DenseConnection w, float[] pre, boolean fromInput, float[] soma, Parameter u,
            float[] gates, int per, int ns) {
        int nb = ns * per;
        float[] p = scratch(rows * nb);
        if (fromInput) {
            System.arraycopy(xp, 0, p, 0, rows * nb);
        } else {
            w.project(rows, pre, 0, p, 0);
        }
        float[] q = new float[rows * nb];
        float[] uv = u.value();
        float[] gu = u.grad();
        Activation rd = c.branchActivation();
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < nb; j++) {
                int idx = r * nb + j;
                float g = gate(gates, idx);
                float si = soma[r * ns + j / per];
                gu[j] += alpha * g * si * rd.apply(p[idx]);
                q[idx] = g * uv[j] * rd.derivative(p[idx]) * si;
            }
        }
        w.accumulateGradient(rows, alpha, pre, 0, q, 0, true);
    }

    private float[] scratch(int n) {
        if (gradScratch.length < n) {
            gradScratch = new float[Math.max(n, batch.capacity() * maxBranches())];
        }
        Arrays.fill(gradScratch, 0, n, 0f);
        return gradScratch;
    }

    private int maxBranches() {
        int m = 0;
        for (int l = 0; l < h; l++) {
            m = Math.max(m, c.somas(l) * Math.max(c.basal(), c.apical()));
        }
        return m;
    }

    private void addRows(float alpha, float[] v, int n, float[] g) {
        for (int r = 0; r < rows; r++) {
            k.axpy(n, alpha, v, r * n, g, 0);
        }
    }

    // ---------------------------------------------------------------- BPTT through s_{t+1} = ρ(a_t), a_t = ∂Φ/∂s(s_t)

    @Override
    public void startBackward() {
        inputGradient.start(batch);
    }

    /** Adjoint layout: one array per view (somata s1..sH, outputs, then basal1, apical1, … for branch states). */
    @Override
    public void lossGradient(DendriticState end, float scale, float[][] g) {
        int cls = c.classes();
        float[] out = end.soma[h];
        float[] gl = g[h];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cls; j++) {
                gl[r * cls + j] += scale * (out[r * cls + j] - (j == labels[r] ? 1f : 0f));
            }
        }
    }

    @Override
    public void stepSensitivity(DendriticState after, float[][] g, float[][] delta) {
        List<org.plasticity.ep.model.StateView> views = after.views();
        for (int v = 0; v < views.size(); v++) {
            Activation a = v < h ? c.somaActivation() : v == h ? c.outputActivation() : c.branchActivation();
            float[] sv = views.get(v).values();
            int n = rows * views.get(v).size();
            for (int i = 0; i < n; i++) {
                delta[v][i] = g[v][i] * a.derivativeFromOutput(sv[i]);
            }
        }
    }

    private int basalView(int l) {
        return h + 1 + l * (c.apical() > 0 ? 2 : 1);
    }

    private int apicalView(int l) {
        return basalView(l) + 1;
    }

    @Override
    public void stepParameterGradient(DendriticState before, float[][] delta, boolean deferInput) {
        outW.accumulateGradient(rows, 1f, before.soma[h - 1], 0, delta[h], 0, true);
        outW.accumulateGradient(rows, 1f, delta[h - 1], 0, before.soma[h], 0, false);
        for (int l = 0; l < h; l++) {
            addRows(1f, delta[l], c.somas(l), bs[l].grad());
            if (states) {
                stateStepParameterGradient(before, delta, l, deferInput);
            } else {
                functionBackward(before, delta, null, l, deferInput);
            }
        }
        maskGradients(true);
    }

    private void stateStepParameterGradient(DendriticState before, float[][] delta, int l, boolean deferInput) {
        float[] dB = delta[basalView(l)];
        int nb = basalW[l].outSize();
        if (l == 0) {
            inputGradient.add(deferInput, batch, dB, k);
        } else {
            basalW[l].accumulateGradient(rows, 1f, before.soma[l - 1], 0, dB, 0, true);
            basalW[l].accumulateGradient(rows, 1f, delta[l - 1], 0, before.basal[l], 0, false);
        }
        couplingGradient(1f, delta[l], before.basal[l], dB, before.soma[l], gatesB(before, l), c.basal(), c.somas(l), ub[l].grad());
        if (apicalW[l] != null) {
            float[] dA = delta[apicalView(l)];
            apicalW[l].accumulateGradient(rows, 1f, before.soma[l + 1], 0, dA, 0, true);
            apicalW[l].accumulateGradient(rows, 1f, delta[l + 1], 0, before.apical[l], 0, false);
            couplingGradient(1f, delta[l], before.apical[l], dA, before.soma[l], gatesA(before, l), c.apical(), c.somas(l),
                    ua[l].grad());
        }
    }

    @Override
    public void stepStateGradient(DendriticState before, float[][] delta, float[][] gPrev) {
        List<org.plasticity.ep.model.StateView> views = before.views();
        for (int v = 0; v < views.size(); v++) {
            Arrays.fill(gPrev[v], 0, rows * views.get(v).size(), 0f);
        }
        int top = c.somas(h - 1);
        int cls = c.classes();
        if (!states) {
            outW.couple(rows, delta[h - 1], 0, delta[h], 0, gPrev[h], 0, gPrev[h - 1], 0, false);
            for (int l = 0; l < h; l++) {
                functionBackward(before, delta, gPrev, l, false);
            }
            return;
        }
        Parallel.forRange(rows, 8, (r0, r1) -> {
            int n = r1 - r0;
            outW.couple(n, delta[h - 1], r0 * top, delta[h], r0 * cls, gPrev[h], r0 * cls, gPrev[h - 1], r0 * top, false);
            for (int l = 0; l < h; l++) {
                int ns = c.somas(l);
                int nb = basalW[l].outSize();
                int bv = basalView(l);
                if (l > 0) {
                    int nIn = c.somas(l - 1);
                    basalW[l].couple(n, delta[l - 1], r0 * nIn, delta[bv], r0 * nb, gPrev[bv], r0 * nb, gPrev[l - 1], r0 * nIn,
                            false);
                }
                somaBranch(delta[l], delta[bv], ub[l].value(), gatesB(before, l), c.basal(), ns, r0, r1, gPrev[l], gPrev[bv]);
                if (apicalW[l] != null) {
                    int av = apicalView(l);
                    int na = ns * c.apical();
                    int nUp = c.above(l);
                    apicalW[l].couple(n, delta[l + 1], r0 * nUp, delta[av], r0 * na, gPrev[av], r0 * na, gPrev[l + 1], r0 * nUp,
                            false);
                    somaBranch(delta[l], delta[av], ua[l].value(), gatesA(before, l), c.apical(), ns, r0, r1, gPrev[l], gPrev[av]);
                }
            }
        });
    }

    /**
     * Reading (i), one hidden layer's branches in the backward step: with e = W δ_pre, c_j = u_j g ρ_d'(p_j),
     * v_j = c_j δ_soma + s_soma u_j g ρ_d''(p_j) e_j: parameters ∂u += g(δ_soma ρ_d(p) + s_soma ρ_d'(p) e),
     * ∂b += v, ∂W += v preᵀ + (s_soma c) δ_preᵀ; states gPrev_soma += Σ c e, gPrev_pre += Wᵀ v. With {@code gPrev}
     * null only the parameters are done, else only the states.
     */
    private void functionBackward(DendriticState before, float[][] delta, float[][] gPrev, int l, boolean deferInput) {
        functionBlockBackward(basalW[l], l == 0 ? x : before.soma[l - 1], l == 0 ? null : delta[l - 1],
                gPrev == null || l == 0 ? null : gPrev[l - 1], before.soma[l], delta[l], gPrev == null ? null : gPrev[l], ub[l],
                gatesB(before, l), c.basal(), c.somas(l), l == 0, gPrev == null, deferInput);
        if (apicalW[l] != null) {
            functionBlockBackward(apicalW[l], before.soma[l + 1], delta[l + 1], gPrev == null ? null : gPrev[l + 1],
                    before.soma[l], delta[l], gPrev == null ? null : gPrev[l], ua[l], gatesA(before, l), c.apical(), c.somas(l),
                    false, gPrev == null, false);
        }
    }

    private void functionBlockBackward(DenseConnection w, float[] pre, float[] dPre, float[] gPre, float[] soma, float[] dSoma,
            float[] gSoma, Parameter u, float[] gates, int per, int ns, boolean fromInput, boolean params, boolean deferInput) {
        int nb = ns * per;
        int nIn = w.inSize();
        float[] p = new float[rows * nb];
        if (fromInput) {
            System.arraycopy(xp, 0, p, 0, rows * nb);
        } else {
            w.project(rows, pre, 0, p, 0);
        }
        float[] e = new float[rows * nb];
        if (dPre != null) {
            k.gemmNT(rows, nb, nIn, dPre, 0, nIn, w.weight().value(), 0, nIn, e, 0, nb, false);
        }
        float[] uv = u.value();
        float[] v = new float[rows * nb];
        float[] sc = new float[rows * nb];
        Activation rd = c.branchActivation();
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < nb; j++) {
                int idx = r * nb + j;
                int si = r * ns + j / per;
                float g = gate(gates, idx);
                float d1 = rd.derivative(p[idx]);
                float cj = uv[j] * g * d1;
                v[idx] = cj * dSoma[si] + soma[si] * uv[j] * g * rd.secondDerivative(p[idx]) * e[idx];
                sc[idx] = soma[si] * cj;
                if (params) {
                    u.grad()[j] += g * (dSoma[si] * rd.apply(p[idx]) + soma[si] * d1 * e[idx]);
                } else {
                    gSoma[si] += cj * e[idx];
                }
            }
        }
        if (params) {
            if (fromInput) {
                inputGradient.add(deferInput, batch, v, k);
            } else {
                w.accumulateGradient(rows, 1f, pre, 0, v, 0, true);
            }
            if (dPre != null) {
                w.accumulateGradient(rows, 1f, dPre, 0, sc, 0, false);
            }
        } else if (gPre != null) {
            w.adjoint(rows, 1f, pre, 0, v, 0, gPre, 0);
        }
    }

    @Override
    public void finishBackward() {
        if (inputGradient.finish(batch)) {
            maskGradients(true);
        }
    }

    // ---------------------------------------------------------------- loss, Φ, accounting

    @Override
    public double[] lossAndCorrect(DendriticState s, int[] predictions) {
        int cls = c.classes();
        float[] out = s.soma[h];
        double loss = 0;
        long correct = 0;
        for (int r = 0; r < rows; r++) {
            int arg = 0;
            double l = 0;
            for (int j = 0; j < cls; j++) {
                float v = out[r * cls + j];
                if (v > out[r * cls + arg]) {
                    arg = j;
                }
                double d = v - (j == labels[r] ? 1.0 : 0.0);
                l += d * d;
            }
            loss += 0.5 * l;
            if (arg == labels[r]) {
                correct++;
            }
            if (predictions != null) {
                predictions[r] = arg;
            }
        }
        return new double[] {loss, correct};
    }

    @Override
    public double phi(DendriticState s, double beta) {
        double total = 0;
        int top = c.somas(h - 1);
        int cls = c.classes();
        total += bilinear(outW, s.soma[h - 1], s.soma[h], top, cls);
        Activation rd = c.branchActivation();
        for (int l = 0; l < h; l++) {
            int ns = c.somas(l);
            float[] below = l == 0 ? x : s.soma[l - 1];
            float[] above = s.soma[l + 1];
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < ns; i++) {
                    total += (double) bs[l].value()[i] * s.soma[l][r * ns + i];
                }
            }
            for (int side = 0; side < 2; side++) {
                DenseConnection w = side == 0 ? basalW[l] : apicalW[l];
                if (w == null) {
                    continue;
                }
                int per = side == 0 ? c.basal() : c.apical();
                float[] in = side == 0 ? below : above;
                float[] u = (side == 0 ? ub[l] : ua[l]).value();
                float[] gates = side == 0 ? gatesB(s, l) : gatesA(s, l);
                int nb = ns * per;
                float[] p = new float[rows * nb];
                w.forward(rows, in, 0, p, 0);
                float[] branch = states ? (side == 0 ? s.basal[l] : s.apical[l]) : null;
                for (int r = 0; r < rows; r++) {
                    for (int j = 0; j < nb; j++) {
                        int idx = r * nb + j;
                        double si = s.soma[l][r * ns + j / per];
                        double g = gate(gates, idx);
                        if (states) {
                            total += (double) branch[idx] * p[idx] + si * u[j] * g * branch[idx];
                        } else {
                            total += si * u[j] * g * rd.apply(p[idx]);
                        }
                    }
                }
            }
        }
        if (beta != 0) {
            for (int r = 0; r < rows; r++) {
                double l = 0;
                for (int j = 0; j < cls; j++) {
                    double d = s.soma[h][r * cls + j] - (j == labels[r] ? 1.0 : 0.0);
                    l += d * d;
                }
                total -= beta * 0.5 * l;
            }
        }
        return total;
    }

    private double bilinear(DenseConnection w, float[] in, float[] out, int nIn, int nOut) {
        float[] p = new float[rows * nOut];
        w.forward(rows, in, 0, p, 0);
        double t = 0;
        for (int i = 0; i < p.length; i++) {
            t += (double) p[i] * out[i];
        }
        return t;
    }

    @Override
    public long stepMacsPerRow() {
        long macs = outW.coupleMacsPerRow();
        for (int l = 0; l < h; l++) {
            long nb = basalW[l].outSize();
            long na = (long) c.somas(l) * c.apical();
            macs += 2 * (nb + na);
            if (l > 0) {
                macs += basalW[l].coupleMacsPerRow();
            }
            if (apicalW[l] != null) {
                macs += apicalW[l].coupleMacsPerRow();
            }
        }
        return macs;
    }

    @Override
    public String describe() {
        return c.toString();
    }

    @Override
    public String toString() {
        return "DendriticNetwork[" + c.sizes() + ", " + trainableCount + " trainable parameters, " + stateVariableCount()
                + " state variables, " + k.name() + "]";
    }
}
