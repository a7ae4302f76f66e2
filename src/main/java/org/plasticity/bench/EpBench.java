package org.plasticity.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.plasticity.data.Batch;
import org.plasticity.data.Dataset;
import org.plasticity.data.Datasets;
import org.plasticity.data.Splits;
import org.plasticity.ep.recipes.EpPresets;
import org.plasticity.ep.recipes.EpRecipe;
import org.plasticity.ep.model.Architecture;
import org.plasticity.results.BenchmarkRow;
import org.plasticity.results.ResultsCsv;
import org.plasticity.tensor.FloatKernels;
import org.plasticity.tensor.Parallel;

/**
 * Benchmark of equilibrium-propagation training on real MNIST, side by side with the PyTorch peer
 * ({@code src/bench/python/ep_mnist_peer.py}, same algorithm and hyper-parameters) in the same run.
 * Cases: the {@link EpPresets#laborieux2021Mnist()} configuration (784-500-10, symmetric, T1 = 30,
 * T2 = 10) at batch 50, 1, 16 and 128, and the 784-500-500-10 preset at batch 50.
 *
 * <p>Per case, after warming up both sides (JIT; PyTorch's first calls), timed rounds are interleaved:
 * ours, peer 1 thread, peer 2 threads, ours, ... ({@code --rounds}, at least 5); the best and the median
 * of each side are reported, the best goes to the row. With {@code -Dplasticity.threads=1} both sides run
 * one thread (per-core throughput; rows get the suffix {@code -1thread}). The machine's load (1-minute
 * average and runnable tasks, {@link LoadStamp}) is stamped at the start and end of every case into the
 * row's notes; a case whose load exceeds the cores used ({@link LoadGate}) is not written, unless
 * {@code --force}, which writes it marked as measured under load. Also printed: the time split of one
 * batch ({@link EpBatchProfile}) and the fraction of the compute limit (input projection + relaxation +
 * update FLOPs at the best rate, over the sgemm peak measured in this run at the same thread count).
 * Rows go to {@code results/benchmarks.csv}.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp target/classes:target/lib/* org.plasticity.bench.EpBench
 *     [--rounds 7] [--seconds 1.0] [--cases b50,b1,b16,b128,deep] [--force] [--no-peer] [--no-write] [--quick]
 *     [--python /usr/bin/python3] [--peer-script PATH] [--profile [REPEATS]]</pre>
 *
 * <p>{@code --profile} prints only the time split of one batch of each selected case ({@link EpBatchProfile}:
 * projection and its transposes, each relaxation step with its activation and coupling parts, update,
 * optimizer, hand-offs, allocation) and the fraction of the sgemm peak; no peer, no rows.
 */
public final class EpBench {

    private EpBench() {
    }

    /** Bytes allocated per batch above which our kernels ran with boxed vectors (normal: a few kB). */
    static final double BOXING_BYTES = 1e6;

    /** One benchmark case. */
    record Case(String key, String id, EpRecipe recipe, int batch) {
    }

