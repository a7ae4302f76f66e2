package org.plasticity.baseline;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.plasticity.data.Splits;
import org.plasticity.testing.TestData;
import org.plasticity.train.Trainer;

/** Issue 11 §4: fewer classes than the labels is a clear error, not an ArrayIndexOutOfBoundsException. */
class SoftmaxRegressionTest {

    @Test
    void fewerClassesThanTheLabelsNamesTheLabelAndTheClassCount() {
        Splits data = TestData.blobSplits(8, 5, 0.3);
        SoftmaxRegression model = SoftmaxRegression.create(8, 3, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.create().quiet().epochs(1).batchSize(32).fit(model, data));
        assertTrue(e.getMessage().matches("label ([34]) of sample \\d+ is outside this model's 3 classes.*at least [45] .*"),
                e.getMessage());
        for (float g : model.parameters().get(0).value()) {
            assertTrue(Float.isFinite(g));
        }
    }
}
