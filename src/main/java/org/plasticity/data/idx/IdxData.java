package org.plasticity.data.idx;

import java.nio.file.Path;
import java.util.Arrays;
import org.plasticity.data.DataFileException;

/**
 * A parsed IDX file of unsigned bytes (the format of MNIST, Fashion-MNIST and KMNIST): magic
 * {@code 00 00 08 D} (type 0x08 = ubyte, D dimensions), D big-endian 32-bit sizes, then the
 * values row-major. The bytes are not copied.
 *
 * @param source the file it came from (named in errors)
 * @param dims the dimension sizes
 * @param bytes the whole file content (header included)
 * @param dataOffset index of the first value in {@code bytes}
 */
public record IdxData(Path source, int[] dims, byte[] bytes, int dataOffset) {

    /** IDX type code of unsigned bytes. */
    public static final int TYPE_UBYTE = 0x08;

    /**
     * Checks the IDX magic number (two zero bytes, then the value type 0x08): content that is not
     * IDX at all, such as an HTML page saved under the file's name, is reported as "not an IDX file".
     *
     * @param source the file, named in errors
     * @param content decompressed bytes
     * @param fix the command that replaces a bad file
     * @throws DataFileException when the content does not start like an IDX file
     */
    public static void checkMagic(Path source, byte[] content, String fix) {
        if (content.length >= 1 && content[0] != 0 || content.length >= 2 && content[1] != 0) {
            String head = new String(content, 0, Math.min(content.length, 64), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .stripLeading().toLowerCase(java.util.Locale.ROOT);
            String kind = head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<")
                    ? " (it looks like an HTML page, e.g. an error or login page saved in its place)" : "";
            throw new DataFileException(source, String.format("not an IDX file: magic number starts %02x %02x, expected 00 00%s",
                    content[0] & 0xff, content.length > 1 ? content[1] & 0xff : 0, kind), fix);
        }
    }

    /**
     * Parses and validates the header of decompressed IDX content.
     *
     * @param source the file, named in errors
     * @param content the decompressed bytes
     * @param fix the command that replaces a bad file, quoted in errors
     * @throws DataFileException on a wrong magic number, an unsupported type, or a length that does
     *     not match the header (truncated or trailing bytes)
     */
    public static IdxData parse(Path source, byte[] content, String fix) {
        checkMagic(source, content, fix);
        if (content.length < 4) {
            throw new DataFileException(source, "truncated: " + content.length + " bytes, too short for an IDX header", fix);
        }
        if (content[0] != 0 || content[1] != 0) {
            throw new DataFileException(source, String.format("not an IDX file: magic number starts %02x %02x, expected 00 00",
                    content[0] & 0xff, content[1] & 0xff), fix);
        }
        int type = content[2] & 0xff;
        if (type != TYPE_UBYTE) {
            throw new DataFileException(source, String.format("unsupported IDX value type 0x%02x, expected 0x08 (unsigned byte)", type), fix);
        }
        int d = content[3] & 0xff;
        if (d < 1 || d > 4) {
            throw new DataFileException(source, "IDX header declares " + d + " dimensions, expected 1 to 4", fix);
        }
        int offset = 4 + 4 * d;
        if (content.length < offset) {
            throw new DataFileException(source, "truncated: " + content.length + " bytes, the header alone needs " + offset, fix);
        }
        int[] dims = new int[d];
        long n = 1;
        for (int i = 0; i < d; i++) {
            int p = 4 + 4 * i;
            dims[i] = ((content[p] & 0xff) << 24) | ((content[p + 1] & 0xff) << 16) | ((content[p + 2] & 0xff) << 8) | (content[p + 3] & 0xff);
            if (dims[i] <= 0) {
                throw new DataFileException(source, "IDX dimension " + i + " has size " + dims[i], fix);
            }
            n *= dims[i];
        }
        long expected = offset + n;
        if (content.length < expected) {
            throw new DataFileException(source, "truncated: " + content.length + " of " + expected + " bytes for dimensions "
                    + Arrays.toString(dims), fix);
        }
        if (content.length > expected) {
            throw new DataFileException(source, (content.length - expected) + " unexpected trailing bytes after "
                    + Arrays.toString(dims) + " values", fix);
        }
        return new IdxData(source, dims, content, offset);
    }

    /** Number of values. */
    public int valueCount() {
        return bytes.length - dataOffset;
    }

    /** Value {@code i} (row-major) as an unsigned int in [0, 255]. */
    public int value(int i) {
        return bytes[dataOffset + i] & 0xff;
    }

    /** All values mapped through {@code table[unsigned byte]} into a new float array. */
    public float[] toFloats(float[] table) {
        if (table.length != 256) {
            throw new IllegalArgumentException("lookup table must have 256 entries, got " + table.length);
        }
        float[] out = new float[valueCount()];
        byte[] b = bytes;
        int off = dataOffset;
        for (int i = 0; i < out.length; i++) {
            out[i] = table[b[off + i] & 0xff];
        }
        return out;
    }

    /** All values as ints. */
    public int[] toInts() {
        int[] out = new int[valueCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes[dataOffset + i] & 0xff;
        }
        return out;
    }

    @Override
    public String toString() {
        return "IdxData[" + source.getFileName() + ", ubyte " + Arrays.toString(dims) + "]";
    }
}
