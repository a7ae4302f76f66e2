package org.plasticity.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.plasticity.baseline.SoftmaxRegression;
import org.plasticity.testing.TestData;
import org.plasticity.train.Trainer;
import org.plasticity.train.TrainingRun;

/** Issue 11 §4: batch buffers are sized by min(batch, samples), in long arithmetic. */
class Dataset_BatchBuffersTest {

    private static final Dataset DATA = TestData.blobs("wide", 2000, 784, 3, 0.3, 1);

    @Test
    void aBatchLargerThanTheDataSetUsesBuffersOfTheDataSetSize() {
        for (int requested : new int[] {500_000, 3_000_000, Integer.MAX_VALUE}) {
            Batch b = DATA.batches(requested, 1).iterator().next();
            assertEquals(2000, b.size());
            assertEquals(2000 * 784, b.features().length, "buffer for batch " + requested);
            assertEquals(2000, b.labels().length);
            Batch e = DATA.batchesInOrder(requested).iterator().next();
            assertEquals(2000 * 784, e.features().length);
        }
    }

    @Test
    void trainingWithAHugeBatchSizeRunsOneBatchPerEpoch() {
        TrainingRun run = Trainer.create().quiet().epochs(2).batchSize(3_000_000).evalBatchSize(Integer.MAX_VALUE)
                .fit(SoftmaxRegression.create(784, 3, 1), new Splits("wide", DATA, DATA.head(100), DATA.head(100)));
        assertEquals(2, run.history().size());
        assertTrue(Double.isFinite(run.last().trainLoss()));
    }

    @Test
    void anImpossibleBufferIsAClearError() {
        assertEquals(6_000_000, Dataset.bufferLength("x", 3_000, 2_000));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dataset.bufferLength("mnist/train", 3_000_000, 784));
        assertTrue(e.getMessage().contains("3000000 samples × 784") && e.getMessage().contains("smaller batch size"),
                e.getMessage());
    }
}
