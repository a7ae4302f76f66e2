package org.plasticity.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Iterator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class Nd4jBatchesTest {

    @Test
    void batchesLandInReusedBuffersWithShortLastBatchAsView() {
        Dataset d = TestFiles.synthetic("d", 7, new int[] {3}, 3, 1);
        INDArray x = Nd4jBatches.featureBuffer(4, 3);
        INDArray y = Nd4jBatches.oneHotBuffer(4, 3);
        Iterator<Batch> it = d.batchesInOrder(4).iterator();
        Batch b1 = it.next();
        assertSame(x, Nd4jBatches.features(b1, x));
        assertEquals(d.features()[5], x.getFloat(1, 2));
        INDArray y1 = Nd4jBatches.oneHot(b1, y);
        assertArrayEquals(new float[] {0, 1, 0}, y1.getRow(1).toFloatVector());
        Batch b2 = it.next();
        INDArray xv = Nd4jBatches.features(b2, x);
        assertArrayEquals(new long[] {3, 3}, xv.shape());
        assertEquals(d.features()[6 * 3 + 1], xv.getFloat(2, 1));
        assertThrows(IllegalArgumentException.class, () -> Nd4jBatches.features(b1, Nd4jBatches.featureBuffer(2, 3)));
    }
}
