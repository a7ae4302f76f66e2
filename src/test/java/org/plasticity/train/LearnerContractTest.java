package org.plasticity.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.plasticity.baseline.SoftmaxRegression;
import org.plasticity.data.Batch;
import org.plasticity.data.Splits;
import org.plasticity.ep.EqProp;
import org.plasticity.ep.estimator.Estimator;
import org.plasticity.localca.LearningRates;
import org.plasticity.localca.LocalCa;
import org.plasticity.localca.OnlineTraceLearner;
import org.plasticity.localca.model.DendriticNetwork;
import org.plasticity.localca.model.TreeConfig;
import org.plasticity.localca.rules.LocalRuleConfig;
import org.plasticity.testing.TestData;
import org.plasticity.train.optim.Adam;
import org.plasticity.train.optim.OptimizerSpec;
import org.plasticity.train.optim.Sgd;

/**
 * The one contract every learner meets (issue 11 §5), run against each of them: an interrupted and resumed run equals
 * the uninterrupted run bit for bit, the learner state survives a checkpoint file exactly, and the results do not depend
 * on the thread count. A new family adds one line to {@link #subjects()}.
 */
class LearnerContractTest {

    private static final Splits DATA = TestData.blobSplits(8, 3, 0.6);

    /**
     * One learner under contract.
     *
     * @param name label
     * @param make the learner for a worker-thread count (families without a per-learner count ignore it; their
     *     count is the JVM's {@code plasticity.threads}, checked in a child JVM)
     * @param optimizer the optimizer it trains with
     */
    record Subject(String name, IntFunction<Learner> make, OptimizerSpec optimizer) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static TreeConfig tree(int threads) {
        return TreeConfig.headline().withInputSize(8).withNeurons(4).withExcitatorySynapses(4).withInhibitorySynapses(2)
                .withClasses(3).withThreads(threads);
    }

    static List<Subject> subjects() {
        Sgd sgd = Sgd.of(0.2).withMomentum(0.5);
        return List.of(
                new Subject("ep-symmetric", t -> EqProp.network(8, 12, 3).t1(10).t2(4).beta(0.5)
                        .estimator(Estimator.SYMMETRIC).build(1), sgd),
                new Subject("ep-random-sign", t -> EqProp.network(8, 12, 3).t1(10).t2(4).beta(0.5)
                        .estimator(Estimator.RANDOM_SIGN).build(1), Adam.of(0.01)),
                new Subject("bptt", t -> EqProp.network(8, 12, 3).t1(10).t2(4).buildBptt(1), sgd),
                new Subject("localca-5f", t -> LocalCa.local(tree(t), LocalRuleConfig.headline(), 2),
                        LearningRates.local().times(5).optimizer()),
                new Subject("localca-backprop", t -> LocalCa.backprop(tree(t), 2), LearningRates.backprop().optimizer()),
                new Subject("localca-online-trace", t -> new OnlineTraceLearner(DendriticNetwork.create(tree(t), 2),
                        LearningRates.local(), 4), LearningRates.local().optimizer()),
                new Subject("localca-online-trace-every-8", t -> new OnlineTraceLearner(DendriticNetwork.create(tree(t), 2),
                        LearningRates.local(), 4, 8), LearningRates.local().optimizer()),
                new Subject("point-mlp", t -> LocalCa.pointMlp(tree(t), 2), Adam.of(5e-3)),
                new Subject("softmax-regression", t -> SoftmaxRegression.create(8, 3, 1), Adam.of(0.05)),
                new Subject("gle-online", t -> org.plasticity.latent.Latent.gle(org.plasticity.latent.Latent.small(8, 3), 1), Adam.of(0.01)),
                new Subject("gle-instantaneous-learn-tau", t -> org.plasticity.latent.Latent.instantaneous(org.plasticity.latent.Latent.small(8, 3).toBuilder().learnTau(true).build(), 1), Adam.of(0.01)),
                new Subject("bptt-gru", t -> new org.plasticity.latent.baselines.GruClassifier(8, 1, 5, 3, 1), Adam.of(0.01)),
                new Subject("gle-bptt-window-4", t -> org.plasticity.latent.Latent.bptt(org.plasticity.latent.Latent.small(8, 3), 4, 1), Adam.of(0.01)),
                new Subject("ep-dendritic", t -> org.plasticity.ep.dendritic.Dendritic.ep(org.plasticity.ep.dendritic.DendriticConfig.of(8, 3, 6, 5).withBranches(4, 2), 12, 4, 0.5, 1), Adam.of(0.01)),
                new Subject("ep-dendritic-gate", t -> org.plasticity.ep.dendritic.Dendritic.ep(org.plasticity.ep.dendritic.DendriticConfig.of(8, 3, 6).withBranches(4, 2).withSparsity(org.plasticity.ep.dendritic.DendriticConfig.Sparsity.GATE), 12, 4, 0.5, 1), Adam.of(0.01)),
                new Subject("bptt-dendritic", t -> org.plasticity.ep.dendritic.Dendritic.bptt(org.plasticity.ep.dendritic.DendriticConfig.of(8, 3, 6).withBranches(4, 2).withReading(org.plasticity.ep.dendritic.DendriticConfig.Reading.FUNCTION_BRANCHES), 12, 4, 1), Adam.of(0.01)),
                new Subject("spiking-ep-random-sign", t -> org.plasticity.ep.spiking.SpikingEp.ep(org.plasticity.ep.spiking.SpikingEp.oneHidden(12, 2).withSizes(8, List.of(12), 3), 10, 4, 0.5, Estimator.RANDOM_SIGN, 1), Sgd.of(0.05)));
    }

    static Stream<Subject> all() {
        return subjects().stream();
    }

