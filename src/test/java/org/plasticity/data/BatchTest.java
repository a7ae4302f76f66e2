package org.plasticity.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Batch shapes: float targets, the optional time axis, slices. */
class BatchTest {

    @Test
    void theClassificationFormIsUnchanged() {
        Batch b = new Batch(new float[] {1, 2, 3, 4, 5, 6}, new int[] {0, 1}, 2, 3);
        assertEquals(Batch.classification(b.features(), b.labels(), 2, 3).featureCount(), 3);
        assertTrue(b.hasLabels());
        assertFalse(b.hasTargets() || b.hasTimeAxis());
        assertEquals(1, b.timeSteps());
        assertEquals(6f, b.get(1, 2));
    }

    @Test
    void regressionBatchesHaveFloatTargetsAndNoLabels() {
        Batch b = Batch.regression(new float[] {1, 2, 3, 4}, new float[] {0.5f, -1f, 2f, 3f}, 2, 2, 2);
        assertEquals(2f, b.target(1, 0));
        IllegalStateException e = assertThrows(IllegalStateException.class, b::labels);
        assertTrue(e.getMessage().contains("float targets only"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Batch.regression(new float[4], new float[3], 2, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> new Batch(new float[4], null, 2, 2, null, 0, 1));
    }

    @Test
    void aTimeAxisSplitsEachSampleIntoSteps() {
        float[] x = new float[2 * 3 * 4]; // 2 samples × 3 steps × 4 values
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        Batch b = new Batch(x, new int[] {0, 1}, 2, 12).withTimeSteps(3);
        assertTrue(b.hasTimeAxis());
        assertEquals(4, b.featuresPerStep());
        assertEquals(12 + 2 * 4, b.offset(1, 2));
        assertEquals(20f, b.features()[b.offset(1, 2)]);
        assertThrows(IllegalArgumentException.class, () -> b.withTimeSteps(5));
    }

    @Test
    void slicesAreExactlySizedCopies() {
        Batch b = new Batch(new float[] {1, 2, 3, 4, 5, 6, 0, 0}, new int[] {0, 1, 2, 9}, 3, 2)
                .withTargets(new float[] {7, 8, 9, 0}, 1);
        Batch s = b.slice(1, 3);
        assertArrayEquals(new float[] {3, 4, 5, 6}, s.features());
        assertArrayEquals(new int[] {1, 2}, s.labels());
        assertArrayEquals(new float[] {8, 9}, s.targets());
        s.features()[0] = -1;
        assertEquals(3f, b.features()[2], "a slice owns its arrays");
        assertEquals(3, b.copy().features().length / 2);
        assertThrows(IndexOutOfBoundsException.class, () -> b.slice(2, 4));
    }
}
