package org.plasticity.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.data.Batch;
import org.plasticity.data.Splits;
import org.plasticity.testing.TestData;
import org.plasticity.train.listeners.HistoryCsvWriter;
import org.plasticity.train.optim.Sgd;

/** Named metrics travel from a learner's BatchStats to EpochMetrics, the history CSV, the table and checkpoints. */
class NamedMetricsTest {

    /** Reports the mean of feature 0 per sample as "feature0" (a sum over samples) and a constant "one". */
    private static final class Reporter implements Learner {
        private final Parameter p = Parameter.of("w", new float[] {0f}, 1);

        @Override
        public List<Parameter> parameters() {
            return List.of(p);
        }

        private static BatchStats stats(Batch b) {
            double s = 0;
            for (int i = 0; i < b.size(); i++) {
                s += b.get(i, 0);
            }
            return new BatchStats(b.size() * 0.5, b.size() / 2, b.size()).with("feature0", s).with("one", b.size());
        }

        @Override
        public BatchStats computeGradients(Batch batch, StepContext ctx) {
            return stats(batch);
        }

        @Override
        public BatchStats evaluate(Batch batch) {
            return stats(batch);
        }

        @Override
        public String describe() {
            return "reporter";
        }
    }

    @Test
    void sumsOfUnequalBatchesAggregateToTheExactMean() {
        BatchStats a = new BatchStats(3, 1, 3).with("rate", 0.3); // mean 0.1 over 3
        BatchStats b = new BatchStats(1, 1, 1).with("rate", 0.9); // mean 0.9 over 1
        BatchStats all = a.plus(b);
        assertEquals(1.2 / 4, all.mean("rate"), 1e-15);
        assertEquals(1.0, all.meanLoss());
        assertEquals(0.5, all.accuracy());
        assertEquals(List.of("loss", "accuracy", "rate"), List.copyOf(all.means().keySet()));
        assertEquals(0.3 / 4, a.plus(new BatchStats(1, 0, 1)).mean("rate"), 1e-15, "missing on one side counts 0");
        assertTrue(Double.isNaN(all.mean("absent")));
        assertThrows(IllegalArgumentException.class, () -> a.with("loss", 1));
        assertThrows(IllegalArgumentException.class, () -> a.with("bad name", 1));
    }

    @Test
    void theTrainerCarriesNamedMetricsThroughHistoryCsvTableAndCheckpoint(@TempDir Path dir) throws Exception {
        Splits data = TestData.blobSplits(4, 2, 0.3);
        Path csv = dir.resolve("history.csv");
        Trainer t = Trainer.create().quiet().epochs(2).batchSize(30).seed(1).optimizer(Sgd.of(0.1));
        TrainingRun run = t.listener(new HistoryCsvWriter(csv)).checkpointDir(dir.resolve("ck")).fit(new Reporter(), data);
        EpochMetrics m = run.last();
        double expected = 0;
        for (int i = 0; i < data.validation().size(); i++) {
            expected += data.validation().features()[i * 4];
        }
        assertEquals(expected / data.validation().size(), m.metric("validation.feature0"), 1e-12);
        assertEquals(1.0, m.metric("train.one"), 0.0);
        assertEquals(1.0, m.metric("test.one"), 0.0);
        assertEquals(m.trainLoss(), m.metric("train.loss"));
        List<String> lines = Files.readAllLines(csv);
        assertEquals("epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,test_loss,test_accuracy,seconds,"
                + "test_feature0,test_one,train_feature0,train_one,validation_feature0,validation_one", lines.get(0));
        assertEquals(3, lines.size());
        assertTrue(lines.get(2).endsWith(",1.000000"), lines.get(2));
        assertTrue(run.historyTable().columnNames().contains("validation_feature0"));
        Checkpoint ck = Checkpoint.load(dir.resolve("ck").resolve(Checkpoint.FILE_NAME));
        assertEquals(run.history(), ck.history());
    }
}
