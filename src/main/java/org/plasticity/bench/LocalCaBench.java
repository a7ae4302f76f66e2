package org.plasticity.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.plasticity.data.Batch;
import org.plasticity.localca.LocalCa;
import org.plasticity.localca.LocalCaLearner;
import org.plasticity.localca.model.TreeConfig;
import org.plasticity.localca.rules.LocalRuleConfig;
import org.plasticity.results.BenchmarkRow;
import org.plasticity.results.ResultsCsv;
import org.plasticity.train.Parameter;
import org.plasticity.train.StepContext;
import org.plasticity.train.optim.Optimizer;

/**
 * Training throughput of the headline LocalCA network (784 → 128 neurons [3, 3], K_E 40, K_I 20,
 * batch 256): the 5F per-soma local rule and exact tree backprop in Plasticity, against a PyTorch
 * peer of the same model trained by backprop ({@code src/bench/python/localca_peer.py}, Debian's
 * python3-torch, OMP_WAIT_POLICY=PASSIVE; its best of gather / sparse / dense TopK and 1 / 2
 * threads). One training step = forward, (pseudo-)gradient, Adam step. Both sides warm up first (JIT;
 * PyTorch's first calls, the peers stay running in serve mode), then timed rounds are interleaved (ours
 * local, ours backprop, every peer setting, again, ...); best and median of each side are reported, the
 * best goes to the row. The load ({@link LoadStamp}) is stamped at start and end into the notes; rows are
 * refused above the cores used ({@link LoadGate}) unless {@code --force}, which marks them as measured
 * under load. With {@code --threads 1} both sides run one thread (per-core rows, suffix {@code -1thread}).
 * Prints the wall-time estimate of 5 seeds × 200 epochs.
 *
 * <pre>java -cp target/classes:target/lib/* org.plasticity.bench.LocalCaBench [--threads 2] [--rounds 7]
 *     [--seconds 1.5] [--force] [--no-write]</pre>
 */
public final class LocalCaBench {

    private static final int BATCH = 256;

    private LocalCaBench() {
    }

