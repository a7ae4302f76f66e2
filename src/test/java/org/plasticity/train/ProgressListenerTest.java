package org.plasticity.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.plasticity.baseline.SoftmaxRegression;
import org.plasticity.display.ConsoleDisplay;
import org.plasticity.testing.TestData;
import org.plasticity.train.listeners.ProgressListener;
import org.plasticity.train.optim.Sgd;

/** Issue 17: each console progress line shows its own epoch's numbers; no epoch is printed twice. */
class ProgressListenerTest {

    @Test
    void everyEpochLineCarriesThatEpochsMetrics() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        TrainingRun run = Trainer.create().quiet().epochs(3).batchSize(32).seed(3).optimizer(Sgd.of(0.05))
                .listener(new ProgressListener(new ConsoleDisplay(out), 0))
                .fit(SoftmaxRegression.create(8, 3, 1), TestData.blobSplits(8, 3, 1.5));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(4, lines.size(), String.join("\n", lines)); // the header, then one line per epoch
        assertTrue(lines.get(0).startsWith("epoch 1/3"), lines.get(0));
        for (int e = 1; e <= 3; e++) {
            String line = lines.get(e);
            EpochMetrics m = run.history().get(e - 1);
            assertTrue(line.startsWith("epoch " + e + "/3"), line);
            assertTrue(line.contains(String.format(Locale.ROOT, "loss %.4f", m.trainLoss())), line + " vs " + m);
            assertTrue(line.contains(String.format(Locale.ROOT, "test %.2f%%", 100 * m.testAccuracy())), line + " vs " + m);
        }
    }
}
