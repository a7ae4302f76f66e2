package org.plasticity.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link FloatKernels#transpose} of both implementations against the naive loop, over column splits. */
class TransposeKernelTest {

    @Test
    void transposeMatchesTheNaiveLoopOnEveryTailAndSplit() {
        SplittableRandom rng = new SplittableRandom(3);
        for (FloatKernels k : new FloatKernels[] {FloatKernels.vector(), FloatKernels.scalar()}) {
            for (int[] shape : new int[][] {{1, 1}, {10, 500}, {500, 784}, {17, 33}, {33, 17}, {16, 16}, {47, 5}}) {
                int rows = shape[0];
                int cols = shape[1];
                float[] src = new float[rows * cols];
                for (int i = 0; i < src.length; i++) {
                    src[i] = (float) rng.nextDouble();
                }
                float[] naive = new float[src.length];
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        naive[j * rows + i] = src[i * cols + j];
                    }
                }
                float[] whole = new float[src.length];
                k.transpose(rows, cols, src, whole, 0, cols);
                assertArrayEquals(naive, whole, k.name() + " " + rows + "x" + cols);
                // split over columns as Parallel.forRange would, in uneven pieces
                float[] split = new float[src.length];
                int mid = cols / 3;
                k.transpose(rows, cols, src, split, mid, cols);
                k.transpose(rows, cols, src, split, 0, mid);
                assertArrayEquals(naive, split, k.name() + " split " + rows + "x" + cols);
                float[] parallel = new float[src.length];
                Parallel.forRange(cols, 1, (j0, j1) -> k.transpose(rows, cols, src, parallel, j0, j1));
                assertArrayEquals(naive, parallel, k.name() + " parallel " + rows + "x" + cols);
            }
        }
    }

    @Test
    void outOfRangeTransposeFailsCleanly() {
        FloatKernels k = FloatKernels.vector();
        assertThrows(IndexOutOfBoundsException.class, () -> k.transpose(10, 10, new float[99], new float[100], 0, 10));
        assertThrows(IndexOutOfBoundsException.class, () -> k.transpose(10, 10, new float[100], new float[100], 0, 11));
    }
}
