package org.plasticity.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.plasticity.data.Batch;
import org.plasticity.data.Dataset;
import org.plasticity.data.Datasets;
import org.plasticity.ep.dendritic.Dendritic;
import org.plasticity.ep.dendritic.DendriticNetwork;
import org.plasticity.ep.dendritic.DendriticRecipes;
import org.plasticity.ep.model.DenseConnection;
import org.plasticity.experiment.Catalog;
import org.plasticity.experiment.Config;
import org.plasticity.experiment.Recipe;
import org.plasticity.random.Seeds;
import org.plasticity.results.BenchmarkRow;
import org.plasticity.results.ResultsCsv;
import org.plasticity.tensor.FloatKernels;
import org.plasticity.tensor.Parallel;
import org.plasticity.train.Learner;
import org.plasticity.train.Parameter;
import org.plasticity.train.StepContext;
import org.plasticity.train.optim.Adam;
import org.plasticity.train.optim.Optimizer;

/**
 * Dendritic EP speed (issue 14's performance section; Kubo, arXiv 2605.08135; spec {@code ep-family.md} §2.3), two
 * questions measured in one run, both sides warmed up and then timed in interleaved rounds (best and median kept):
 * <ol>
 *   <li><b>What the dendrites cost per sample.</b> Training samples/s of dendritic EP ({@code kmnist-split-dendritic-ep}:
 *       784-100d-10, 8 basal + 2 apical branches per soma, density 0.5, symmetric ±β, T1 = 60, T2 = 12, Adam, batch 50)
 *       against standard EP with the same soma count in the same framework ({@code kmnist-split-point-ep}, 784-100-10),
 *       and the same for the deeper pair ({@code kmnist-split-2h-…}, T1 = 120), on real KMNIST-split batches exactly as the
 *       trainer runs them ({@code computeGradients} + Adam step). Row {@code ep-dendritic-…-train}: ours = dendritic EP,
 *       the peer column = standard EP (not PyTorch; a PyTorch peer of dendritic EP is not written yet).</li>
 *   <li><b>Dense-masked vs sparse.</b> The model multiplies its masked matrices densely (the zeros included, SIMD
 *       kernels). For the three masked products of the model, at its shapes and real masks (seed 1), the same product in
 *       ELLPACK form ({@link MaskedEll}, half the multiply-adds at density 0.5, gathered operands), best of its row-major
 *       and batch-transposed layouts: the input projection {@code (W_b1⊙M)·x} (784 → 800 branches, once per batch; dense
 *       side as {@code bind} runs it: transpose of W in {@code prepare}, then the product), the masked weight gradient
 *       (784 × 800 over the batch, twice per batch for ±β; dense side: {@code accumulateGradient} plus the pass that
 *       zeroes the masked-out entries), and the per-step coupling of the deeper net's second basal layer (100 → 800, both
 *       directions, every one of the T1 + 2·T2 steps). Rows {@code ep-dendritic-masked-…}: ours = sparse, peer = dense
 *       masked; a ratio above 1 means the sparse form would pay there.</li>
 * </ol>
 * Rows go to {@code results/benchmarks.csv} (suffix {@code -1thread} with one thread); refused under load unless
 * {@code --force} ({@link LoadGate}). Start the JVM with {@code -Dplasticity.threads=N} matching {@code --threads N}.
 *
 * <pre>java --add-modules jdk.incubator.vector -Dplasticity.threads=2 -cp target/classes:target/lib/* \
 *     org.plasticity.bench.DendriticBench [--threads 2] [--rounds 7] [--seconds 1] [--force] [--no-write]</pre>
 */
public final class DendriticBench {

    /** The recipes' batch size. */
    static final int BATCH = 50;

    private DendriticBench() {
    }

