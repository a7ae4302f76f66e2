package org.plasticity.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/** Writes small files in the real formats for tests (IDX, gzip). */
public final class TestFiles {

    private TestFiles() {
    }

    /** IDX ubyte content with the given dimensions and values. */
    public static byte[] idx(int[] dims, byte[] values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(0);
        out.write(0x08);
        out.write(dims.length);
        for (int d : dims) {
            out.write(d >>> 24);
            out.write(d >>> 16);
            out.write(d >>> 8);
            out.write(d);
        }
        out.writeBytes(values);
        return out.toByteArray();
    }

    /** IDX images {@code [n, h, w]} whose pixel {@code (i, p)} is {@code (i * 7 + p) % 256}. */
    public static byte[] images(int n, int h, int w) {
        byte[] v = new byte[n * h * w];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < h * w; p++) {
                v[i * h * w + p] = (byte) ((i * 7 + p) % 256);
            }
        }
        return idx(new int[] {n, h, w}, v);
    }

    /** IDX labels {@code [n]} with label {@code i % classes}. */
    public static byte[] labels(int n, int classes) {
        byte[] v = new byte[n];
        for (int i = 0; i < n; i++) {
            v[i] = (byte) (i % classes);
        }
        return idx(new int[] {n}, v);
    }

    /** Gzip-compressed copy of {@code bytes}. */
    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A synthetic data set of {@code n} samples with the given shape; label {@code i % classes}. */
    public static Dataset synthetic(String name, int n, int[] shape, int classes, long seed) {
        int d = 1;
        for (int s : shape) {
            d *= s;
        }
        float[] x = new float[n * d];
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble();
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % classes;
        }
        return new Dataset(name, x, y, shape, classes);
    }
}
