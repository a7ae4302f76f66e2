package org.plasticity.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.plasticity.baseline.SoftmaxRegression;
import org.plasticity.data.Dataset;
import org.plasticity.data.Splits;
import org.plasticity.ep.EqProp;
import org.plasticity.ep.estimator.Estimator;
import org.plasticity.ep.model.Activation;
import org.plasticity.ep.model.ConvSpec;
import org.plasticity.ep.model.Pooling;
import org.plasticity.localca.LearningRates;
import org.plasticity.localca.LocalCa;
import org.plasticity.localca.OnlineTraceLearner;
import org.plasticity.localca.model.DendriticNetwork;
import org.plasticity.localca.model.TreeConfig;
import org.plasticity.localca.rules.LocalRuleConfig;
import org.plasticity.tensor.FloatKernels;
import org.plasticity.train.EpochMetrics;
import org.plasticity.train.Learner;
import org.plasticity.train.Parameter;
import org.plasticity.train.Trainer;
import org.plasticity.train.TrainingRun;
import org.plasticity.train.optim.Adam;
import org.plasticity.train.optim.OptimizerSpec;
import org.plasticity.train.optim.Sgd;

/**
 * Golden values that hold the wave-2 refactor honest: a few smoke configurations of every model family, trained for a
 * few batches at a fixed seed on small synthetic data, must give the same final parameters and metrics as recorded in
 * {@code src/test/resources/golden/golden-values.properties}.
 *
 * <p>Per entry the file holds a SHA-256 prefix of the final parameters' float bits (names, shapes and values in
 * {@link Learner#parameters()} order), their sum and sum of squares, and the last epoch's train loss / accuracy,
 * validation accuracy and test loss / accuracy. By default an entry must match <em>bit for bit</em>. An entry may carry
 * {@code <name>.tolerance=<relative tolerance>} (plus a {@code <name>.why=} comment): then the hash is not compared and
 * the doubles must agree within that relative tolerance. Loosen an entry only when a refactor changed the arithmetic
 * order, and say why in the {@code .why} line.
 *
 * <p>LocalCA entries are run with 1 and 2 worker threads ({@code TreeConfig.withThreads}) and both must match the one
 * recorded entry. EP and LocalCA entries use the portable scalar kernels ({@code FloatKernels.scalar()}), so the values do not
 * depend on the CPU's vector width; EP's thread count is the JVM's {@code plasticity.threads} (documented not to change
 * results).
 *
 * <p>To regenerate after an intended change of results, run
 * <pre>{@code mvn -o -q -B test -Dtest=GoldenValuesTest -Dgolden.write=true}</pre>
 * which rewrites the file in the source tree (keeping every entry's {@code tolerance} and {@code why} lines) and
 * passes; commit the diff with a reason. Other refactors (package moves) only have to fix the imports and the thin
 * adapter methods at the top of this class, never the values.
 */
class GoldenValuesTest {

    private static final Path SOURCE_FILE = Path.of("src/test/resources/golden/golden-values.properties");
    private static final boolean WRITE = Boolean.getBoolean("golden.write");
    private static final Map<String, Map<String, String>> RECOMPUTED = new TreeMap<>();

    // ---- thin adapters over the public API (fix these, never the values, when packages move) ----

    private static Learner epDense(Estimator estimator, long seed) {
        return EqProp.network(20, 16, 4).kernels(FloatKernels.scalar()).t1(12).t2(4).beta(0.5).estimator(estimator)
                .build(seed);
    }

    private static Learner epConv(long seed) {
        return EqProp.network(36, 3).kernels(FloatKernels.scalar())
                .conv(new int[] {1, 6, 6}, new ConvSpec(3, 3, 1, 1, Pooling.MAX)).activation(Activation.MY_HARD_SIG)
                .t1(10).t2(4).build(seed);
    }

    private static Learner bptt(long seed) {
        return EqProp.network(20, 16, 4).kernels(FloatKernels.scalar()).t1(12).t2(4).buildBptt(seed);
    }

    private static Learner spikingEp(long seed) {
        org.plasticity.ep.spiking.SpikingConfig c = org.plasticity.ep.spiking.SpikingEp.oneHidden(16, 2).withSizes(20, List.of(16), 4);
        return new org.plasticity.ep.estimator.EquilibriumPropagation(new org.plasticity.ep.spiking.SpikingNetwork(c, seed,
                FloatKernels.scalar()), 12, 4, 0.5, Estimator.RANDOM_SIGN);
    }

    private static TreeConfig tree(int threads) {
        return TreeConfig.headline().withInputSize(30).withNeurons(4).withExcitatorySynapses(8)
                .withInhibitorySynapses(4).withClasses(3).withThreads(threads).withKernels(FloatKernels.scalar());
    }

