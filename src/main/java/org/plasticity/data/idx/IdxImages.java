package org.plasticity.data.idx;

import java.nio.file.Path;
import java.util.Arrays;
import org.plasticity.data.DataFileException;
import org.plasticity.data.Dataset;

/**
 * Builds a {@link Dataset} from a pair of IDX files (images {@code [n, h, w]} and labels {@code [n]}),
 * with pixels scaled from 0–255 to floats in [0, 1] (one float copy, no intermediate copies).
 */
public final class IdxImages {

    private static final float[] UNIT_SCALE = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            UNIT_SCALE[i] = i / 255f;
        }
    }

    private IdxImages() {
    }

    /**
     * Checks that {@code images} and {@code labels} describe the same samples and builds the data set.
     *
     * @param name data set name, e.g. {@code mnist/train}
     * @param images parsed image file ({@code [n, h, w]})
     * @param labels parsed label file ({@code [n]})
     * @param classCount labels must lie in {@code [0, classCount)}
     * @param fix the command that replaces bad files, quoted in errors
     * @return the data set with sample shape {@code {1, h, w}}
     * @throws DataFileException on wrong dimensions, mismatched counts or labels out of range
     */
    public static Dataset toDataset(String name, IdxData images, IdxData labels, int classCount, String fix) {
        if (images.dims().length != 3) {
            throw new DataFileException(images.source(), "expected an image file with 3 dimensions [n, height, width], found "
                    + Arrays.toString(images.dims()), fix);
        }
        if (labels.dims().length != 1) {
            throw new DataFileException(labels.source(), "expected a label file with 1 dimension [n], found "
                    + Arrays.toString(labels.dims()), fix);
        }
        int n = images.dims()[0];
        if (labels.dims()[0] != n) {
            throw new DataFileException(labels.source(), labels.dims()[0] + " labels for " + n + " images in "
                    + images.source().getFileName(), fix);
        }
        int[] y = labels.toInts();
        for (int i = 0; i < y.length; i++) {
            if (y[i] >= classCount) {
                throw new DataFileException(labels.source(), "label " + y[i] + " at index " + i + " is outside [0, "
                        + classCount + ")", fix);
            }
        }
        float[] x = images.toFloats(UNIT_SCALE);
        return new Dataset(name, x, y, new int[] {1, images.dims()[1], images.dims()[2]}, classCount);
    }

    /** Same as {@link #toDataset(String, IdxData, IdxData, int, String)} for files on disk (raw or gzipped). */
    public static Dataset read(String name, Path images, Path labels, int classCount, String fix) {
        return toDataset(name, IdxFiles.read(images, fix), IdxFiles.read(labels, fix), classCount, fix);
    }
}
