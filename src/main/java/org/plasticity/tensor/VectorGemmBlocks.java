package org.plasticity.tensor;

import jdk.incubator.vector.FloatVector;

/**
 * Generated register-blocked micro-kernels of {@link VectorFloatKernels#gemmNT} ({@code ntRxC}: R rows of A
 * against C rows of B, dot products reduced once at the end) and {@link VectorFloatKernels#gemmAB}
 * ({@code abRxV}: R rows of C × V vectors of columns; {@code abRs}: one scalar column). Every variant
 * computes an element in the same operation order. The {@code nt} blocks spill their accumulators into {@code sp}
 * (at least 16·L floats) and reduce them there ({@link VectorFloatKernels#finishNT}): passing them to a reduction method
 * that C2 does not inline would box every vector (~3 MB per step of the GLE MNIST-1D net).
 */
final class VectorGemmBlocks {

    private static final jdk.incubator.vector.VectorSpecies<Float> S = VectorFloatKernels.S;
    private static final int L = VectorFloatKernels.L;

    private VectorGemmBlocks() {
    }
    static void nt4x4(int k, int kv, float[] a, int ar0, int lda, float[] b, int br0, int ldb,
            float[] c, int c0, int ldc, boolean accumulate, float[] sp) {
        int ar1 = ar0 + lda, ar2 = ar1 + lda, ar3 = ar2 + lda;
        int br1 = br0 + ldb, br2 = br1 + ldb, br3 = br2 + ldb;
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c02 = z, c03 = z, c10 = z, c11 = z, c12 = z, c13 = z, c20 = z, c21 = z, c22 = z, c23 = z, c30 = z, c31 = z, c32 = z, c33 = z;
        for (int p = 0; p < kv; p += L) {
            FloatVector a0 = FloatVector.fromArray(S, a, ar0 + p);
            FloatVector a1 = FloatVector.fromArray(S, a, ar1 + p);
            FloatVector a2 = FloatVector.fromArray(S, a, ar2 + p);
            FloatVector a3 = FloatVector.fromArray(S, a, ar3 + p);
            FloatVector b0 = FloatVector.fromArray(S, b, br0 + p);
            c00 = a0.fma(b0, c00);
            c10 = a1.fma(b0, c10);
            c20 = a2.fma(b0, c20);
            c30 = a3.fma(b0, c30);
            FloatVector b1 = FloatVector.fromArray(S, b, br1 + p);
            c01 = a0.fma(b1, c01);
            c11 = a1.fma(b1, c11);
            c21 = a2.fma(b1, c21);
            c31 = a3.fma(b1, c31);
            FloatVector b2 = FloatVector.fromArray(S, b, br2 + p);
            c02 = a0.fma(b2, c02);
            c12 = a1.fma(b2, c12);
            c22 = a2.fma(b2, c22);
            c32 = a3.fma(b2, c32);
            FloatVector b3 = FloatVector.fromArray(S, b, br3 + p);
            c03 = a0.fma(b3, c03);
            c13 = a1.fma(b3, c13);
            c23 = a2.fma(b3, c23);
            c33 = a3.fma(b3, c33);
        }
        c00.intoArray(sp, 0 * L);
        c01.intoArray(sp, 1 * L);
        c02.intoArray(sp, 2 * L);
        c03.intoArray(sp, 3 * L);
        c10.intoArray(sp, 4 * L);
        c11.intoArray(sp, 5 * L);
        c12.intoArray(sp, 6 * L);
        c13.intoArray(sp, 7 * L);
        c20.intoArray(sp, 8 * L);
        c21.intoArray(sp, 9 * L);
        c22.intoArray(sp, 10 * L);
        c23.intoArray(sp, 11 * L);
        c30.intoArray(sp, 12 * L);
        c31.intoArray(sp, 13 * L);
        c32.intoArray(sp, 14 * L);
        c33.intoArray(sp, 15 * L);
        VectorFloatKernels.finishNT(4, 4, sp, k, kv, a, ar0, lda, b, br0, ldb, c, c0, ldc, accumulate);
    }
    static void nt4x1(int k, int kv, float[] a, int ar0, int lda, float[] b, int br0, int ldb,
            float[] c, int c0, int ldc, boolean accumulate, float[] sp) {
        int ar1 = ar0 + lda, ar2 = ar1 + lda, ar3 = ar2 + lda;
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c10 = z, c20 = z, c30 = z;
        for (int p = 0; p < kv; p += L) {
            FloatVector a0 = FloatVector.fromArray(S, a, ar0 + p);
            FloatVector a1 = FloatVector.fromArray(S, a, ar1 + p);
            FloatVector a2 = FloatVector.fromArray(S, a, ar2 + p);
            FloatVector a3 = FloatVector.fromArray(S, a, ar3 + p);
            FloatVector b0 = FloatVector.fromArray(S, b, br0 + p);
            c00 = a0.fma(b0, c00);
            c10 = a1.fma(b0, c10);
            c20 = a2.fma(b0, c20);
            c30 = a3.fma(b0, c30);
        }
        c00.intoArray(sp, 0 * L);
        c10.intoArray(sp, 1 * L);
        c20.intoArray(sp, 2 * L);
        c30.intoArray(sp, 3 * L);
        VectorFloatKernels.finishNT(4, 1, sp, k, kv, a, ar0, lda, b, br0, ldb, c, c0, ldc, accumulate);
    }
    static void nt1x4(int k, int kv, float[] a, int ar0, int lda, float[] b, int br0, int ldb,
            float[] c, int c0, int ldc, boolean accumulate, float[] sp) {
        int br1 = br0 + ldb, br2 = br1 + ldb, br3 = br2 + ldb;
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c02 = z, c03 = z;
        for (int p = 0; p < kv; p += L) {
            FloatVector a0 = FloatVector.fromArray(S, a, ar0 + p);
            FloatVector b0 = FloatVector.fromArray(S, b, br0 + p);
            c00 = a0.fma(b0, c00);
            FloatVector b1 = FloatVector.fromArray(S, b, br1 + p);
            c01 = a0.fma(b1, c01);
            FloatVector b2 = FloatVector.fromArray(S, b, br2 + p);
            c02 = a0.fma(b2, c02);
            FloatVector b3 = FloatVector.fromArray(S, b, br3 + p);
            c03 = a0.fma(b3, c03);
        }
        c00.intoArray(sp, 0 * L);
        c01.intoArray(sp, 1 * L);
        c02.intoArray(sp, 2 * L);
        c03.intoArray(sp, 3 * L);
        VectorFloatKernels.finishNT(1, 4, sp, k, kv, a, ar0, lda, b, br0, ldb, c, c0, ldc, accumulate);
    }
    static void nt1x1(int k, int kv, float[] a, int ar0, int lda, float[] b, int br0, int ldb,
            float[] c, int c0, int ldc, boolean accumulate, float[] sp) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z;
        for (int p = 0; p < kv; p += L) {
            FloatVector a0 = FloatVector.fromArray(S, a, ar0 + p);
            FloatVector b0 = FloatVector.fromArray(S, b, br0 + p);
            c00 = a0.fma(b0, c00);
        }
        c00.intoArray(sp, 0 * L);
        VectorFloatKernels.finishNT(1, 1, sp, k, kv, a, ar0, lda, b, br0, ldb, c, c0, ldc, accumulate);
    }
    static void ab4x3(int k, float alpha, float[] a, int ai0, int rs, int cs, float[] b, int bj, int ldb,
            float[] c, int c0, int ldc) {
        int ai1 = ai0 + rs, ai2 = ai1 + rs, ai3 = ai2 + rs;
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c02 = z, c10 = z, c11 = z, c12 = z, c20 = z, c21 = z, c22 = z, c30 = z, c31 = z, c32 = z;
        for (int p = 0, ap = 0, bp = bj; p < k; p++, ap += cs, bp += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + 1 * L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector a0 = FloatVector.broadcast(S, a[ai0 + ap]);
            c00 = b0.fma(a0, c00);
            c01 = b1.fma(a0, c01);
            c02 = b2.fma(a0, c02);
            FloatVector a1 = FloatVector.broadcast(S, a[ai1 + ap]);
            c10 = b0.fma(a1, c10);
            c11 = b1.fma(a1, c11);
            c12 = b2.fma(a1, c12);
            FloatVector a2 = FloatVector.broadcast(S, a[ai2 + ap]);
            c20 = b0.fma(a2, c20);
            c21 = b1.fma(a2, c21);
            c22 = b2.fma(a2, c22);
            FloatVector a3 = FloatVector.broadcast(S, a[ai3 + ap]);
            c30 = b0.fma(a3, c30);
            c31 = b1.fma(a3, c31);
            c32 = b2.fma(a3, c32);
        }
        FloatVector va = FloatVector.broadcast(S, alpha);
        c00.fma(va, FloatVector.fromArray(S, c, c0 + 0 * ldc + 0 * L)).intoArray(c, c0 + 0 * ldc + 0 * L);
        c01.fma(va, FloatVector.fromArray(S, c, c0 + 0 * ldc + 1 * L)).intoArray(c, c0 + 0 * ldc + 1 * L);
        c02.fma(va, FloatVector.fromArray(S, c, c0 + 0 * ldc + 2 * L)).intoArray(c, c0 + 0 * ldc + 2 * L);
        c10.fma(va, FloatVector.fromArray(S, c, c0 + 1 * ldc + 0 * L)).intoArray(c, c0 + 1 * ldc + 0 * L);
        c11.fma(va, FloatVector.fromArray(S, c, c0 + 1 * ldc + 1 * L)).intoArray(c, c0 + 1 * ldc + 1 * L);
        c12.fma(va, FloatVector.fromArray(S, c, c0 + 1 * ldc + 2 * L)).intoArray(c, c0 + 1 * ldc + 2 * L);
        c20.fma(va, FloatVector.fromArray(S, c, c0 + 2 * ldc + 0 * L)).intoArray(c, c0 + 2 * ldc + 0 * L);
        c21.fma(va, FloatVector.fromArray(S, c, c0 + 2 * ldc + 1 * L)).intoArray(c, c0 + 2 * ldc + 1 * L);
        c22.fma(va, FloatVector.fromArray(S, c, c0 + 2 * ldc + 2 * L)).intoArray(c, c0 + 2 * ldc + 2 * L);
        c30.fma(va, FloatVector.fromArray(S, c, c0 + 3 * ldc + 0 * L)).intoArray(c, c0 + 3 * ldc + 0 * L);
        c31.fma(va, FloatVector.fromArray(S, c, c0 + 3 * ldc + 1 * L)).intoArray(c, c0 + 3 * ldc + 1 * L);
        c32.fma(va, FloatVector.fromArray(S, c, c0 + 3 * ldc + 2 * L)).intoArray(c, c0 + 3 * ldc + 2 * L);
    }
    static void ab4x1(int k, float alpha, float[] a, int ai0, int rs, int cs, float[] b, int bj, int ldb,
            float[] c, int c0, int ldc) {
        int ai1 = ai0 + rs, ai2 = ai1 + rs, ai3 = ai2 + rs;
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c10 = z, c20 = z, c30 = z;
        for (int p = 0, ap = 0, bp = bj; p < k; p++, ap += cs, bp += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector a0 = FloatVector.broadcast(S, a[ai0 + ap]);
            c00 = b0.fma(a0, c00);
            FloatVector a1 = FloatVector.broadcast(S, a[ai1 + ap]);
            c10 = b0.fma(a1, c10);
            FloatVector a2 = FloatVector.broadcast(S, a[ai2 + ap]);
            c20 = b0.fma(a2, c20);
            FloatVector a3 = FloatVector.broadcast(S, a[ai3 + ap]);
            c30 = b0.fma(a3, c30);
        }
        FloatVector va = FloatVector.broadcast(S, alpha);
        c00.fma(va, FloatVector.fromArray(S, c, c0 + 0 * ldc + 0 * L)).intoArray(c, c0 + 0 * ldc + 0 * L);
        c10.fma(va, FloatVector.fromArray(S, c, c0 + 1 * ldc + 0 * L)).intoArray(c, c0 + 1 * ldc + 0 * L);
        c20.fma(va, FloatVector.fromArray(S, c, c0 + 2 * ldc + 0 * L)).intoArray(c, c0 + 2 * ldc + 0 * L);
        c30.fma(va, FloatVector.fromArray(S, c, c0 + 3 * ldc + 0 * L)).intoArray(c, c0 + 3 * ldc + 0 * L);
    }
    static void ab4s(int k, float alpha, float[] a, int ai0, int rs, int cs, float[] b, int bj, int ldb,
            float[] c, int c0, int ldc) {
        int ai1 = ai0 + rs, ai2 = ai1 + rs, ai3 = ai2 + rs;
        float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f;
        for (int p = 0, ap = 0, bp = bj; p < k; p++, ap += cs, bp += ldb) {
            float bv = b[bp];
            s0 = Math.fma(bv, a[ai0 + ap], s0);
            s1 = Math.fma(bv, a[ai1 + ap], s1);
            s2 = Math.fma(bv, a[ai2 + ap], s2);
            s3 = Math.fma(bv, a[ai3 + ap], s3);
        }
        c[c0 + 0 * ldc] = Math.fma(s0, alpha, c[c0 + 0 * ldc]);
        c[c0 + 1 * ldc] = Math.fma(s1, alpha, c[c0 + 1 * ldc]);
        c[c0 + 2 * ldc] = Math.fma(s2, alpha, c[c0 + 2 * ldc]);
        c[c0 + 3 * ldc] = Math.fma(s3, alpha, c[c0 + 3 * ldc]);
    }
    /**
     * The last {@code L − from} columns of a 4-row block, as one vector over the L columns that end at them: the
     * caller passes {@code bj}/{@code c0} of the first of those L columns (which overlap already finished columns),
     * the accumulators spill into {@code sp} (at least 4·L floats) and only lanes {@code from … L−1} are stored.
     * Each stored element sees the same operations in the same order as {@link #ab4s}: bit-identical.
     */
    static void ab4t(int k, float alpha, float[] a, int ai0, int rs, int cs, float[] b, int bj, int ldb,
            float[] c, int c0, int ldc, int from, float[] sp) {
        int ai1 = ai0 + rs, ai2 = ai1 + rs, ai3 = ai2 + rs;
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c10 = z, c20 = z, c30 = z;
        for (int p = 0, ap = 0, bp = bj; p < k; p++, ap += cs, bp += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            c00 = b0.fma(FloatVector.broadcast(S, a[ai0 + ap]), c00);
            c10 = b0.fma(FloatVector.broadcast(S, a[ai1 + ap]), c10);
            c20 = b0.fma(FloatVector.broadcast(S, a[ai2 + ap]), c20);
            c30 = b0.fma(FloatVector.broadcast(S, a[ai3 + ap]), c30);
        }
        c00.intoArray(sp, 0);
        c10.intoArray(sp, L);
        c20.intoArray(sp, 2 * L);
        c30.intoArray(sp, 3 * L);
        for (int q = from; q < L; q++) {
            c[c0 + q] = Math.fma(sp[q], alpha, c[c0 + q]);
            c[c0 + ldc + q] = Math.fma(sp[L + q], alpha, c[c0 + ldc + q]);
            c[c0 + 2 * ldc + q] = Math.fma(sp[2 * L + q], alpha, c[c0 + 2 * ldc + q]);
            c[c0 + 3 * ldc + q] = Math.fma(sp[3 * L + q], alpha, c[c0 + 3 * ldc + q]);
        }
    }
    /**
     * {@link #ab4t} for 8 rows (8 independent FMA chains instead of 4: the leftover columns are latency-bound with 4);
     * {@code sp} holds at least 8·L floats. Bit-identical to {@link #ab4s} per element.
     */
    static void ab8t(int k, float alpha, float[] a, int ai0, int rs, int cs, float[] b, int bj, int ldb,
            float[] c, int c0, int ldc, int from, float[] sp) {
        int ai1 = ai0 + rs, ai2 = ai1 + rs, ai3 = ai2 + rs, ai4 = ai3 + rs, ai5 = ai4 + rs, ai6 = ai5 + rs, ai7 = ai6 + rs;
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c10 = z, c20 = z, c30 = z, c40 = z, c50 = z, c60 = z, c70 = z;
        for (int p = 0, ap = 0, bp = bj; p < k; p++, ap += cs, bp += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            c00 = b0.fma(FloatVector.broadcast(S, a[ai0 + ap]), c00);
            c10 = b0.fma(FloatVector.broadcast(S, a[ai1 + ap]), c10);
            c20 = b0.fma(FloatVector.broadcast(S, a[ai2 + ap]), c20);
            c30 = b0.fma(FloatVector.broadcast(S, a[ai3 + ap]), c30);
            c40 = b0.fma(FloatVector.broadcast(S, a[ai4 + ap]), c40);
            c50 = b0.fma(FloatVector.broadcast(S, a[ai5 + ap]), c50);
            c60 = b0.fma(FloatVector.broadcast(S, a[ai6 + ap]), c60);
            c70 = b0.fma(FloatVector.broadcast(S, a[ai7 + ap]), c70);
        }
        c00.intoArray(sp, 0);
        c10.intoArray(sp, L);
        c20.intoArray(sp, 2 * L);
        c30.intoArray(sp, 3 * L);
        c40.intoArray(sp, 4 * L);
        c50.intoArray(sp, 5 * L);
        c60.intoArray(sp, 6 * L);
        c70.intoArray(sp, 7 * L);
        for (int r = 0; r < 8; r++) {
            for (int q = from, ci = c0 + r * ldc; q < L; q++) {
                c[ci + q] = Math.fma(sp[r * L + q], alpha, c[ci + q]);
            }
        }
    }
    /** The one-row form of {@link #ab4t} (bit-identical to {@link #ab1s}). */
    static void ab1t(int k, float alpha, float[] a, int ai0, int rs, int cs, float[] b, int bj, int ldb,
            float[] c, int c0, int ldc, int from, float[] sp) {
        FloatVector c00 = FloatVector.zero(S);
        for (int p = 0, ap = 0, bp = bj; p < k; p++, ap += cs, bp += ldb) {
            c00 = FloatVector.fromArray(S, b, bp).fma(FloatVector.broadcast(S, a[ai0 + ap]), c00);
        }
        c00.intoArray(sp, 0);
        for (int q = from; q < L; q++) {
            c[c0 + q] = Math.fma(sp[q], alpha, c[c0 + q]);
        }
    }
    static void ab1x3(int k, float alpha, float[] a, int ai0, int rs, int cs, float[] b, int bj, int ldb,
            float[] c, int c0, int ldc) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c02 = z;
        for (int p = 0, ap = 0, bp = bj; p < k; p++, ap += cs, bp += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + 1 * L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector a0 = FloatVector.broadcast(S, a[ai0 + ap]);
            c00 = b0.fma(a0, c00);
            c01 = b1.fma(a0, c01);
            c02 = b2.fma(a0, c02);
        }
        FloatVector va = FloatVector.broadcast(S, alpha);
        c00.fma(va, FloatVector.fromArray(S, c, c0 + 0 * L)).intoArray(c, c0 + 0 * L);
        c01.fma(va, FloatVector.fromArray(S, c, c0 + 1 * L)).intoArray(c, c0 + 1 * L);
        c02.fma(va, FloatVector.fromArray(S, c, c0 + 2 * L)).intoArray(c, c0 + 2 * L);
    }
    static void ab1x1(int k, float alpha, float[] a, int ai0, int rs, int cs, float[] b, int bj, int ldb,
            float[] c, int c0, int ldc) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z;
        for (int p = 0, ap = 0, bp = bj; p < k; p++, ap += cs, bp += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector a0 = FloatVector.broadcast(S, a[ai0 + ap]);
            c00 = b0.fma(a0, c00);
        }
        FloatVector va = FloatVector.broadcast(S, alpha);
        c00.fma(va, FloatVector.fromArray(S, c, c0 + 0 * L)).intoArray(c, c0 + 0 * L);
    }
    static void ab1s(int k, float alpha, float[] a, int ai0, int rs, int cs, float[] b, int bj, int ldb,
            float[] c, int c0, int ldc) {
        float s0 = 0f;
        for (int p = 0, ap = 0, bp = bj; p < k; p++, ap += cs, bp += ldb) {
            float bv = b[bp];
            s0 = Math.fma(bv, a[ai0 + ap], s0);
        }
        c[c0] = Math.fma(s0, alpha, c[c0]);
    }

}
