package org.plasticity.data.idx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.data.DataFileException;
import org.plasticity.data.Dataset;
import org.plasticity.data.TestFiles;

class IdxFilesTest {

    private static final String FIX = "run the fix";

    @TempDir
    Path dir;

    @Test
    void readsRawAndGzippedIdxToTheSameValues() throws IOException {
        byte[] content = TestFiles.images(5, 4, 3);
        Path raw = Files.write(dir.resolve("img"), content);
        Path gz = Files.write(dir.resolve("img.gz"), TestFiles.gzip(content));
        IdxData a = IdxFiles.read(raw, FIX);
        IdxData b = IdxFiles.read(gz, FIX);
        assertArrayEquals(new int[] {5, 4, 3}, a.dims());
        assertArrayEquals(a.toInts(), b.toInts());
        assertEquals((2 * 7 + 5) % 256, a.value(2 * 12 + 5));
    }

    @Test
    void imagesAndLabelsBecomeAUnitScaledDataset() throws IOException {
        Path img = Files.write(dir.resolve("i"), TestFiles.images(20, 28, 28));
        Path lab = Files.write(dir.resolve("l.gz"), TestFiles.gzip(TestFiles.labels(20, 10)));
        Dataset d = IdxImages.read("t", img, lab, 10, FIX);
        assertEquals(20, d.size());
        assertArrayEquals(new int[] {1, 28, 28}, d.sampleShape());
        assertEquals(((3 * 7 + 100) % 256) / 255f, d.features()[3 * 784 + 100], 1e-7);
        assertArrayEquals(new int[] {2, 2, 2, 2, 2, 2, 2, 2, 2, 2}, d.classCounts());
        for (float v : d.features()) {
            assertTrue(v >= 0f && v <= 1f);
        }
    }

    @Test
    void missingFileNamesFileAndFix() {
        Path p = dir.resolve("nope");
        DataFileException e = assertThrows(DataFileException.class, () -> IdxFiles.read(p, FIX));
        assertTrue(e.getMessage().contains(p.toString()) && e.getMessage().contains("missing") && e.getMessage().contains(FIX), e.getMessage());
    }

    @Test
    void wrongMagicIsRejected() throws IOException {
        byte[] c = TestFiles.images(2, 2, 2);
        c[1] = 1;
        Path p = Files.write(dir.resolve("bad"), c);
        DataFileException e = assertThrows(DataFileException.class, () -> IdxFiles.read(p, FIX));
        assertTrue(e.problem().contains("not an IDX file"), e.getMessage());
    }

    @Test
    void unsupportedValueTypeIsRejected() throws IOException {
        byte[] c = TestFiles.images(2, 2, 2);
        c[2] = 0x0D;
        Path p = Files.write(dir.resolve("float"), c);
        assertTrue(assertThrows(DataFileException.class, () -> IdxFiles.read(p, FIX)).problem().contains("0x0d"));
    }

    @Test
    void truncatedRawFileReportsSizes() throws IOException {
        byte[] c = TestFiles.images(3, 4, 4);
        Path p = Files.write(dir.resolve("cut"), Arrays.copyOf(c, c.length - 5));
        DataFileException e = assertThrows(DataFileException.class, () -> IdxFiles.read(p, FIX));
        assertEquals("truncated: " + (c.length - 5) + " of " + c.length + " bytes for dimensions [3, 4, 4]", e.problem());
    }

    @Test
    void truncatedGzipStreamIsRejected() throws IOException {
        byte[] gz = TestFiles.gzip(TestFiles.images(50, 8, 8));
        Path p = Files.write(dir.resolve("cut.gz"), Arrays.copyOf(gz, gz.length / 2));
        assertTrue(assertThrows(DataFileException.class, () -> IdxFiles.read(p, FIX)).problem().startsWith("truncated gzip"));
    }

    @Test
    void trailingBytesAreRejected() throws IOException {
        byte[] c = TestFiles.images(1, 2, 2);
        Path p = Files.write(dir.resolve("long"), Arrays.copyOf(c, c.length + 3));
        assertTrue(assertThrows(DataFileException.class, () -> IdxFiles.read(p, FIX)).problem().startsWith("3 unexpected trailing"));
    }

    @Test
    void wrongDimensionsAreRejected() throws IOException {
        Path img2d = Files.write(dir.resolve("i2"), TestFiles.idx(new int[] {4, 9}, new byte[36]));
        Path img = Files.write(dir.resolve("i3"), TestFiles.images(4, 3, 3));
        Path lab = Files.write(dir.resolve("l"), TestFiles.labels(4, 2));
        Path lab5 = Files.write(dir.resolve("l5"), TestFiles.labels(5, 2));
        assertTrue(assertThrows(DataFileException.class, () -> IdxImages.read("t", img2d, lab, 10, FIX)).problem()
                .contains("3 dimensions"));
        assertTrue(assertThrows(DataFileException.class, () -> IdxImages.read("t", img, img, 10, FIX)).problem()
                .contains("1 dimension"));
        assertEquals("5 labels for 4 images in i3",
                assertThrows(DataFileException.class, () -> IdxImages.read("t", img, lab5, 10, FIX)).problem());
        Path zeroDims = Files.write(dir.resolve("z"), new byte[] {0, 0, 8, 0});
        assertTrue(assertThrows(DataFileException.class, () -> IdxFiles.read(zeroDims, FIX)).problem().contains("0 dimensions"));
    }

    @Test
    void labelOutOfRangeNamesIndexAndValue() throws IOException {
        byte[] labels = TestFiles.labels(6, 10);
        labels[8 + 4] = 12;
        Path img = Files.write(dir.resolve("i"), TestFiles.images(6, 2, 2));
        Path lab = Files.write(dir.resolve("l"), labels);
        DataFileException e = assertThrows(DataFileException.class, () -> IdxImages.read("t", img, lab, 10, FIX));
        assertEquals("label 12 at index 4 is outside [0, 10)", e.problem());
        assertEquals(lab, e.file());
    }
}