    private static Learner localRule(int threads) {
        return LocalCa.local(tree(threads), LocalRuleConfig.headline(), 9);
    }

    private static Learner localBackprop(int threads) {
        return LocalCa.backprop(tree(threads), 9);
    }

    private static Learner onlineTrace(int threads) {
        return new OnlineTraceLearner(DendriticNetwork.create(tree(threads), 9), LearningRates.local(), 4);
    }

    private static OptimizerSpec localCaOptimizer() {
        return LearningRates.local().optimizer();
    }

    // ---- the entries ----

    private record Entry(String name, IntFunction<Learner> learner, int[] threadCounts, OptimizerSpec optimizer,
            Splits data, int epochs, int batchSize, int maxBatches) {
    }

    private static List<Entry> entries() {
        Splits dense = prototypes(20, 4, 200);
        Splits conv = prototypes(36, 3, 120);
        Splits tree = prototypes(30, 3, 256);
        Splits blobs = prototypes(8, 3, 256);
        int[] one = {1};
        int[] both = {1, 2};
        Sgd sgd = Sgd.of(0.2).withMomentum(0.5);
        return List.of(
                new Entry("ep-one-sided", t -> epDense(Estimator.ONE_SIDED, 1), one, sgd, dense, 2, 20, 5),
                new Entry("ep-symmetric", t -> epDense(Estimator.SYMMETRIC, 1), one, sgd, dense, 2, 20, 5),
                new Entry("ep-random-sign", t -> epDense(Estimator.RANDOM_SIGN, 1), one, sgd, dense, 2, 20, 5),
                new Entry("ep-conv", t -> epConv(2), one, Sgd.of(0.1).withMomentum(0.5), conv, 1, 10, 4),
                new Entry("bptt", t -> bptt(3), one, sgd, dense, 2, 20, 5),
                new Entry("localca-5f-per-soma", GoldenValuesTest::localRule, both, localCaOptimizer(), tree, 2, 32, 4),
                new Entry("localca-backprop", GoldenValuesTest::localBackprop, both,
                        LearningRates.backprop().optimizer(), tree, 2, 32, 4),
                new Entry("localca-online-trace", GoldenValuesTest::onlineTrace, both, localCaOptimizer(), tree, 2, 32, 4),
                new Entry("softmax-regression-sgd", t -> SoftmaxRegression.create(8, 3, 1), one, sgd, blobs, 2, 32, 0),
                new Entry("softmax-regression-adam", t -> SoftmaxRegression.create(8, 3, 1), one, Adam.of(0.05), blobs,
                        2, 32, 0),
                new Entry("spiking-ep-random-sign", t -> spikingEp(1), one, Sgd.of(0.05), dense, 2, 20, 5));
    }

    private static TrainingRun train(Entry e, Learner learner) {
        return Trainer.create().quiet().epochs(e.epochs()).batchSize(e.batchSize()).evalBatchSize(64).seed(11)
                .maxBatchesPerEpoch(e.maxBatches()).optimizer(e.optimizer()).fit(learner, e.data());
    }

    @TestFactory
    Stream<DynamicTest> everyFamilyReproducesItsGoldenValues() {
        Properties golden = load();
        return entries().stream().flatMap(e -> java.util.Arrays.stream(e.threadCounts())
                .mapToObj(t -> DynamicTest.dynamicTest(e.name() + " threads=" + t, () -> check(e, t, golden))));
    }

