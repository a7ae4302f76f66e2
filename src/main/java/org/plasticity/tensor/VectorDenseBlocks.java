package org.plasticity.tensor;

import jdk.incubator.vector.FloatVector;

/**
 * Generated micro-kernels of {@link VectorFloatKernels#denseBoth}: {@code denseRxG} handles R rows and G
 * outputs of one dense connection in one pass over the G weight rows, accumulating both the forward dot
 * products and the transposed (top-down) product. Every variant computes an element in the same order.
 * The top-down accumulator is read from {@code bin} at {@code bi0} and written to {@code bwd} at
 * {@code bw0} (the same place, or a start value such as the input projection, which saves a copy).
 * The forward accumulators are spilled into {@code sp} (at least 8·L floats) and reduced there
 * ({@link VectorFloatKernels#sum(float[], int)}, the same tree as on the vectors): passing them to a reduction method
 * that C2 does not inline (a cold call site after the loop) would box every vector (~1 MB per EP batch of 50).
 */
final class VectorDenseBlocks {

    private static final jdk.incubator.vector.VectorSpecies<Float> S = VectorFloatKernels.S;
    private static final int L = VectorFloatKernels.L;

    private VectorDenseBlocks() {
    }
    static void dense2x4(int nIn, int nOut, int iv, float[] w, int w0, float[] x, int x0, float[] y, int y0,
            float[] fwd, int f0, float[] bwd, int bw0, float[] bin, int bi0, float[] sp) {
        int w1 = w0 + nIn, w2 = w1 + nIn, w3 = w2 + nIn;
        int x1 = x0 + nIn, bw1 = bw0 + nIn, bi1 = bi0 + nIn, y1 = y0 + nOut, f1 = f0 + nOut;
        FloatVector z = FloatVector.zero(S);
        FloatVector y00 = FloatVector.broadcast(S, y[y0 + 0]), y01 = FloatVector.broadcast(S, y[y0 + 1]), y02 = FloatVector.broadcast(S, y[y0 + 2]), y03 = FloatVector.broadcast(S, y[y0 + 3]);
        FloatVector y10 = FloatVector.broadcast(S, y[y1 + 0]), y11 = FloatVector.broadcast(S, y[y1 + 1]), y12 = FloatVector.broadcast(S, y[y1 + 2]), y13 = FloatVector.broadcast(S, y[y1 + 3]);
        FloatVector f00 = z, f01 = z, f02 = z, f03 = z, f10 = z, f11 = z, f12 = z, f13 = z;
        for (int i = 0; i < iv; i += L) {
            FloatVector x0v = FloatVector.fromArray(S, x, x0 + i);
            FloatVector b0v = FloatVector.fromArray(S, bin, bi0 + i);
            FloatVector x1v = FloatVector.fromArray(S, x, x1 + i);
            FloatVector b1v = FloatVector.fromArray(S, bin, bi1 + i);
            FloatVector w0v = FloatVector.fromArray(S, w, w0 + i);
            f00 = w0v.fma(x0v, f00);
            b0v = w0v.fma(y00, b0v);
            f10 = w0v.fma(x1v, f10);
            b1v = w0v.fma(y10, b1v);
            FloatVector w1v = FloatVector.fromArray(S, w, w1 + i);
            f01 = w1v.fma(x0v, f01);
            b0v = w1v.fma(y01, b0v);
            f11 = w1v.fma(x1v, f11);
            b1v = w1v.fma(y11, b1v);
            FloatVector w2v = FloatVector.fromArray(S, w, w2 + i);
            f02 = w2v.fma(x0v, f02);
            b0v = w2v.fma(y02, b0v);
            f12 = w2v.fma(x1v, f12);
            b1v = w2v.fma(y12, b1v);
            FloatVector w3v = FloatVector.fromArray(S, w, w3 + i);
            f03 = w3v.fma(x0v, f03);
            b0v = w3v.fma(y03, b0v);
            f13 = w3v.fma(x1v, f13);
            b1v = w3v.fma(y13, b1v);
            b0v.intoArray(bwd, bw0 + i);
            b1v.intoArray(bwd, bw1 + i);
        }
        f00.intoArray(sp, 0 * L);
        f01.intoArray(sp, 1 * L);
        f02.intoArray(sp, 2 * L);
        f03.intoArray(sp, 3 * L);
        float t00 = VectorFloatKernels.sum(sp, 0 * L), t01 = VectorFloatKernels.sum(sp, 1 * L), t02 = VectorFloatKernels.sum(sp, 2 * L), t03 = VectorFloatKernels.sum(sp, 3 * L);
        f10.intoArray(sp, 4 * L);
        f11.intoArray(sp, 5 * L);
        f12.intoArray(sp, 6 * L);
        f13.intoArray(sp, 7 * L);
        float t10 = VectorFloatKernels.sum(sp, 4 * L), t11 = VectorFloatKernels.sum(sp, 5 * L), t12 = VectorFloatKernels.sum(sp, 6 * L), t13 = VectorFloatKernels.sum(sp, 7 * L);
        for (int i = iv; i < nIn; i++) {
            float x0s = x[x0 + i];
            float b0s = bin[bi0 + i];
            float x1s = x[x1 + i];
            float b1s = bin[bi1 + i];
            float w0s = w[w0 + i];
            t00 = Math.fma(w0s, x0s, t00);
            b0s = Math.fma(w0s, y[y0 + 0], b0s);
            t10 = Math.fma(w0s, x1s, t10);
            b1s = Math.fma(w0s, y[y1 + 0], b1s);
            float w1s = w[w1 + i];
            t01 = Math.fma(w1s, x0s, t01);
            b0s = Math.fma(w1s, y[y0 + 1], b0s);
            t11 = Math.fma(w1s, x1s, t11);
            b1s = Math.fma(w1s, y[y1 + 1], b1s);
            float w2s = w[w2 + i];
            t02 = Math.fma(w2s, x0s, t02);
            b0s = Math.fma(w2s, y[y0 + 2], b0s);
            t12 = Math.fma(w2s, x1s, t12);
            b1s = Math.fma(w2s, y[y1 + 2], b1s);
            float w3s = w[w3 + i];
            t03 = Math.fma(w3s, x0s, t03);
            b0s = Math.fma(w3s, y[y0 + 3], b0s);
            t13 = Math.fma(w3s, x1s, t13);
            b1s = Math.fma(w3s, y[y1 + 3], b1s);
            bwd[bw0 + i] = b0s;
            bwd[bw1 + i] = b1s;
        }
        fwd[f0 + 0] += t00;
        fwd[f0 + 1] += t01;
        fwd[f0 + 2] += t02;
        fwd[f0 + 3] += t03;
        fwd[f1 + 0] += t10;
        fwd[f1 + 1] += t11;
        fwd[f1 + 2] += t12;
        fwd[f1 + 3] += t13;
    }
    static void dense2x2(int nIn, int nOut, int iv, float[] w, int w0, float[] x, int x0, float[] y, int y0,
            float[] fwd, int f0, float[] bwd, int bw0, float[] bin, int bi0, float[] sp) {
        int w1 = w0 + nIn;
        int x1 = x0 + nIn, bw1 = bw0 + nIn, bi1 = bi0 + nIn, y1 = y0 + nOut, f1 = f0 + nOut;
        FloatVector z = FloatVector.zero(S);
        FloatVector y00 = FloatVector.broadcast(S, y[y0 + 0]), y01 = FloatVector.broadcast(S, y[y0 + 1]);
        FloatVector y10 = FloatVector.broadcast(S, y[y1 + 0]), y11 = FloatVector.broadcast(S, y[y1 + 1]);
        FloatVector f00 = z, f01 = z, f10 = z, f11 = z;
        for (int i = 0; i < iv; i += L) {
            FloatVector x0v = FloatVector.fromArray(S, x, x0 + i);
            FloatVector b0v = FloatVector.fromArray(S, bin, bi0 + i);
            FloatVector x1v = FloatVector.fromArray(S, x, x1 + i);
            FloatVector b1v = FloatVector.fromArray(S, bin, bi1 + i);
            FloatVector w0v = FloatVector.fromArray(S, w, w0 + i);
            f00 = w0v.fma(x0v, f00);
            b0v = w0v.fma(y00, b0v);
            f10 = w0v.fma(x1v, f10);
            b1v = w0v.fma(y10, b1v);
            FloatVector w1v = FloatVector.fromArray(S, w, w1 + i);
            f01 = w1v.fma(x0v, f01);
            b0v = w1v.fma(y01, b0v);
            f11 = w1v.fma(x1v, f11);
            b1v = w1v.fma(y11, b1v);
            b0v.intoArray(bwd, bw0 + i);
            b1v.intoArray(bwd, bw1 + i);
        }
        f00.intoArray(sp, 0 * L);
        f01.intoArray(sp, 1 * L);
        float t00 = VectorFloatKernels.sum(sp, 0 * L), t01 = VectorFloatKernels.sum(sp, 1 * L);
        f10.intoArray(sp, 2 * L);
        f11.intoArray(sp, 3 * L);
        float t10 = VectorFloatKernels.sum(sp, 2 * L), t11 = VectorFloatKernels.sum(sp, 3 * L);
        for (int i = iv; i < nIn; i++) {
            float x0s = x[x0 + i];
            float b0s = bin[bi0 + i];
            float x1s = x[x1 + i];
            float b1s = bin[bi1 + i];
            float w0s = w[w0 + i];
            t00 = Math.fma(w0s, x0s, t00);
            b0s = Math.fma(w0s, y[y0 + 0], b0s);
            t10 = Math.fma(w0s, x1s, t10);
            b1s = Math.fma(w0s, y[y1 + 0], b1s);
            float w1s = w[w1 + i];
            t01 = Math.fma(w1s, x0s, t01);
            b0s = Math.fma(w1s, y[y0 + 1], b0s);
            t11 = Math.fma(w1s, x1s, t11);
            b1s = Math.fma(w1s, y[y1 + 1], b1s);
            bwd[bw0 + i] = b0s;
            bwd[bw1 + i] = b1s;
        }
        fwd[f0 + 0] += t00;
        fwd[f0 + 1] += t01;
        fwd[f1 + 0] += t10;
        fwd[f1 + 1] += t11;
    }
    static void dense2x1(int nIn, int nOut, int iv, float[] w, int w0, float[] x, int x0, float[] y, int y0,
            float[] fwd, int f0, float[] bwd, int bw0, float[] bin, int bi0, float[] sp) {
        int x1 = x0 + nIn, bw1 = bw0 + nIn, bi1 = bi0 + nIn, y1 = y0 + nOut, f1 = f0 + nOut;
        FloatVector z = FloatVector.zero(S);
        FloatVector y00 = FloatVector.broadcast(S, y[y0 + 0]);
        FloatVector y10 = FloatVector.broadcast(S, y[y1 + 0]);
        FloatVector f00 = z, f10 = z;
        for (int i = 0; i < iv; i += L) {
            FloatVector x0v = FloatVector.fromArray(S, x, x0 + i);
            FloatVector b0v = FloatVector.fromArray(S, bin, bi0 + i);
            FloatVector x1v = FloatVector.fromArray(S, x, x1 + i);
            FloatVector b1v = FloatVector.fromArray(S, bin, bi1 + i);
            FloatVector w0v = FloatVector.fromArray(S, w, w0 + i);
            f00 = w0v.fma(x0v, f00);
            b0v = w0v.fma(y00, b0v);
            f10 = w0v.fma(x1v, f10);
            b1v = w0v.fma(y10, b1v);
            b0v.intoArray(bwd, bw0 + i);
            b1v.intoArray(bwd, bw1 + i);
        }
        f00.intoArray(sp, 0 * L);
        float t00 = VectorFloatKernels.sum(sp, 0 * L);
        f10.intoArray(sp, 1 * L);
        float t10 = VectorFloatKernels.sum(sp, 1 * L);
        for (int i = iv; i < nIn; i++) {
            float x0s = x[x0 + i];
            float b0s = bin[bi0 + i];
            float x1s = x[x1 + i];
            float b1s = bin[bi1 + i];
            float w0s = w[w0 + i];
            t00 = Math.fma(w0s, x0s, t00);
            b0s = Math.fma(w0s, y[y0 + 0], b0s);
            t10 = Math.fma(w0s, x1s, t10);
            b1s = Math.fma(w0s, y[y1 + 0], b1s);
            bwd[bw0 + i] = b0s;
            bwd[bw1 + i] = b1s;
        }
        fwd[f0 + 0] += t00;
        fwd[f1 + 0] += t10;
    }
    static void dense1x4(int nIn, int nOut, int iv, float[] w, int w0, float[] x, int x0, float[] y, int y0,
            float[] fwd, int f0, float[] bwd, int bw0, float[] bin, int bi0, float[] sp) {
        int w1 = w0 + nIn, w2 = w1 + nIn, w3 = w2 + nIn;
        FloatVector z = FloatVector.zero(S);
        FloatVector y00 = FloatVector.broadcast(S, y[y0 + 0]), y01 = FloatVector.broadcast(S, y[y0 + 1]), y02 = FloatVector.broadcast(S, y[y0 + 2]), y03 = FloatVector.broadcast(S, y[y0 + 3]);
        FloatVector f00 = z, f01 = z, f02 = z, f03 = z;
        for (int i = 0; i < iv; i += L) {
            FloatVector x0v = FloatVector.fromArray(S, x, x0 + i);
            FloatVector b0v = FloatVector.fromArray(S, bin, bi0 + i);
            FloatVector w0v = FloatVector.fromArray(S, w, w0 + i);
            f00 = w0v.fma(x0v, f00);
            b0v = w0v.fma(y00, b0v);
            FloatVector w1v = FloatVector.fromArray(S, w, w1 + i);
            f01 = w1v.fma(x0v, f01);
            b0v = w1v.fma(y01, b0v);
            FloatVector w2v = FloatVector.fromArray(S, w, w2 + i);
            f02 = w2v.fma(x0v, f02);
            b0v = w2v.fma(y02, b0v);
            FloatVector w3v = FloatVector.fromArray(S, w, w3 + i);
            f03 = w3v.fma(x0v, f03);
            b0v = w3v.fma(y03, b0v);
            b0v.intoArray(bwd, bw0 + i);
        }
        f00.intoArray(sp, 0 * L);
        f01.intoArray(sp, 1 * L);
        f02.intoArray(sp, 2 * L);
        f03.intoArray(sp, 3 * L);
        float t00 = VectorFloatKernels.sum(sp, 0 * L), t01 = VectorFloatKernels.sum(sp, 1 * L), t02 = VectorFloatKernels.sum(sp, 2 * L), t03 = VectorFloatKernels.sum(sp, 3 * L);
        for (int i = iv; i < nIn; i++) {
            float x0s = x[x0 + i];
            float b0s = bin[bi0 + i];
            float w0s = w[w0 + i];
            t00 = Math.fma(w0s, x0s, t00);
            b0s = Math.fma(w0s, y[y0 + 0], b0s);
            float w1s = w[w1 + i];
            t01 = Math.fma(w1s, x0s, t01);
            b0s = Math.fma(w1s, y[y0 + 1], b0s);
            float w2s = w[w2 + i];
            t02 = Math.fma(w2s, x0s, t02);
            b0s = Math.fma(w2s, y[y0 + 2], b0s);
            float w3s = w[w3 + i];
            t03 = Math.fma(w3s, x0s, t03);
            b0s = Math.fma(w3s, y[y0 + 3], b0s);
            bwd[bw0 + i] = b0s;
        }
        fwd[f0 + 0] += t00;
        fwd[f0 + 1] += t01;
        fwd[f0 + 2] += t02;
        fwd[f0 + 3] += t03;
    }
    static void dense1x2(int nIn, int nOut, int iv, float[] w, int w0, float[] x, int x0, float[] y, int y0,
            float[] fwd, int f0, float[] bwd, int bw0, float[] bin, int bi0, float[] sp) {
        int w1 = w0 + nIn;
        FloatVector z = FloatVector.zero(S);
        FloatVector y00 = FloatVector.broadcast(S, y[y0 + 0]), y01 = FloatVector.broadcast(S, y[y0 + 1]);
        FloatVector f00 = z, f01 = z;
        for (int i = 0; i < iv; i += L) {
            FloatVector x0v = FloatVector.fromArray(S, x, x0 + i);
            FloatVector b0v = FloatVector.fromArray(S, bin, bi0 + i);
            FloatVector w0v = FloatVector.fromArray(S, w, w0 + i);
            f00 = w0v.fma(x0v, f00);
            b0v = w0v.fma(y00, b0v);
            FloatVector w1v = FloatVector.fromArray(S, w, w1 + i);
            f01 = w1v.fma(x0v, f01);
            b0v = w1v.fma(y01, b0v);
            b0v.intoArray(bwd, bw0 + i);
        }
        f00.intoArray(sp, 0 * L);
        f01.intoArray(sp, 1 * L);
        float t00 = VectorFloatKernels.sum(sp, 0 * L), t01 = VectorFloatKernels.sum(sp, 1 * L);
        for (int i = iv; i < nIn; i++) {
            float x0s = x[x0 + i];
            float b0s = bin[bi0 + i];
            float w0s = w[w0 + i];
            t00 = Math.fma(w0s, x0s, t00);
            b0s = Math.fma(w0s, y[y0 + 0], b0s);
            float w1s = w[w1 + i];
            t01 = Math.fma(w1s, x0s, t01);
            b0s = Math.fma(w1s, y[y0 + 1], b0s);
            bwd[bw0 + i] = b0s;
        }
        fwd[f0 + 0] += t00;
        fwd[f0 + 1] += t01;
    }
    static void dense1x1(int nIn, int nOut, int iv, float[] w, int w0, float[] x, int x0, float[] y, int y0,
            float[] fwd, int f0, float[] bwd, int bw0, float[] bin, int bi0, float[] sp) {
        FloatVector z = FloatVector.zero(S);
        FloatVector y00 = FloatVector.broadcast(S, y[y0 + 0]);
        FloatVector f00 = z;
        for (int i = 0; i < iv; i += L) {
            FloatVector x0v = FloatVector.fromArray(S, x, x0 + i);
            FloatVector b0v = FloatVector.fromArray(S, bin, bi0 + i);
            FloatVector w0v = FloatVector.fromArray(S, w, w0 + i);
            f00 = w0v.fma(x0v, f00);
            b0v = w0v.fma(y00, b0v);
            b0v.intoArray(bwd, bw0 + i);
        }
        f00.intoArray(sp, 0 * L);
        float t00 = VectorFloatKernels.sum(sp, 0 * L);
        for (int i = iv; i < nIn; i++) {
            float x0s = x[x0 + i];
            float b0s = bin[bi0 + i];
            float w0s = w[w0 + i];
            t00 = Math.fma(w0s, x0s, t00);
            b0s = Math.fma(w0s, y[y0 + 0], b0s);
            bwd[bw0 + i] = b0s;
        }
        fwd[f0 + 0] += t00;
    }

}