    /**
     * @param args options (see class comment)
     */
    public static void main(String[] args) {
        BenchOptions opts = BenchOptions.parse(args, 2, 1.5);
        int threads = opts.threads();
        int rounds = opts.rounds();
        double seconds = opts.seconds();
        boolean force = opts.force();
        boolean write = opts.write();
        LoadGate gate = new LoadGate(threads);
        LoadStamp start = LoadStamp.now();
        System.out.println("LocalCaBench: " + threads + " threads, load " + start + " (rows need load ≤ " + gate.limit() + ")");
        TreeConfig tree = TreeConfig.headline().withThreads(threads);
        Batch batch = syntheticBatch();
        LocalCaLearner localLearner = LocalCa.local(tree, LocalRuleConfig.headline(), 42);
        LocalCaLearner bpLearner = LocalCa.backprop(tree, 42);
        Rounds local = new Rounds();
        Rounds bp = new Rounds();
        Rounds eval = new Rounds();
        // warm-up of our side (the peers warm up when they start)
        trainRate(localLearner, batch, 2.0);
        trainRate(bpLearner, batch, 2.0);
        evalRate(localLearner, 1.0);
        List<String> settings = new ArrayList<>();
        List<PeerProcess> peers = new ArrayList<>();
        for (String mode : new String[] {"gather", "sparse", "dense"}) {
            for (int t : threads == 1 ? new int[] {1} : new int[] {1, threads}) {
                settings.add(mode + " " + t);
                peers.add(startPeer(mode, t));
            }
        }
        Rounds[] theirs = new Rounds[peers.size()];
        String version = "?";
        for (int i = 0; i < theirs.length; i++) {
            theirs[i] = new Rounds();
            version = PeerProcess.string(peers.get(i).readyLine(), "torch");
        }
        for (int round = 0; round < rounds; round++) {
            local.add(trainRate(localLearner, batch, seconds));
            bp.add(trainRate(bpLearner, batch, seconds));
            eval.add(evalRate(localLearner, seconds / 2));
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d: ours 5F per-soma %.0f, tree backprop "
                    + "%.0f, evaluation %.0f samples/s; peer", round, local.best(), bp.best(), eval.best()));
            for (int i = 0; i < peers.size(); i++) {
                double r = PeerProcess.number(peers.get(i).run(seconds), "samples_per_s");
                theirs[i].add(r);
                line.append(String.format(Locale.ROOT, " %s %.0f", settings.get(i), r));
            }
            System.out.println(line);
        }
        peers.forEach(PeerProcess::close);
        LoadStamp end = LoadStamp.now();
        int best = 0;
        for (int i = 1; i < theirs.length; i++) {
            if (theirs[i].best() > theirs[best].best()) {
                best = i;
            }
        }
        double epochSeconds = 48_000 / local.best() + 22_000 / eval.best();
        double night = 5 * 200 * epochSeconds / 3600;
        String fit = String.format(Locale.ROOT, "5 seeds x 200 epochs of MNIST (48k train + 22k eval per epoch) = %.1f h",
                night);
        System.out.println(fit);
        System.out.printf(Locale.ROOT, "ours: 5F per-soma %s, tree backprop %s; peer %s: %s; ratio %.2f / %.2f%n", local, bp,
                settings.get(best), theirs[best], local.best() / theirs[best].best(), bp.best() / theirs[best].best());
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < theirs.length; i++) {
            all.append(i == 0 ? "" : ", ").append(settings.get(i)).append(": ").append(theirs[i]);
        }
        String peerNote = "peer: PyTorch " + version + " backprop, TopK by " + settings.get(best) + " thread(s), "
                + "OMP_WAIT_POLICY=PASSIVE, " + theirs[best] + " (all: " + all + ")";
        String stamp = gate.stamp(start, end) + "; peer BLAS " + peers.get(0).blas();
        String why = gate.refusal(start, end);
        if (why == null && peers.get(0).handicap() != null) {
            why = peers.get(0).handicap();
            stamp = "PEER HANDICAPPED (--force): " + why + "; " + stamp;
        }
        if (why != null && !force) {
            System.out.println("not writing the LocalCA rows: " + why + " (rerun on a quiet machine, or --force to write them "
                    + "marked as measured under load)");
            return;
        }
        if (!write) {
            return;
        }
        String suffix = threads == 1 ? "-1thread" : "";
        ResultsCsv csv = ResultsCsv.inProject();
        System.out.println(csv.record(BenchmarkRow.of("localca-headline-5f-per-soma-train" + suffix, local.best(),
                theirs[best].best(), "samples/s", Double.NaN, threads, "ours: local 5F per-soma rule, " + local + "; "
                + peerNote + "; interleaved rounds of " + seconds + " s; " + fit + "; " + stamp)));
        System.out.println(csv.record(BenchmarkRow.of("localca-headline-tree-backprop-train" + suffix, bp.best(),
                theirs[best].best(), "samples/s", Double.NaN, threads, "ours: exact tree backprop (Theorem 1), " + bp + "; "
                + peerNote + "; " + stamp)));
    }

    /** A batch like MNIST in sparsity: 20 % of the pixels uniform in [0, 1), the rest 0. */
    static Batch syntheticBatch() {
        SplittableRandom rng = new SplittableRandom(7);
        float[] x = new float[BATCH * 784];
        int[] y = new int[BATCH];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble() < 0.2 ? (float) rng.nextDouble() : 0f;
        }
        for (int i = 0; i < BATCH; i++) {
            y[i] = rng.nextInt(10);
        }
        return new Batch(x, y, BATCH, 784);
    }

    /** Trains for at least {@code seconds} (and at least 3 steps); samples per second. */
    private static double trainRate(LocalCaLearner learner, Batch batch, double seconds) {
        Optimizer opt = learner.optimizer().create();
        List<Parameter> params = learner.parameters();
        long t0 = System.nanoTime();
        int s = 0;
        for (; s < 3 || System.nanoTime() - t0 < seconds * 1e9; s++) {
            for (Parameter p : params) {
                p.zeroGrad();
            }
            learner.computeGradients(batch, new StepContext(0, s, s, 1, new SplittableRandom(s)));
            opt.step(params, 0);
        }
        return s * (double) BATCH / ((System.nanoTime() - t0) / 1e9);
    }

    /** Evaluates batches of 1000 for at least {@code seconds} (and at least 2); samples per second. */
    private static double evalRate(LocalCaLearner learner, double seconds) {
        SplittableRandom rng = new SplittableRandom(8);
        float[] x = new float[1000 * 784];
        int[] y = new int[1000];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble() < 0.2 ? (float) rng.nextDouble() : 0f;
        }
        Batch b = new Batch(x, y, 1000, 784);
        long t0 = System.nanoTime();
        int n = 0;
        for (; n < 2 || System.nanoTime() - t0 < seconds * 1e9; n++) {
            learner.evaluate(b);
        }
        return n * 1000.0 / ((System.nanoTime() - t0) / 1e9);
    }

    private static PeerProcess startPeer(String mode, int threads) {
        Path script = Path.of("src/bench/python/localca_peer.py");
        if (!Files.exists(script)) {
            throw new IllegalStateException("run from the project root: " + script.toAbsolutePath() + " not found");
        }
        return new PeerProcess(List.of("/usr/bin/python3", script.toString(), "--mode", mode, "--threads",
                String.valueOf(threads), "--batch", String.valueOf(BATCH), "--warmup", "5"), threads);
    }
}