    private static void check(Entry e, int threads, Properties golden) {
        Learner learner = e.learner().apply(threads);
        TrainingRun run = train(e, learner);
        Map<String, String> values = measure(learner, run);
        synchronized (RECOMPUTED) {
            Map<String, String> before = RECOMPUTED.putIfAbsent(e.name(), values);
            if (before != null) {
                assertEquals(before, values, e.name() + ": results depend on the thread count");
            }
        }
        if (WRITE) {
            return;
        }
        String tol = golden.getProperty(e.name() + ".tolerance");
        if (golden.getProperty(e.name() + ".hash") == null) {
            fail("no golden values for " + e.name() + "; regenerate with -Dgolden.write=true (see the class Javadoc)");
        }
        double tolerance = tol == null ? 0 : Double.parseDouble(tol);
        for (Map.Entry<String, String> v : values.entrySet()) {
            String expected = golden.getProperty(e.name() + "." + v.getKey());
            if (v.getKey().equals("hash")) {
                if (tolerance == 0) {
                    assertEquals(expected, v.getValue(), e.name() + ": final parameters differ (bit level)");
                }
                continue;
            }
            double want = Double.parseDouble(expected);
            double got = Double.parseDouble(v.getValue());
            if (tolerance == 0) {
                assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(got),
                        e.name() + "." + v.getKey() + ": expected " + want + ", got " + got);
            } else {
                assertTrue(Math.abs(want - got) <= tolerance * Math.max(1, Math.abs(want)) || want == got,
                        e.name() + "." + v.getKey() + ": expected " + want + " ± " + tolerance + " (relative), got " + got);
            }
        }
    }

    private static Map<String, String> measure(Learner learner, TrainingRun run) {
        Map<String, String> m = new LinkedHashMap<>();
        MessageDigest sha = sha256();
        double sum = 0;
        double sumSq = 0;
        for (Parameter p : learner.parameters()) {
            sha.update(p.name().getBytes(StandardCharsets.UTF_8));
            ByteBuffer buf = ByteBuffer.allocate(4 * (p.shape().length + p.size()));
            for (int d : p.shape()) {
                buf.putInt(d);
            }
            for (float v : p.value()) {
                buf.putInt(Float.floatToRawIntBits(v));
                sum += v;
                sumSq += (double) v * v;
            }
            sha.update(buf.array());
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : sha.digest()) {
            hex.append(String.format(Locale.ROOT, "%02x", b));
        }
        EpochMetrics last = run.last();
        m.put("hash", hex.substring(0, 32));
        m.put("sum", Double.toString(sum));
        m.put("sumSq", Double.toString(sumSq));
        m.put("trainLoss", Double.toString(last.trainLoss()));
        m.put("trainAccuracy", Double.toString(last.trainAccuracy()));
        m.put("validationAccuracy", Double.toString(last.validationAccuracy()));
        m.put("testLoss", Double.toString(last.testLoss()));
        m.put("testAccuracy", Double.toString(last.testAccuracy()));
        return m;
    }

    @AfterAll
    static void writeIfAsked() throws IOException {
        if (!WRITE) {
            return;
        }
        Properties old = load();
        StringBuilder out = new StringBuilder("# Golden values of GoldenValuesTest (see its Javadoc). Regenerate with\n"
                + "#   mvn -o -q -B test -Dtest=GoldenValuesTest -Dgolden.write=true\n"
                + "# <entry>.tolerance=<relative> (with <entry>.why=...) loosens one entry; absent = bit-identical.\n");
        for (Map.Entry<String, Map<String, String>> e : RECOMPUTED.entrySet()) {
            out.append('\n');
            for (String extra : new String[] {"tolerance", "why"}) {
                String v = old.getProperty(e.getKey() + "." + extra);
                if (v != null) {
                    out.append(e.getKey()).append('.').append(extra).append('=').append(v).append('\n');
                }
            }
            for (Map.Entry<String, String> v : e.getValue().entrySet()) {
                out.append(e.getKey()).append('.').append(v.getKey()).append('=').append(v.getValue()).append('\n');
            }
        }
        Files.createDirectories(SOURCE_FILE.getParent());
        Files.writeString(SOURCE_FILE, out.toString(), StandardCharsets.UTF_8);
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = GoldenValuesTest.class.getResourceAsStream("/golden/golden-values.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- data: generated here (not by a shared test helper) so that helper refactors cannot move the values ----

    /** Train ({@code n}) / validation ({@code n/4}) / test ({@code n/4}) splits of noisy binary class prototypes. */
    private static Splits prototypes(int features, int classes, int n) {
        SplittableRandom proto = new SplittableRandom(1234);
        float[][] centres = new float[classes][features];
        for (float[] c : centres) {
            for (int j = 0; j < features; j++) {
                c[j] = proto.nextDouble() < 0.5 ? 0.1f : 0.9f;
            }
        }
        List<Dataset> parts = new ArrayList<>();
        String[] names = {"train", "validation", "test"};
        int[] sizes = {n, n / 4, n / 4};
        for (int s = 0; s < 3; s++) {
            SplittableRandom rng = new SplittableRandom(100 + s);
            float[] x = new float[sizes[s] * features];
            int[] y = new int[sizes[s]];
            for (int i = 0; i < sizes[s]; i++) {
                y[i] = rng.nextInt(classes);
                for (int j = 0; j < features; j++) {
                    double v = centres[y[i]][j] + 0.5 * (2 * rng.nextDouble() - 1);
                    x[i * features + j] = (float) Math.min(1, Math.max(0, v));
                }
            }
            parts.add(new Dataset("golden/" + names[s], x, y, new int[] {features}, classes));
        }
        return new Splits("golden-prototypes", parts.get(0), parts.get(1), parts.get(2));
    }
}
