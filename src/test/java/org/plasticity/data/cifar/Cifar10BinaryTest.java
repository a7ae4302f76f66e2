package org.plasticity.data.cifar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.data.DataFileException;
import org.plasticity.data.Dataset;

class Cifar10BinaryTest {

    @TempDir
    Path dir;

    /** {@code n} records: label i % 10, red plane = i, green = 100, blue = pixel index % 256. */
    private static byte[] batch(int n) {
        byte[] b = new byte[n * Cifar10Binary.RECORD_BYTES];
        for (int i = 0; i < n; i++) {
            int off = i * Cifar10Binary.RECORD_BYTES;
            b[off] = (byte) (i % 10);
            for (int p = 0; p < 1024; p++) {
                b[off + 1 + p] = (byte) i;
                b[off + 1 + 1024 + p] = (byte) 100;
                b[off + 1 + 2048 + p] = (byte) p;
            }
        }
        return b;
    }

    @Test
    void readsChannelFirstUnitScaledImagesAcrossBatches() throws IOException {
        Path a = Files.write(dir.resolve("data_batch_1.bin"), batch(3));
        Path b = Files.write(dir.resolve("data_batch_2.bin"), batch(2));
        Dataset d = Cifar10Binary.read("c", List.of(a, b), "fix");
        assertEquals(5, d.size());
        assertArrayEquals(new int[] {3, 32, 32}, d.sampleShape());
        assertArrayEquals(new int[] {0, 1, 2, 0, 1}, d.labels());
        assertEquals(2 / 255f, d.features()[2 * 3072 + 5], 1e-7, "red plane of record 2");
        assertEquals(100 / 255f, d.features()[3072 + 1024 + 7], 1e-7, "green plane");
        assertEquals(77 / 255f, d.features()[2048 + 77], 1e-7, "blue plane, row-major pixel 77");
    }

    @Test
    void truncatedBatchIsRejected() throws IOException {
        byte[] full = batch(2);
        Path a = Files.write(dir.resolve("test_batch.bin"), Arrays.copyOf(full, full.length - 100));
        DataFileException e = assertThrows(DataFileException.class, () -> Cifar10Binary.read("c", List.of(a), "fix"));
        assertTrue(e.problem().contains("not a whole number of 3073-byte CIFAR records"), e.problem());
    }

    @Test
    void labelOutOfRangeIsRejected() throws IOException {
        byte[] b = batch(2);
        b[Cifar10Binary.RECORD_BYTES] = 10;
        Path a = Files.write(dir.resolve("x.bin"), b);
        assertEquals("label 10 of record 1 is outside [0, 10)",
                assertThrows(DataFileException.class, () -> Cifar10Binary.read("c", List.of(a), "fix")).problem());
    }

    @Test
    void missingBatchNamesTheFile() {
        Path p = dir.resolve("data_batch_9.bin");
        assertEquals(p, assertThrows(DataFileException.class, () -> Cifar10Binary.read("c", List.of(p), "fix")).file());
    }
}