    private static Trainer trainer(Subject s) {
        return Trainer.create().quiet().epochs(3).batchSize(32).maxBatchesPerEpoch(5).seed(4).optimizer(s.optimizer());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void aResumedRunEqualsTheUninterruptedRun(Subject s, @TempDir Path dir) {
        Learner straight = s.make().apply(1);
        TrainingRun whole = trainer(s).fit(straight, DATA);

        // killed in the middle of epoch 3: the checkpoint of epoch 2 survives
        TrainingListener kill = new TrainingListener() {
            @Override
            public void onBatchEnd(TrainingSession session, StepContext ctx, BatchStats stats) {
                if (ctx.epoch() == 2 && ctx.batch() == 2) {
                    throw new IllegalStateException("simulated kill");
                }
            }
        };
        Trainer ck = trainer(s).checkpointDir(dir);
        assertThrows(IllegalStateException.class, () -> ck.listener(kill).fit(s.make().apply(1), DATA));
        Learner resumed = s.make().apply(1);
        for (Parameter p : resumed.parameters()) {
            java.util.Arrays.fill(p.value(), 0.5f); // must all be overwritten by the checkpoint
        }
        TrainingRun rest = ck.fit(resumed, DATA);
        assertEquals(2, rest.resumedAtEpoch());
        assertParametersEqual(straight, resumed, s.name());
        assertEquals(straight.state(), resumed.state(), s.name() + ": learner state");
        for (int e = 0; e < 3; e++) {
            assertEquals(whole.history().get(e).trainLoss(), rest.history().get(e).trainLoss(), 0.0, s + " epoch " + e);
            assertEquals(whole.history().get(e).testAccuracy(), rest.history().get(e).testAccuracy(), 0.0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void theStateRoundTripsThroughACheckpointFile(Subject s, @TempDir Path dir) {
        Learner a = s.make().apply(1);
        trainer(s).epochs(1).fit(a, DATA);
        Path file = dir.resolve(Checkpoint.FILE_NAME);
        Map<String, float[]> params = new LinkedHashMap<>();
        a.parameters().forEach(p -> params.put(p.name(), p.value().clone()));
        new Checkpoint("contract", 1, 5, List.of(), params, a.state(), LearnerState.EMPTY).save(file);
        Checkpoint back = Checkpoint.load(file);
        assertEquals(a.state(), back.learnerState(), s.name());

        Learner b = s.make().apply(1);
        for (Parameter p : b.parameters()) {
            System.arraycopy(back.parameters().get(p.name()), 0, p.value(), 0, p.size());
        }
        b.restoreState(back.learnerState());
        assertEquals(a.state(), b.state(), s.name() + ": restored state");
        // the next step of both is the same
        Batch batch = TestData.uniformBatch(16, 8, 3, 11);
        for (Learner l : List.of(a, b)) {
            l.parameters().forEach(Parameter::zeroGrad);
            l.computeGradients(batch, new StepContext(1, 0, 5, 3, new SplittableRandom(3)).withUpdates(() -> { }));
        }
        for (int i = 0; i < a.parameters().size(); i++) {
            assertArrayEquals(a.parameters().get(i).grad(), b.parameters().get(i).grad(), s + " " + a.parameters().get(i).name());
        }
        assertEquals(a.state(), b.state(), s.name() + ": state after one more step");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void perLearnerThreadCountsDoNotChangeResults(Subject s) {
        assertEquals(fingerprint(s, 1), fingerprint(s, 2), s.name());
    }

    @Test
    void theJvmThreadCountDoesNotChangeResults(@TempDir Path tmp) throws IOException, InterruptedException {
        // tensor.Parallel's pool size is fixed per JVM: train every subject again in a child JVM with one thread
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--add-modules", "jdk.incubator.vector", "-Dplasticity.threads=1", "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), Child.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "child JVM did not finish");
        assertEquals(0, p.exitValue(), out);
        List<String> lines = out.lines().filter(l -> l.startsWith("contract ")).toList();
        assertEquals(subjects().size(), lines.size(), out);
        for (Subject s : subjects()) {
            assertTrue(lines.contains("contract " + s.name() + " " + fingerprint(s, 2)),
                    s.name() + ": the 1-thread JVM differs\n" + out);
        }
        assertNotEquals(1, org.plasticity.tensor.Parallel.threads(), "this JVM must use more than one thread");
    }

    /** Trains 2 epochs and hashes the final parameters and the training loss bits. */
    static String fingerprint(Subject s, int threads) {
        Learner l = s.make().apply(threads);
        TrainingRun run = trainer(s).epochs(2).fit(l, DATA);
        MessageDigest sha = sha256();
        for (Parameter p : l.parameters()) {
            ByteBuffer b = ByteBuffer.allocate(4 * p.size());
            for (float v : p.value()) {
                b.putInt(Float.floatToRawIntBits(v));
            }
            sha.update(b.array());
        }
        sha.update(ByteBuffer.allocate(8).putLong(Double.doubleToLongBits(run.last().trainLoss())).array());
        return HexFormat.of().formatHex(sha.digest(), 0, 12);
    }

    private static void assertParametersEqual(Learner a, Learner b, String what) {
        for (int i = 0; i < a.parameters().size(); i++) {
            assertArrayEquals(a.parameters().get(i).value(), b.parameters().get(i).value(),
                    what + " " + a.parameters().get(i).name());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The child JVM of {@link #theJvmThreadCountDoesNotChangeResults}: prints one fingerprint per subject. */
    static final class Child {
        public static void main(String[] args) {
            if (org.plasticity.tensor.Parallel.threads() != 1) {
                throw new IllegalStateException("child must run with one thread");
            }
            for (Subject s : subjects()) {
                System.out.println("contract " + s.name() + " " + fingerprint(s, 1));
            }
        }
    }
}