    /**
     * Runs the benchmark.
     *
     * @param args options (see class comment)
     * @throws Exception on I/O failure of the peer
     */
    public static void main(String[] args) throws Exception {
        boolean peer = true;
        boolean write = true;
        boolean quick = false;
        boolean force = false;
        int profileRepeats = 0;
        int rounds = 7;
        double seconds = 1.0;
        String only = "b50,b1,b16,b128,deep";
        String python = "/usr/bin/python3";
        Path script = Path.of("src/bench/python/ep_mnist_peer.py");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--no-peer" -> peer = false;
                case "--no-write" -> write = false;
                case "--quick" -> quick = true;
                case "--force" -> force = true;
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--cases" -> only = args[++i];
                case "--python" -> python = args[++i];
                case "--peer-script" -> script = Path.of(args[++i]);
                case "--profile" -> profileRepeats = i + 1 < args.length && args[i + 1].matches("\\d+")
                        ? Integer.parseInt(args[++i]) : 200;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; use --rounds N, --seconds S, "
                        + "--cases b50,b1,b16,b128,deep, --force, --no-peer, --no-write, --quick, --python PATH, "
                        + "--peer-script PATH, --profile [REPEATS]");
            }
        }
        if (quick) {
            rounds = Math.min(rounds, 3);
            seconds = Math.min(seconds, 0.3);
        }
        if (rounds < 5 && write && !quick) {
            throw new IllegalArgumentException("a row needs at least 5 interleaved rounds per side, got --rounds " + rounds);
        }
        if (peer && !Files.exists(script)) {
            throw new IllegalArgumentException("peer script " + script.toAbsolutePath() + " not found: run from the project "
                    + "root or pass --peer-script PATH (or --no-peer)");
        }
        if (profileRepeats > 0) {
            profile(only, profileRepeats);
            return;
        }
        int threads = Parallel.threads();
        LoadGate gate = new LoadGate(threads);
        LoadStamp load0 = LoadStamp.now();
        System.out.println("EpBench: " + FloatKernels.get().name() + " kernels, " + threads + " threads, "
                + EpBenchMachine.cpu() + ", load " + load0 + " (rows need load ≤ " + gate.limit() + ")");
        if (threads == 1 && !"1".equals(System.getenv("OMP_NUM_THREADS"))) {
            System.out.println("note: set OMP_NUM_THREADS=1 so that ND4J's sgemm peak is a one-core peak too");
        }
        SgemmPeak sgemmStart = SgemmPeak.measure(1024, quick ? 2 : 5);
        System.out.println(sgemmStart);
        Splits mnist = Datasets.mnist();
        EpRecipe one = EpPresets.laborieux2021Mnist();
        EpRecipe two = EpPresets.laborieux2021MnistTwoHidden();
        String suffix = threads == 1 ? "-1thread" : "";
        List<Case> cases = cases(one, two, suffix);
        List<String> wanted = List.of(only.split(","));
        int[] peerThreads = threads == 1 ? new int[] {1} : new int[] {1, threads};
        List<Measured> measured = new ArrayList<>();
        for (Case c : cases) {
            if (wanted.contains(c.key())) {
                measured.add(measure(c, mnist, peer, python, script, peerThreads, rounds, seconds, quick));
            }
        }
        // the peak is measured before and after the cases; the better of the two is the reference
        SgemmPeak sgemmEnd = SgemmPeak.measure(1024, quick ? 2 : 5);
        System.out.println(sgemmEnd);
        SgemmPeak sgemm = sgemmEnd.peakGflops() > sgemmStart.peakGflops() ? sgemmEnd : sgemmStart;
        List<BenchmarkRow> rows = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%-52s %18s %18s %7s %7s %8s %8s  %s%n", "case", "ours best/median", "peer best/median",
                "ratio", "limit%", "s/epoch", "RSS MiB", "load start → end");
        for (Measured m : measured) {
            Case c = m.c();
            double ours = m.ours().best();
            double peerRate = m.peerBest();
            double frac = m.profile().flopsPerBatch() * ours / c.batch() / 1e9 / sgemm.peakGflops();
            double epochSeconds = mnist.trainSet().size() / ours + m.evalSeconds();
            System.out.printf(Locale.ROOT, "%-52s %8.0f/%-9.0f %8.0f/%-9.0f %7.2f %6.1f%% %8.1f %8.0f  %s → %s%s%n", c.id(),
                    ours, m.ours().median(), peerRate, m.peerMedian(), ours / peerRate, 100 * frac, epochSeconds,
                    m.rssMib(), m.start(), m.end(), gate.refusal(m.start(), m.end()) == null ? "" : "  (under load)");
            String notes = String.format(Locale.ROOT, "%s; ours %s, peer %s samples/s (interleaved rounds of %.1f s); "
                    + "%s; fraction of the compute limit %.3f (%.1f MFLOP/batch, sgemm peak %.0f GF/s: ND4J %.0f, Java %.0f, "
                    + "%d thread%s); s/epoch %.1f (train + test eval); peak RSS ours %.0f MiB%s; %s",
                    c.recipe().config(), m.ours(), m.peerRounds(), seconds, m.peerSetting(), frac,
                    m.profile().flopsPerBatch() / 1e6, sgemm.peakGflops(), sgemm.nd4jGflops(), sgemm.javaGflops(), threads,
                    threads == 1 ? "" : "s", epochSeconds, m.rssMib(), m.peerRss(), gate.stamp(m.start(), m.end()));
            String why = gate.refusal(m.start(), m.end());
            if (why == null && m.profile().bytesPerBatch() > BOXING_BYTES) {
                // the kernels allocate nothing per step; megabytes per batch mean the JIT left vectors boxed
                why = String.format(Locale.ROOT, "our side allocated %.1f MB per batch: the JIT left Vector API values boxed "
                        + "(a compilation-order accident), so our rate is understated; rerun", m.profile().bytesPerBatch() / 1e6);
                notes = "OURS DEGRADED (--force): " + why + "; " + notes;
            }
            if (why == null && m.peerHandicap() != null) {
                why = m.peerHandicap();
                notes = "PEER HANDICAPPED (--force): " + why + "; " + notes;
            }
            if (why != null && !force) {
                System.out.println("    not writing " + c.id() + ": " + why + " (rerun on a quiet machine, or --force to write "
                        + "it marked as measured under load)");
                continue;
            }
            rows.add(BenchmarkRow.of(c.id(), ours, peerRate, "samples/s", frac, threads, notes));
        }
        EpInputProjection.Result proj = EpInputProjection.measure(50, 784, 500, quick ? 50 : 200);
        System.out.println(proj);
        LoadStamp loadEnd = LoadStamp.now();
        String whyEnd = gate.refusal(load0, loadEnd);
        if (whyEnd == null || force) {
            String stamp = gate.stamp(load0, loadEnd);
            rows.add(BenchmarkRow.of("ep-input-projection-b50-784x500" + suffix, proj.javaGflops(), proj.nd4jGflops(),
                    "GFLOP/s", proj.javaGflops() / sgemm.peakGflops(), threads, "peer column = ND4J Nd4j.gemm incl. copies "
                    + "in/out; ours = transposed batch + Java Vector-API W·Xᵀ kernel + transpose back (W not transposed); " + stamp));
            rows.add(BenchmarkRow.of("sgemm-peak-1024" + suffix, sgemm.javaGflops(), sgemm.nd4jGflops(), "GFLOP/s",
                    sgemm.javaGflops() / sgemm.peakGflops(), threads, "ours = Java Vector-API kernels, peer column = ND4J; "
                    + stamp));
        } else {
            System.out.println("not writing the sgemm and projection rows: " + whyEnd);
        }
        if (write && !quick) {
            ResultsCsv csv = ResultsCsv.inProject();
            rows.forEach(csv::record);
            System.out.println("wrote " + rows.size() + " rows to " + csv.directory().resolve("benchmarks.csv"));
        } else if (quick && write) {
            System.out.println("--quick: nothing written");
        }
        System.out.println("load at start " + load0 + ", at end " + loadEnd);
    }

    /** {@code --profile}: the split of one batch per selected case and its fraction of the sgemm peak, nothing written. */
    private static void profile(String only, int repeats) {
        LoadStamp load0 = LoadStamp.now();
        System.out.println("EpBench --profile: " + FloatKernels.get().name() + " kernels, " + Parallel.threads()
                + " threads, " + EpBenchMachine.cpu() + ", load " + load0 + " (guidance only: min of " + repeats
                + " repeats per part)");
        Splits mnist = Datasets.mnist();
        List<String> wanted = List.of(only.split(","));
        List<String> lines = new ArrayList<>();
        List<EpBatchProfile> profiles = new ArrayList<>();
        for (Case c : cases(EpPresets.laborieux2021Mnist(), EpPresets.laborieux2021MnistTwoHidden(), "")) {
            if (!wanted.contains(c.key())) {
                continue;
            }
            // the two-hidden-layer net costs about twenty times more per batch
            int reps = c.key().equals("deep") ? Math.max(5, repeats / 10) : Math.max(10, repeats * 50 / Math.max(50, c.batch()));
            EpBatchProfile p = EpBatchProfile.measure(c.recipe(), c.batch(), mnist.trainSet(), reps);
            profiles.add(p);
            lines.add(c.key() + " (" + c.recipe().config().architecture() + ", batch " + c.batch() + ", " + reps + " repeats): "
                    + p.describe(c.recipe().config().t1(), c.recipe().config().t2(),
                            c.recipe().config().estimator().nudgedPhases()));
        }
        SgemmPeak peak = SgemmPeak.measure(1024, 3);
        System.out.println(peak);
        for (int i = 0; i < lines.size(); i++) {
            System.out.println(lines.get(i));
            System.out.printf(Locale.ROOT, "    whole batch at %.1f%% of the sgemm peak (%.0f GFLOP/s)%n",
                    100 * profiles.get(i).peakFraction(peak.peakGflops()), peak.peakGflops());
        }
        System.out.println("load at start " + load0 + ", at end " + LoadStamp.now());
    }

    /** The five cases (keys b50, b1, b16, b128, deep) with the row-id suffix. */
    static List<Case> cases(EpRecipe one, EpRecipe two, String suffix) {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("b50", "ep-mnist-784-500-10-symmetric-b50-train" + suffix, one, 50));
        cases.add(new Case("b1", "ep-mnist-784-500-10-symmetric-b1-train" + suffix, one, 1));
        cases.add(new Case("b16", "ep-mnist-784-500-10-symmetric-b16-train" + suffix, one, 16));
        cases.add(new Case("b128", "ep-mnist-784-500-10-symmetric-b128-train" + suffix, one, 128));
        cases.add(new Case("deep", "ep-mnist-784-500-500-10-symmetric-b50-train" + suffix, two, 50));
        return cases;
    }

    /** A case's measurements. */
    record Measured(Case c, Rounds ours, Rounds[] peers, int[] peerThreads, EpBatchProfile profile, double evalSeconds,
            double rssMib, String peerRss, String peerBlas, String peerHandicap, LoadStamp start, LoadStamp end) {

        int bestPeer() {
            int b = -1;
            for (int i = 0; i < peers.length; i++) {
                if (b < 0 || peers[i].best() > peers[b].best()) {
                    b = i;
                }
            }
            return b;
        }

        double peerBest() {
            return peers.length == 0 ? Double.NaN : peers[bestPeer()].best();
        }

        double peerMedian() {
            return peers.length == 0 ? Double.NaN : peers[bestPeer()].median();
        }

        String peerRounds() {
            return peers.length == 0 ? "-" : peers[bestPeer()].toString();
        }

        String peerSetting() {
            if (peers.length == 0) {
                return "no peer";
            }
            StringBuilder sb = new StringBuilder("peer " + EpPeer.describe(peerThreads[bestPeer()]) + ", BLAS " + peerBlas);
            for (int i = 0; i < peers.length; i++) {
                sb.append(i == 0 ? " (" : ", ").append(peerThreads[i]).append(" thread: ").append(peers[i]);
            }
            return sb.append(")").toString();
        }
    }

    private static Measured measure(Case c, Splits mnist, boolean peer, String python, Path script, int[] peerThreads,
            int rounds, double seconds, boolean quick) {
        LoadStamp start = LoadStamp.now();
        EpThroughput ours = new EpThroughput(c.recipe(), c.batch(), mnist);
        List<PeerProcess> peers = new ArrayList<>();
        if (peer) {
            for (int t : peerThreads) {
                peers.add(EpPeer.start(python, script, c.recipe(), c.batch(), t));
            }
        }
        Rounds mine = new Rounds();
        Rounds[] theirs = new Rounds[peers.size()];
        for (int i = 0; i < theirs.length; i++) {
            theirs[i] = new Rounds();
        }
        for (int r = 0; r < rounds; r++) {
            mine.add(ours.round(seconds));
            for (int i = 0; i < peers.size(); i++) {
                theirs[i].add(PeerProcess.number(peers.get(i).run(seconds), "samples_per_sec"));
            }
        }
        StringBuilder rss = new StringBuilder();
        String blas = peers.isEmpty() ? "-" : peers.get(0).blas();
        String handicap = peers.isEmpty() ? null : peers.get(0).handicap();
        for (PeerProcess p : peers) {
            p.close();
            String last = p.transcript();
            if (last.contains("max_rss_kb")) {
                rss.append(String.format(Locale.ROOT, ", peer %d thread %.0f MiB", p.threads(),
                        PeerProcess.number(last.substring(last.lastIndexOf('{')), "max_rss_kb") / 1024.0));
            }
        }
        double rssMib = ours.peakRssMib();
        double eval = ours.evalSeconds(mnist);
        // about 2 s of profile: each repeat costs about two batches
        double batchSeconds = c.batch() / mine.best();
        int repeats = quick ? 10 : (int) Math.max(10, Math.min(400, 2.0 / (2 * batchSeconds)));
        EpBatchProfile profile = EpBatchProfile.measure(c.recipe(), c.batch(), mnist.trainSet(), repeats);
        LoadStamp end = LoadStamp.now();
        int[] pt = peer ? peerThreads : new int[0];
        Measured m = new Measured(c, mine, theirs, pt, profile, eval, rssMib, rss.toString(), blas, handicap, start, end);
        System.out.println(c.id() + ": ours " + mine + ", " + m.peerSetting() + "; load " + start + " → " + end);
        System.out.println("    " + profile.describe(c.recipe().config().t1(), c.recipe().config().t2(),
                c.recipe().config().estimator().nudgedPhases()));
        return m;
    }

    /** The input layer size of a recipe (for the peer's arguments). */
    static int[] hidden(EpRecipe r) {
        Architecture a = r.config().architecture();
        int[] d = a.dense();
        return java.util.Arrays.copyOf(d, d.length - 1);
    }

    /** Copies {@code n} consecutive samples from {@code from} into a batch. */
    static Batch slice(Dataset d, int from, int n) {
        float[] x = new float[n * d.featureCount()];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int s = (from + i) % d.size();
            System.arraycopy(d.features(), s * d.featureCount(), x, i * d.featureCount(), d.featureCount());
            y[i] = d.label(s);
        }
        return new Batch(x, y, n, d.featureCount());
    }
}
