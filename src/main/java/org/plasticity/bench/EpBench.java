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
import org.plasticity.ep.EpPresets;
import org.plasticity.ep.EpRecipe;
import org.plasticity.ep.model.Architecture;
import org.plasticity.results.BenchmarkRow;
import org.plasticity.results.ResultsCsv;
import org.plasticity.tensor.FloatKernels;
import org.plasticity.tensor.Parallel;

/**
 * Benchmark of equilibrium-propagation training on real MNIST, side by side with the PyTorch peer
 * ({@code src/bench/python/ep_mnist_peer.py}, same algorithm and hyper-parameters) in the same run:
 * samples/s, seconds per epoch, GFLOP/s of the relaxation loop and overall against the sgemm peak
 * measured in this run, peak memory. Cases: the {@link EpPresets#laborieux2021Mnist()} configuration
 * (784-500-10, symmetric, T1 = 30, T2 = 10) at batch 50, 1, 16 and 128, and the 784-500-500-10 preset.
 * The peer runs with {@code OMP_WAIT_POLICY=PASSIVE} at 1 and 2 threads; its best is reported.
 * Rows go to {@code results/benchmarks.csv}.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp target/classes:target/lib/* org.plasticity.bench.EpBench
 *     [--no-peer] [--no-write] [--quick] [--python /usr/bin/python3] [--peer-script PATH]</pre>
 */
public final class EpBench {

    private EpBench() {
    }

    /** One benchmark case. */
    record Case(String id, EpRecipe recipe, int batch) {
    }

    /** A case's measurements and the load average when they ended. */
    record Measured(Case c, EpThroughput ours, EpPeer best, String load) {
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
        String python = "/usr/bin/python3";
        Path script = Path.of("src/bench/python/ep_mnist_peer.py");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--no-peer" -> peer = false;
                case "--no-write" -> write = false;
                case "--quick" -> quick = true;
                case "--python" -> python = args[++i];
                case "--peer-script" -> script = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --no-peer, --no-write, --quick, --python PATH, --peer-script PATH");
            }
        }
        if (peer && !Files.exists(script)) {
            throw new IllegalArgumentException("peer script " + script.toAbsolutePath() + " not found: run from the project "
                    + "root or pass --peer-script PATH (or --no-peer)");
        }
        String load0 = EpBenchMachine.loadAverage();
        System.out.println("EpBench: " + FloatKernels.get().name() + " kernels, " + Parallel.threads() + " threads, "
                + EpBenchMachine.cpu() + ", load average " + load0);
        SgemmPeak sgemmStart = SgemmPeak.measure(1024, quick ? 2 : 5);
        System.out.println(sgemmStart);
        Splits mnist = Datasets.mnist();
        EpRecipe one = EpPresets.laborieux2021Mnist();
        EpRecipe two = EpPresets.laborieux2021MnistTwoHidden();
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("ep-mnist-784-500-10-symmetric-b50-train", one, 50));
        cases.add(new Case("ep-mnist-784-500-10-symmetric-b1-train", one, 1));
        cases.add(new Case("ep-mnist-784-500-10-symmetric-b16-train", one, 16));
        cases.add(new Case("ep-mnist-784-500-10-symmetric-b128-train", one, 128));
        cases.add(new Case("ep-mnist-784-500-500-10-symmetric-b50-train", two, 50));
        List<BenchmarkRow> rows = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%-46s %10s %10s %7s %9s %9s %7s %8s %8s %s%n", "case", "ours/s", "peer/s", "ratio",
                "relaxGF/s", "totalGF/s", "peak%", "s/epoch", "RSS MiB", "peer setting");
        List<Measured> measured = new ArrayList<>();
        for (Case c : cases) {
            EpThroughput ours = EpThroughput.measure(c.recipe(), c.batch(), mnist, quick ? 0.5 : 1.0);
            EpPeer best = null;
            if (peer) {
                for (int threads : new int[] {1, 2}) {
                    EpPeer p = EpPeer.run(python, script, c.recipe(), c.batch(), threads, quick);
                    if (best == null || p.samplesPerSecond() > best.samplesPerSecond()) {
                        best = p;
                    }
                }
            }
            measured.add(new Measured(c, ours, best, EpBenchMachine.loadAverage()));
        }
        // the peak is measured before and after the cases; the better of the two is the reference
        SgemmPeak sgemmEnd = SgemmPeak.measure(1024, quick ? 2 : 5);
        System.out.println(sgemmEnd);
        SgemmPeak sgemm = sgemmEnd.peakGflops() > sgemmStart.peakGflops() ? sgemmEnd : sgemmStart;
        for (Measured m : measured) {
            Case c = m.c();
            EpThroughput ours = m.ours();
            EpPeer best = m.best();
            String load = m.load();
            double peerRate = best == null ? Double.NaN : best.samplesPerSecond();
            double frac = ours.relaxGflops() / sgemm.peakGflops();
            double epochSeconds = mnist.trainSet().size() / ours.samplesPerSecond() + ours.evalSeconds();
            String setting = best == null ? "-" : best.describe();
            System.out.printf(Locale.ROOT, "%-46s %10.0f %10.0f %7.2f %9.1f %9.1f %6.1f%% %8.1f %8.0f %s%n", c.id(),
                    ours.samplesPerSecond(), peerRate, ours.samplesPerSecond() / peerRate, ours.relaxGflops(),
                    ours.totalGflops(), 100 * frac, epochSeconds, ours.peakRssMib(), setting);
            System.out.println("    " + ours.breakdown());
            String notes = String.format(Locale.ROOT, "%s; s/epoch %.1f (train + test eval); relax %.1f GF/s, overall %.1f GF/s; "
                    + "peak RSS ours %.0f MiB%s; sgemm peak %.0f GF/s (ND4J %.0f, Java %.0f); load avg %s; shared 2-core machine",
                    c.recipe().config(), epochSeconds, ours.relaxGflops(), ours.totalGflops(), ours.peakRssMib(),
                    best == null ? "" : String.format(Locale.ROOT, ", peer %.0f MiB; peer %s", best.rssMib(), setting),
                    sgemm.peakGflops(), sgemm.nd4jGflops(), sgemm.javaGflops(), load);
            rows.add(BenchmarkRow.of(c.id(), ours.samplesPerSecond(), peerRate, "samples/s", frac, Parallel.threads(), notes));
        }
        EpInputProjection.Result proj = EpInputProjection.measure(50, 784, 500, quick ? 50 : 200);
        System.out.println(proj);
        rows.add(BenchmarkRow.of("ep-input-projection-b50-784x500", proj.javaGflops(), proj.nd4jGflops(), "GFLOP/s",
                proj.javaGflops() / sgemm.peakGflops(), Parallel.threads(),
                "peer column = ND4J Nd4j.gemm incl. copies in/out; ours = per-batch transpose + Java Vector-API A·B kernel"));
        rows.add(BenchmarkRow.of("sgemm-peak-1024", sgemm.javaGflops(), sgemm.nd4jGflops(), "GFLOP/s",
                sgemm.javaGflops() / sgemm.peakGflops(), Parallel.threads(), "ours = Java Vector-API kernels, peer column = ND4J"));
        if (write) {
            ResultsCsv csv = ResultsCsv.inProject();
            rows.forEach(csv::record);
            System.out.println("wrote " + rows.size() + " rows to " + csv.directory().resolve("benchmarks.csv"));
        }
        System.out.println("load average at start " + load0 + ", at end " + EpBenchMachine.loadAverage());
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
