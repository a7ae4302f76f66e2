package org.plasticity.localca.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.data.cifar.Cifar10Binary;
import org.plasticity.localca.rules.DecoderMode;
import org.plasticity.results.Profile;
import org.plasticity.results.ReproductionRow;
import org.plasticity.experiment.Catalog;
import org.plasticity.experiment.Recipe;
import static org.junit.jupiter.api.Assertions.assertThrows;
import org.plasticity.results.Status;
import org.plasticity.train.TrainingRun;

/** The CIFAR-10 code path on small files in the real binary format (the data set is not obtainable here). */
class Cifar10_CodePathTest {

    /** Writes {@code n} records: label byte + 3072 pixel bytes, class-dependent brightness. */
    private static Path batchFile(Path dir, String name, int n, long seed) throws IOException {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] b = new byte[n * Cifar10Binary.RECORD_BYTES];
        for (int r = 0; r < n; r++) {
            int label = r % 10;
            int off = r * Cifar10Binary.RECORD_BYTES;
            b[off] = (byte) label;
            for (int p = 1; p < Cifar10Binary.RECORD_BYTES; p++) {
                boolean bright = (p / 307) == label;
                b[off + p] = (byte) (bright ? 150 + rng.nextInt(100) : rng.nextInt(60));
            }
        }
        return Files.write(dir.resolve(name), b);
    }

    @Test
    void sandboxLocalRuleTrainsOnRealFormatBatches(@TempDir Path dir) throws IOException {
        Path train = batchFile(dir, "data_batch_1.bin", 512, 1);
        Path test = batchFile(dir, Cifar10Binary.TEST_BATCH, 60, 2);
        TrainingRun run = Cifar10.train(List.of(train), List.of(test), DecoderMode.LOCAL, 40, 42);
        assertEquals(40, run.history().size());
        assertTrue(run.finalTestAccuracy() > 0.3, "class-coded brightness should be learnable: " + run);
    }

    @Test
    void notObtainableClaimsGiveRowsWithThatStatusAndNeverTrain() {
        List<Recipe> cifar = Catalog.ofPaper(org.plasticity.localca.LocalCa.PAPER).stream()
                .filter(r -> r.dataset().equals("cifar-10")).toList();
        assertEquals(8, cifar.size());
        for (Recipe r : cifar) {
            assertTrue(!r.isObtainable() && !r.isTrained(), r.id());
            List<ReproductionRow> rows = r.experiment().record(false).run().rows();
            assertEquals(1, rows.size());
            assertEquals(Status.NOT_OBTAINABLE_HERE, rows.get(0).status());
            assertEquals(Profile.FULL, rows.get(0).profile(), "a claim, whatever profile runs it");
            assertThrows(IllegalStateException.class, r::data);
        }
    }
}