    /** @param args options (see class comment) */
    public static void main(String[] args) {
        BenchOptions opts = BenchOptions.parse(args, 2, 1.0);
        int threads = opts.threads();
        if (Parallel.threads() != threads) {
            throw new IllegalArgumentException("tensor.Parallel runs " + Parallel.threads() + " thread(s) but --threads is "
                    + threads + ": start the JVM with -Dplasticity.threads=" + threads);
        }
        LoadGate gate = new LoadGate(threads);
        LoadStamp start = LoadStamp.now();
        System.out.println("DendriticBench: " + threads + " thread(s), " + FloatKernels.get().name() + ", load " + start
                + " (rows need load ≤ " + gate.limit() + ")");
        Dataset train = Datasets.kmnistTestSplit().trainSet();
        List<Timed> cases = new ArrayList<>();
        Training d1 = new Training("kmnist-split-dendritic-ep", train);
        Training p1 = new Training("kmnist-split-point-ep", train);
        Training d2 = new Training("kmnist-split-2h-dendritic-ep", train);
        Training p2 = new Training("kmnist-split-2h-point-ep", train);
        Batch batch = EpBench.slice(train, 0, BATCH);
        DendriticNetwork shallow = Dendritic.network(DendriticRecipes.dendritic(1), 1);
        DendriticNetwork deep = Dendritic.network(DendriticRecipes.dendritic(2), 1);
        Products proj = Products.of(shallow, 0, batch.features(), 784);
        Products coupling = Products.of(deep, 1, hiddenActivity(BATCH * 100, 3), 100);
        cases.addAll(List.of(d1, p1, d2, p2));
        Kernel projDense = new Kernel("projection dense", proj::denseProjection);
        Kernel projRows = new Kernel("projection ELL rows", proj::sparseProjectionRows);
        Kernel projT = new Kernel("projection ELL batch-T", proj::sparseProjectionT);
        Kernel gradDense = new Kernel("gradient dense", proj::denseGradient);
        Kernel gradT = new Kernel("gradient ELL batch-T", proj::sparseGradientT);
        Kernel coupleDense = new Kernel("coupling dense", coupling::denseCouple);
        Kernel coupleRows = new Kernel("coupling ELL rows", coupling::sparseCoupleRows);
        cases.addAll(List.of(projDense, projRows, projT, gradDense, gradT, coupleDense, coupleRows));
        for (Timed c : cases) {
            c.warmUp();
        }
        double seconds = opts.seconds();
        for (int r = 0; r < opts.rounds(); r++) {
            StringBuilder line = new StringBuilder("round " + r + ":");
            for (Timed c : cases) {
                double rate = c.round(seconds);
                line.append(String.format(Locale.ROOT, " %s %.0f;", c.label(), rate));
            }
            System.out.println(line);
        }
        LoadStamp end = LoadStamp.now();
        String why = gate.refusal(start, end);
        String stamp = gate.stamp(start, end) + "; " + FloatKernels.get().name() + "; interleaved rounds of " + seconds + " s";
        String suffix = threads == 1 ? "-1thread" : "";
        List<BenchmarkRow> rows = new ArrayList<>();
        rows.add(trainingRow("ep-dendritic-784-100d-10-b50-train" + suffix, d1, p1, threads, stamp));
        rows.add(trainingRow("ep-dendritic-784-100d-100d-10-b50-train" + suffix, d2, p2, threads, stamp));
        rows.add(kernelRow("ep-dendritic-masked-input-projection-784x800-b50" + suffix, "products/s", best(projRows, projT),
                projDense, threads, proj, "once per batch (bind); dense side includes prepare's transpose of W", stamp));
        rows.add(kernelRow("ep-dendritic-masked-weight-gradient-784x800-b50" + suffix, "gradients/s", gradT, gradDense, threads,
                proj, "twice per batch (±β); dense side includes the pass zeroing the masked-out gradient", stamp));
        rows.add(kernelRow("ep-dendritic-masked-coupling-100x800-b50" + suffix, "steps/s", coupleRows, coupleDense, threads,
                coupling, "every relaxation step of the 2-hidden-layer net (T1 + 2·T2 = 144 per batch), both directions",
                stamp));
        for (BenchmarkRow row : rows) {
            System.out.println(row);
        }
        if (why != null && !opts.force()) {
            System.out.println("not writing the dendritic rows: " + why + " (rerun on a quiet machine, or --force)");
            return;
        }
        if (!opts.write()) {
            return;
        }
        ResultsCsv csv = ResultsCsv.inProject();
        for (BenchmarkRow row : rows) {
            System.out.println(csv.record(row));
        }
    }

    private static Kernel best(Kernel a, Kernel b) {
        return a.rounds.best() >= b.rounds.best() ? a : b;
    }

    private static BenchmarkRow trainingRow(String name, Training d, Training p, int threads, String stamp) {
        String notes = String.format(Locale.ROOT, "ours: %s (%s), %s samples/s, %.0f µs/sample; peer column: standard EP %s"
                + " (%s), same framework and batch, %s samples/s, %.0f µs/sample (not PyTorch); dendritic/point cost per"
                + " sample %.2fx; relaxation MACs per sample and step %d vs %d; real KMNIST-split batches of %d, computeGradients"
                + " + Adam step; %s", d.id, d.describe, d.rounds, 1e6 / d.rounds.best(), p.id, p.describe, p.rounds,
                1e6 / p.rounds.best(), p.rounds.best() / d.rounds.best(), d.stepMacs, p.stepMacs, BATCH, stamp);
        return BenchmarkRow.of(name, d.rounds.best(), p.rounds.best(), "samples/s", Double.NaN, threads, notes);
    }

