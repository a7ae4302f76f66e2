package org.plasticity.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.plasticity.data.Batch;
import org.plasticity.latent.Latent;
import org.plasticity.latent.learn.GleLearner;
import org.plasticity.results.BenchmarkRow;
import org.plasticity.results.ResultsCsv;
import org.plasticity.train.Parameter;
import org.plasticity.train.StepContext;
import org.plasticity.train.optim.Adam;
import org.plasticity.train.optim.Optimizer;

/**
 * Online GLE training throughput on the GLE paper's MNIST-1D network (6 × (17 fast + 36 slow) units, 10 outputs,
 * 360 steps per sequence, batch 100, an Adam step after every time step), against a PyTorch peer of the same update
 * loop ({@code src/bench/python/gle_peer.py}, Debian's python3-torch on OpenBLAS, OMP_WAIT_POLICY=PASSIVE). These
 * networks are tiny, so per-step overhead decides: the bench also reports the bytes our step loop allocates per time
 * step (the goal is none) and the time per step. Both sides warm up first; timed rounds are interleaved; the best of
 * each side goes to the row. Rows are refused under load unless {@code --force} ({@link LoadGate}).
 *
 * <pre>java --add-modules jdk.incubator.vector -cp target/classes:target/lib/* org.plasticity.bench.GleBench
 *     [--threads 1] [--rounds 7] [--seconds 2] [--force] [--no-write]</pre>
 */
public final class GleBench {

    private static final int BATCH = 100;
    private static final int STEPS = 360;

    private GleBench() {
    }

    /** @param args options (see class comment) */
    public static void main(String[] args) {
        BenchOptions opts = BenchOptions.parse(args, 1, 2);
        int threads = opts.threads();
        int rounds = opts.rounds();
        double seconds = opts.seconds();
        boolean force = opts.force();
        boolean write = opts.write();
        if (org.plasticity.tensor.Parallel.threads() != threads) {
            System.out.println("note: tensor.Parallel runs " + org.plasticity.tensor.Parallel.threads() + " thread(s); start"
                    + " the JVM with -Dplasticity.threads=" + threads + " for a matched comparison (the GLE step is single-threaded)");
        }
        LoadGate gate = new LoadGate(threads);
        LoadStamp start = LoadStamp.now();
        System.out.println("GleBench: " + threads + " thread(s), load " + start + " (rows need load ≤ " + gate.limit() + ")");
        GleLearner learner = Latent.gle(Latent.mnist1d(17, 36), 12);
        Batch batch = syntheticBatch();
        Optimizer opt = Adam.of(1e-3).create();
        trainRate(learner, opt, batch, 3.0);
        long perStep = allocatedPerStep(learner, opt, batch);
        System.out.println("allocated per time step (after warm-up): " + perStep + " bytes");
        Path script = Path.of("src/bench/python/gle_peer.py");
        if (!Files.exists(script)) {
            throw new IllegalStateException("run from the project root: " + script.toAbsolutePath() + " not found");
        }
        Rounds ours = new Rounds();
        Rounds theirs = new Rounds();
        String version;
        try (PeerProcess peer = new PeerProcess(List.of("/usr/bin/python3", script.toString(), "--threads",
                String.valueOf(threads), "--batch", String.valueOf(BATCH), "--steps", String.valueOf(STEPS)), threads)) {
            version = PeerProcess.string(peer.readyLine(), "torch");
            for (int r = 0; r < rounds; r++) {
                ours.add(trainRate(learner, opt, batch, seconds));
                theirs.add(PeerProcess.number(peer.run(seconds), "samples_per_s"));
                System.out.printf(Locale.ROOT, "round %d: ours %.1f samples/s, peer %.1f samples/s%n", r, ours.best(),
                        theirs.best());
            }
            String why = gate.refusal(start, LoadStamp.now());
            String stamp = gate.stamp(start, LoadStamp.now()) + "; peer BLAS " + peer.blas();
            if (why == null && peer.handicap() != null) {
                why = peer.handicap();
            }
            double epoch = 4000 / ours.best();
            String fit = String.format(Locale.ROOT, "one MNIST-1D epoch (4000 sequences) %.0f s, 150 epochs %.1f h; %.0f µs"
                    + " per time step", epoch, 150 * epoch / 3600, 1e6 * BATCH / ours.best() / STEPS);
            System.out.printf(Locale.ROOT, "ours %s, peer %s, ratio %.2f; %s%n", ours, theirs, ours.best() / theirs.best(), fit);
            if (why != null && !force) {
                System.out.println("not writing the GLE row: " + why + " (rerun on a quiet machine, or --force)");
                return;
            }
            if (!write) {
                return;
            }
            String suffix = threads == 1 ? "-1thread" : "";
            System.out.println(ResultsCsv.inProject().record(BenchmarkRow.of("gle-mnist1d-15k-online-train" + suffix,
                    ours.best(), theirs.best(), "samples/s", Double.NaN, threads, "ours: GLE online, Adam per step, "
                    + ours + ", " + perStep + " bytes allocated per step; peer: PyTorch " + version + " same loop, "
                    + theirs + "; interleaved rounds of " + seconds + " s; " + fit + "; " + stamp)));
        }
    }

    /** 100 sequences of 360 standard-normal values with random labels (values do not change the work). */
    public static Batch syntheticBatch() {
        SplittableRandom rng = new SplittableRandom(7);
        float[] x = new float[BATCH * STEPS];
        int[] y = new int[BATCH];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rng.nextGaussian());
        }
        for (int i = 0; i < BATCH; i++) {
            y[i] = rng.nextInt(10);
        }
        return new Batch(x, y, BATCH, STEPS, null, 0, STEPS);
    }

    private static StepContext context(GleLearner l, Optimizer opt, int s) {
        List<Parameter> ps = l.parameters();
        return new StepContext(0, s, s, 1, new SplittableRandom(s)).withUpdates(() -> {
            opt.step(ps, 0);
            for (Parameter p : ps) {
                p.zeroGrad();
            }
        });
    }

    /** Trains whole sequences for at least {@code seconds}; samples per second. */
    private static double trainRate(GleLearner l, Optimizer opt, Batch b, double seconds) {
        long t0 = System.nanoTime();
        int n = 0;
        for (; n < 1 || System.nanoTime() - t0 < seconds * 1e9; n++) {
            l.computeGradients(b, context(l, opt, n));
        }
        return n * (double) BATCH / ((System.nanoTime() - t0) / 1e9);
    }

    /** Bytes this thread allocates per time step over one sequence (HotSpot's per-thread counter). */
    static long allocatedPerStep(GleLearner l, Optimizer opt, Batch b) {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx)) {
            return -1;
        }
        StepContext ctx = context(l, opt, 1);
        long id = Thread.currentThread().getId();
        long a0 = mx.getThreadAllocatedBytes(id);
        l.computeGradients(b, ctx);
        long a1 = mx.getThreadAllocatedBytes(id);
        return (a1 - a0) / STEPS;
    }
}
