package org.plasticity.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.baseline.SoftmaxRegression;
import org.plasticity.data.Dataset;
import org.plasticity.data.Splits;
import org.plasticity.localca.LearningRates;
import org.plasticity.localca.LocalCa;
import org.plasticity.localca.OnlineTraceLearner;
import org.plasticity.localca.model.DendriticNetwork;
import org.plasticity.localca.model.TreeConfig;
import org.plasticity.localca.rules.LocalRuleConfig;
import org.plasticity.train.optim.Adam;
import org.plasticity.train.optim.OptimizerSpec;

/** Checkpoint format v2 (typed state, named metrics) and reading the v1 files written before it. */
class CheckpointFormatTest {

    @Test
    void typedStateAndNamedMetricsRoundTripExactly(@TempDir Path dir) {
        LearnerState learner = LearnerState.builder().put("f", new float[] {1.5f, Float.MIN_VALUE, -0f})
                .put("d", new double[] {Math.PI, 1e-300}).put("i", new int[] {-1, 7, Integer.MAX_VALUE})
                .putLong("t", Long.MAX_VALUE - 3).build();
        LearnerState optimizer = LearnerState.builder().put("m.W", new float[] {0.25f}).putLong("t", 12).build();
        EpochMetrics m = new EpochMetrics(1, 0.5, 0.75, 0.6, 0.7, Double.NaN, Double.NaN, 1.25,
                Map.of("train.firing_rate", 0.125, "validation.firing_rate", 0.5));
        Checkpoint ck = new Checkpoint("fp", 1, 10, List.of(m), Map.of("W", new float[] {3f, 4f}), learner, optimizer);
        Path f = dir.resolve(Checkpoint.FILE_NAME);
        ck.save(f);
        Checkpoint back = Checkpoint.load(f);
        assertEquals(learner, back.learnerState());
        assertEquals(optimizer, back.optimizerState());
        assertEquals(LearnerState.Kind.INTS, back.learnerState().kind("i"));
        assertEquals(Long.MAX_VALUE - 3, back.learnerState().longValue("t", 0));
        assertEquals(List.of(m), back.history());
        assertEquals(0.125, back.history().get(0).metric("train.firing_rate"));
        assertArrayEquals(new float[] {3f, 4f}, back.parameters().get("W"));
    }

    @Test
    void aFutureFormatIsAClearError(@TempDir Path dir) throws IOException {
        Path f = dir.resolve(Checkpoint.FILE_NAME);
        new Checkpoint("fp", 0, 0, List.of(), Map.of(), LearnerState.EMPTY, LearnerState.EMPTY).save(f);
        byte[] b = Files.readAllBytes(f);
        b[7] = 9; // version 9
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(b, 0, b.length - 8);
        java.nio.ByteBuffer.wrap(b, b.length - 8, 8).putLong(crc.getValue());
        Files.write(f, b);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Checkpoint.load(f));
        assertTrue(e.getMessage().contains("format v9") && e.getMessage().contains("Delete"), e.getMessage());
    }

    // ---- v1 files, written by the code before typed state (commit 8de8360), resume exactly ----

    private static Splits v1Data() {
        Dataset[] parts = new Dataset[3];
        for (int s = 0; s < 3; s++) {
            int n = s == 0 ? 128 : 32;
            SplittableRandom rng = new SplittableRandom(7 + s);
            float[] x = new float[n * 12];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                y[i] = i % 3;
                for (int j = 0; j < 12; j++) {
                    x[i * 12 + j] = (float) (rng.nextDouble() * 0.5 + (j % 3 == y[i] ? 0.5 : 0));
                }
            }
            parts[s] = new Dataset("v1/" + s, x, y, new int[] {12}, 3);
        }
        return new Splits("v1-fixture", parts[0], parts[1], parts[2]);
    }

    private static TreeConfig v1Tree() {
        return TreeConfig.headline().withInputSize(12).withNeurons(3).withExcitatorySynapses(5)
                .withInhibitorySynapses(3).withClasses(3).withThreads(1)
                .withKernels(org.plasticity.tensor.FloatKernels.scalar()); // the v1 files' arithmetic (LocalCA's scalar loops)
    }

    private static void resumesLikeAnUninterruptedRun(String fixture, Supplier<Learner> make, OptimizerSpec opt,
            Path dir) throws IOException {
        Path ckDir = dir.resolve(fixture);
        Files.createDirectories(ckDir);
        try (InputStream in = CheckpointFormatTest.class.getResourceAsStream("/checkpoints/" + fixture + ".plck")) {
            Files.copy(in, ckDir.resolve(Checkpoint.FILE_NAME));
        }
        Checkpoint v1 = Checkpoint.load(ckDir.resolve(Checkpoint.FILE_NAME));
        assertTrue(v1.learnerState().isLegacy() && v1.optimizerState().isLegacy());
        assertEquals(2, v1.epochsDone());
        Trainer t = Trainer.create().quiet().epochs(3).batchSize(16).seed(5).optimizer(opt);
        Learner straight = make.get();
        TrainingRun whole = t.fit(straight, v1Data());
        Learner resumed = make.get();
        TrainingRun rest = t.checkpointDir(ckDir).fit(resumed, v1Data());
        assertEquals(2, rest.resumedAtEpoch(), fixture);
        for (int i = 0; i < straight.parameters().size(); i++) {
            assertArrayEquals(straight.parameters().get(i).value(), resumed.parameters().get(i).value(),
                    fixture + " " + straight.parameters().get(i).name());
        }
        assertEquals(whole.last().trainLoss(), rest.last().trainLoss(), 0.0, fixture);
        assertEquals(whole.last().testAccuracy(), rest.last().testAccuracy(), 0.0, fixture);
        assertEquals(straight.state(), resumed.state(), fixture + ": learner state");
        // the resumed run wrote a v2 checkpoint
        assertTrue(!Checkpoint.load(ckDir.resolve(Checkpoint.FILE_NAME)).learnerState().isLegacy());
    }

    @Test
    void version1CheckpointsOfEveryStatefulLearnerResumeExactly(@TempDir Path dir) throws IOException {
        // Adam's step counter was packed into two floats, the LocalCA EMA doubles into float pairs,
        // the online-trace indices into float bits
        resumesLikeAnUninterruptedRun("v1-softmax-adam", () -> SoftmaxRegression.create(12, 3, 1), Adam.of(0.05), dir);
        resumesLikeAnUninterruptedRun("v1-localca-5f", () -> LocalCa.local(v1Tree(), LocalRuleConfig.headline(), 3),
                LearningRates.local().optimizer(), dir);
        resumesLikeAnUninterruptedRun("v1-localca-online-trace",
                () -> new OnlineTraceLearner(DendriticNetwork.create(v1Tree(), 3), LearningRates.local(), 4),
                LearningRates.local().optimizer(), dir);
    }
}
