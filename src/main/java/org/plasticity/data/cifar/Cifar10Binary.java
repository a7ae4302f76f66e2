package org.plasticity.data.cifar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.plasticity.data.DataFileException;
import org.plasticity.data.Dataset;

/**
 * Reader of the CIFAR-10 binary format ({@code cifar-10-batches-bin/*.bin}): each record is one
 * label byte (0–9) followed by 3,072 pixel bytes, the 1,024 red values of the 32×32 image in row
 * order, then green, then blue. Pixels become floats in [0, 1], channel-first {@code {3, 32, 32}}.
 */
public final class Cifar10Binary {

    /** Bytes per record: 1 label + 3 × 32 × 32 pixels. */
    public static final int RECORD_BYTES = 1 + 3 * 32 * 32;
    /** The ten class names, in label order. */
    public static final List<String> CLASS_NAMES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
            "horse", "ship", "truck");
    /** Training batch file names in the published order. */
    public static final List<String> TRAIN_BATCHES = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
            "data_batch_4.bin", "data_batch_5.bin");
    /** Test batch file name. */
    public static final String TEST_BATCH = "test_batch.bin";

    private Cifar10Binary() {
    }

    /**
     * Reads and concatenates batch files (no checksum: the data cache verifies before calling this).
     *
     * @param name data set name
     * @param files batch files in order
     * @param fix the command that replaces bad files, quoted in errors
     * @throws DataFileException on a missing file, a length that is not whole records, or a label ≥ 10
     */
    public static Dataset read(String name, List<Path> files, String fix) {
        List<byte[]> contents = new ArrayList<>();
        for (Path f : files) {
            try {
                contents.add(Files.readAllBytes(f));
            } catch (NoSuchFileException e) {
                throw new DataFileException(f, "missing", fix, e);
            } catch (IOException e) {
                throw new DataFileException(f, "unreadable: " + e.getMessage(), fix, e);
            }
        }
        return fromBytes(name, files, contents, fix);
    }

    /**
     * Builds the data set from batch contents already in memory.
     *
     * @param files the files the contents came from (named in errors)
     */
    public static Dataset fromBytes(String name, List<Path> files, List<byte[]> contents, String fix) {
        int n = 0;
        for (int k = 0; k < contents.size(); k++) {
            byte[] c = contents.get(k);
            if (c.length == 0 || c.length % RECORD_BYTES != 0) {
                throw new DataFileException(files.get(k), c.length + " bytes is not a whole number of " + RECORD_BYTES
                        + "-byte CIFAR records (truncated or not a CIFAR-10 binary batch)", fix);
            }
            n += c.length / RECORD_BYTES;
        }
        float[] x = new float[n * (RECORD_BYTES - 1)];
        int[] y = new int[n];
        int i = 0;
        for (int k = 0; k < contents.size(); k++) {
            byte[] c = contents.get(k);
            for (int r = 0; r < c.length / RECORD_BYTES; r++, i++) {
                int off = r * RECORD_BYTES;
                int label = c[off] & 0xff;
                if (label >= 10) {
                    throw new DataFileException(files.get(k), "label " + label + " of record " + r + " is outside [0, 10)", fix);
                }
                y[i] = label;
                int base = i * (RECORD_BYTES - 1);
                for (int p = 1; p < RECORD_BYTES; p++) {
                    x[base + p - 1] = (c[off + p] & 0xff) / 255f;
                }
            }
        }
        return new Dataset(name, x, y, new int[] {3, 32, 32}, 10);
    }
}