    private static BenchmarkRow kernelRow(String name, String unit, Kernel sparse, Kernel dense, int threads, Products p,
            String where, String stamp) {
        String notes = String.format(Locale.ROOT, "ours: sparse %s (%s), %s %s; peer column: dense masked (%s, zeros"
                + " multiplied), %s %s; %s; %s, %d synapses of %d (density %.2f); ratio > 1: sparse pays; %s", sparse.label,
                p.ell, sparse.rounds, unit, dense.label, dense.rounds, unit, where, p.name, p.ell.nonZeros(),
                (long) p.nOut * p.nIn, p.ell.nonZeros() / (double) ((long) p.nOut * p.nIn), stamp);
        return BenchmarkRow.of(name, sparse.rounds.best(), dense.rounds.best(), unit, Double.NaN, threads, notes);
    }

    /** Synthetic hidden activity in [0, 1) (the coupling's cost does not depend on the values). */
    static float[] hiddenActivity(int n, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) r.nextDouble();
        }
        return v;
    }

    /** One side of the interleaved rounds. */
    abstract static class Timed {

        final Rounds rounds = new Rounds();

        abstract String label();

        /** One unit of work (a training batch, a product). */
        abstract void once();

        /** Samples (or calls) per unit of work. */
        abstract int per();

        void warmUp() {
            long t0 = System.nanoTime();
            int n = 0;
            while (n < 20 || System.nanoTime() - t0 < 1.5e9) {
                once();
                n++;
            }
        }

        double round(double seconds) {
            long t0 = System.nanoTime();
            int n = 0;
            while (n < 3 || System.nanoTime() - t0 < seconds * 1e9) {
                once();
                n++;
            }
            double rate = n * (double) per() / ((System.nanoTime() - t0) / 1e9);
            rounds.add(rate);
            return rate;
        }
    }

    /** A recipe's learner trained on real batches as the trainer runs it. */
    static final class Training extends Timed {

        final String id;
        final String describe;
        final long stepMacs;
        private final Learner learner;
        private final Optimizer opt;
        private final List<Parameter> params;
        private final Batch[] batches;
        private int next;

        Training(String id, Dataset train) {
            this.id = id;
            Recipe r = Catalog.get(id);
            Config cfg = r.configure(Map.of());
            this.learner = r.learner(cfg, 1);
            this.opt = Adam.of(cfg.real("lr")).create();
            this.params = learner.parameters();
            this.batches = new Batch[16];
            for (int i = 0; i < batches.length; i++) {
                batches[i] = EpBench.slice(train, i * BATCH, BATCH);
            }
            var ep = (org.plasticity.ep.estimator.EquilibriumPropagation) learner;
            this.describe = ep.model().describe();
            this.stepMacs = ep.model().stepMacsPerRow();
        }

        @Override
        String label() {
            return id;
        }

        @Override
        int per() {
            return BATCH;
        }

        @Override
        void once() {
            int i = next++;
            params.forEach(Parameter::zeroGrad);
            learner.computeGradients(batches[i % batches.length], new StepContext(0, i, i, 1, Seeds.stream(1, Seeds.STEP, 0, i)));
            opt.step(params, 0);
        }
    }

    /** A masked product timed by calls per second. */
    static final class Kernel extends Timed {

        final String label;
        private final Runnable body;

        Kernel(String label, Runnable body) {
            this.label = label;
            this.body = body;
        }

        @Override
        String label() {
            return label;
        }

        @Override
        int per() {
            return 1;
        }

        @Override
        void once() {
            body.run();
        }
    }

    /**
     * The masked products of one basal layer of a dendritic network (its real weights and mask), dense and sparse, on a
     * batch of {@link #BATCH} presynaptic rows; every method is one call of the product as the network would run it.
     */
    static final class Products {

        final String name;
        final int nIn;
        final int nOut;
        final MaskedEll ell;
        private final DenseConnection dense;
        private final boolean[] mask;
        private final float[] in;
        private final float[] out;
        private final float[] acc;
        private final float[] accIn;
        private final float[] inT;
        private final float[] outT;
        private final float[] accT;
        private final float[] grad;
        private final int ld;
        private final FloatKernels k = FloatKernels.get();

        private Products(String name, float[] w, boolean[] mask, int nIn, int nOut, float[] in) {
            this.name = name;
            this.nIn = nIn;
            this.nOut = nOut;
            this.mask = mask;
            this.dense = new DenseConnection("bench", nIn, nOut, 1.0, k);
            System.arraycopy(w, 0, dense.weight().value(), 0, w.length);
            this.ell = MaskedEll.of(w, mask, nOut, nIn);
            this.in = Arrays.copyOf(in, BATCH * nIn);
            this.out = hiddenActivity(BATCH * nOut, 5);
            this.acc = new float[BATCH * nOut];
            this.accIn = new float[BATCH * nIn];
            this.ld = (BATCH + 7) / 8 * 8;
            this.inT = new float[nIn * ld];
            this.outT = new float[nOut * ld];
            this.accT = new float[nOut * ld];
            this.grad = new float[(int) ell.nonZeros()];
            dense.ensureCapacity(BATCH);
            dense.prepare(BATCH);
        }

        /** Basal layer {@code l} of {@code net} (weights {@code Wb<l+1>}, its mask) on the given presynaptic rows. */
        static Products of(DendriticNetwork net, int l, float[] in, int nIn) {
            String wName = "Wb" + (l + 1);
            Parameter w = net.parameters().stream().filter(p -> p.name().equals(wName)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no parameter " + wName + " in " + net));
            int nOut = w.shape()[0];
            if (w.shape()[1] != nIn) {
                throw new IllegalArgumentException(wName + " has " + w.shape()[1] + " inputs, not " + nIn);
            }
            return new Products(wName + " " + nIn + " → " + nOut + " (" + net.config().sizes() + ")", w.value(), net.mask(l, false),
                    nIn, nOut, in);
        }

        private int rowGrain() {
            return (BATCH + Parallel.threads() - 1) / Parallel.threads();
        }

        private int colGrain() {
            return (nOut + Parallel.threads() - 1) / Parallel.threads();
        }

        /** As {@code DendriticNetwork.bind}: transpose W, zero the accumulator, project the rows. */
        void denseProjection() {
            dense.prepare(BATCH);
            Arrays.fill(acc, 0f);
            Parallel.forRange(BATCH, rowGrain(), (r0, r1) -> dense.project(r1 - r0, in, r0 * nIn, acc, r0 * nOut));
        }

        /** Row-major ELL: a scalar gather per synapse. */
        void sparseProjectionRows() {
            Arrays.fill(acc, 0f);
            Parallel.forRange(BATCH, rowGrain(), (r0, r1) -> ell.forwardRows(r0, r1, in, acc));
            float[] b = dense.bias().value();
            k.addRowVector(BATCH, nOut, b, 0, acc, 0);
        }

        /** Batch-transposed ELL: transpose the batch, one axpy over the batch per synapse, transpose back. */
        void sparseProjectionT() {
            MaskedEll.transposeBatch(BATCH, nIn, in, 0, ld, inT);
            Arrays.fill(accT, 0f);
            Parallel.forRange(nOut, colGrain(), (j0, j1) -> ell.forwardBatchT(BATCH, ld, inT, accT, k, j0, j1));
            float[] b = dense.bias().value();
            for (int r = 0; r < BATCH; r++) {
                for (int j = 0; j < nOut; j++) {
                    acc[r * nOut + j] = accT[j * ld + r] + b[j];
                }
            }
        }

        /** The dense gradient of the masked matrix, then the masked-out entries zeroed (as the network's update does). */
        void denseGradient() {
            float[] g = dense.weight().grad();
            dense.accumulateGradient(BATCH, 1f / BATCH, in, 0, out, 0, false);
            Parallel.forRange(nOut, colGrain(), (j0, j1) -> {
                for (int i = j0 * nIn; i < j1 * nIn; i++) {
                    if (!mask[i]) {
                        g[i] = 0f;
                    }
                }
            });
        }

        /** The gradient at the synapses only: transpose both operands, one dot over the batch per synapse. */
        void sparseGradientT() {
            MaskedEll.transposeBatch(BATCH, nIn, in, 0, ld, inT);
            MaskedEll.transposeBatch(BATCH, nOut, out, 0, ld, outT);
            Parallel.forRange(nOut, colGrain(), (j0, j1) -> ell.gradientT(BATCH, ld, 1f / BATCH, outT, inT, grad, k, j0, j1));
        }

        /** One relaxation step's dense coupling ({@code couple}, both directions) over row blocks, as {@code relax} runs it. */
        void denseCouple() {
            Parallel.forRange(BATCH, rowGrain(), (r0, r1) -> dense.couple(r1 - r0, in, r0 * nIn, out, r0 * nOut, acc,
                    r0 * nOut, accIn, r0 * nIn, false));
        }

        /** The same step in ELL form, both directions fused in one pass over the synapses. */
        void sparseCoupleRows() {
            Parallel.forRange(BATCH, rowGrain(), (r0, r1) -> ell.coupleRows(r0, r1, in, out, acc, accIn));
        }

        /** Results for the tests: {@code [acc, accIn, sparse gradient, dense gradient]} (copies). */
        float[][] snapshot() {
            return new float[][] {acc.clone(), accIn.clone(), grad.clone(), dense.weight().grad().clone()};
        }

        /** Zeroes every accumulator and gradient (tests). */
        void clear() {
            Arrays.fill(acc, 0f);
            Arrays.fill(accIn, 0f);
            Arrays.fill(grad, 0f);
            Arrays.fill(dense.weight().grad(), 0f);
        }

        /** The ELL form. */
        MaskedEll ell() {
            return ell;
        }
    }
}
