package org.plasticity.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatKernels} on the JDK Vector API ({@code jdk.incubator.vector}), at the platform's preferred
 * vector width. Register-blocked micro-kernels: 4×4 dot-product blocks for {@code A·Bᵀ}, 4 rows × 3
 * vectors for {@code A·B}, and 2 rows × 4 outputs for the fused two-way dense product. Loaded only
 * reflectively by {@link KernelSelection}, so the rest of the library runs without the module.
 *
 * <p>Per output element the operation order is fixed (lane-wise fused multiply-adds over full vectors
 * in index order, one lane reduction, then {@link Math#fma} over the tail), so the results do not
 * depend on how rows are blocked or split across threads.
 */
final class VectorFloatKernels implements FloatKernels {

    static final VectorFloatKernels INSTANCE = new VectorFloatKernels();

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Rows of {@code B} per panel in {@link #gemmNT}: keeps a panel in L2 while all rows of A pass. */
    private static final int NT_PANEL = 64;
    /** Columns per panel in {@link #gemmAB}: three vectors. */
    private static final int AB_PANEL = 3 * L;
    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[L]);
    /** Lane rotations by L/2, L/4, ..., 1 for the fixed-order reduction tree of {@link #sum}. */
    private static final VectorShuffle<Float>[] ROTATIONS = rotations();

    @SuppressWarnings("unchecked")
    private static VectorShuffle<Float>[] rotations() {
        int n = Integer.numberOfTrailingZeros(L);
        VectorShuffle<Float>[] r = new VectorShuffle[n];
        for (int i = 0; i < n; i++) {
            int step = L >> (i + 1);
            r[i] = VectorShuffle.fromOp(S, lane -> (lane + step) % L);
        }
        return r;
    }

    /**
     * Sum of the lanes in a fixed tree order. {@code reduceLanes(ADD)} is not used because its
     * interpreted and JIT-compiled forms add the lanes in different orders, which would make results
     * depend on JIT warm-up; rotations and lane-wise adds are exact in every execution mode.
     */
    private static float sum(FloatVector v) {
        for (VectorShuffle<Float> r : ROTATIONS) {
            v = v.add(v.rearrange(r));
        }
        return v.lane(0);
    }

    /**
     * {@code exp(x)} from exact IEEE operations only (Cephes-style: {@code x = n·ln2 + r}, a degree-6
     * polynomial for {@code e^r}, {@code 2^n} assembled in the exponent bits), about 2 ulp. The Vector
     * API's own {@code EXP} is not used: its intrinsic and its fallback differ in the last bits.
     */
    private static FloatVector exp(FloatVector x) {
        x = x.max(-87.3f).min(88.7f);
        FloatVector t = x.fma(FloatVector.broadcast(S, 1.44269504088896341f), FloatVector.broadcast(S, 12582912f));
        FloatVector n = t.sub(12582912f);
        FloatVector r = n.fma(FloatVector.broadcast(S, -0.693359375f), x);
        r = n.fma(FloatVector.broadcast(S, 2.12194440e-4f), r);
        FloatVector p = FloatVector.broadcast(S, 1.9875691500e-4f);
        p = p.fma(r, FloatVector.broadcast(S, 1.3981999507e-3f));
        p = p.fma(r, FloatVector.broadcast(S, 8.3334519073e-3f));
        p = p.fma(r, FloatVector.broadcast(S, 4.1665795894e-2f));
        p = p.fma(r, FloatVector.broadcast(S, 1.6666665459e-1f));
        p = p.fma(r, FloatVector.broadcast(S, 5.0000001201e-1f));
        FloatVector y = p.fma(r.mul(r), r).add(1f);
        IntVector bits = t.reinterpretAsInts().sub(0x4B400000 - 127).lanewise(VectorOperators.LSHL, 23);
        return y.mul(bits.reinterpretAsFloats());
    }

    private VectorFloatKernels() {
    }

    @Override
    public String name() {
        return "vector-" + S.vectorBitSize();
    }

    @Override
    public void gemmNT(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
            float[] c, int cOff, int ldc, boolean accumulate) {
        int kv = S.loopBound(k);
        for (int j0 = 0; j0 < n; j0 += NT_PANEL) {
            int j1 = Math.min(n, j0 + NT_PANEL);
            int i = 0;
            for (; i + 4 <= m; i += 4) {
                int ar = aOff + i * lda;
                int j = j0;
                for (; j + 4 <= j1; j += 4) {
                    nt4x4(k, kv, a, ar, lda, b, bOff + j * ldb, ldb, c, cOff + i * ldc + j, ldc, accumulate);
                }
                for (; j < j1; j++) {
                    nt4x1(k, kv, a, ar, lda, b, bOff + j * ldb, ldb, c, cOff + i * ldc + j, ldc, accumulate);
                }
            }
            for (; i < m; i++) {
                int ar = aOff + i * lda;
                int j = j0;
                for (; j + 4 <= j1; j += 4) {
                    nt1x4(k, kv, a, ar, lda, b, bOff + j * ldb, ldb, c, cOff + i * ldc + j, ldc, accumulate);
                }
                for (; j < j1; j++) {
                    nt1x1(k, kv, a, ar, lda, b, bOff + j * ldb, ldb, c, cOff + i * ldc + j, ldc, accumulate);
                }
            }
        }
    }

    private static float tail(float s, float[] a, int ar, float[] b, int br, int kv, int k) {
        for (int p = kv; p < k; p++) {
            s = Math.fma(a[ar + p], b[br + p], s);
        }
        return s;
    }

    private static void put(float[] c, int idx, float v, boolean accumulate) {
        c[idx] = accumulate ? c[idx] + v : v;
    }

    @Override
    public void gemmAB(boolean transA, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
            float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        int rs = transA ? 1 : lda;
        int cs = transA ? lda : 1;
        for (int j0 = 0; j0 < n; j0 += AB_PANEL) {
            int j1 = Math.min(n, j0 + AB_PANEL);
            int i = 0;
            for (; i + 4 <= m; i += 4) {
                int ai = aOff + i * rs;
                int ci = cOff + i * ldc;
                int j = j0;
                if (j + 3 * L <= j1) {
                    ab4x3(k, alpha, a, ai, rs, cs, b, bOff + j, ldb, c, ci + j, ldc);
                    j += 3 * L;
                }
                for (; j + L <= j1; j += L) {
                    ab4x1(k, alpha, a, ai, rs, cs, b, bOff + j, ldb, c, ci + j, ldc);
                }
                for (; j < j1; j++) {
                    ab4s(k, alpha, a, ai, rs, cs, b, bOff + j, ldb, c, ci + j, ldc);
                }
            }
            for (; i < m; i++) {
                int ai = aOff + i * rs;
                int ci = cOff + i * ldc;
                int j = j0;
                if (j + 3 * L <= j1) {
                    ab1x3(k, alpha, a, ai, rs, cs, b, bOff + j, ldb, c, ci + j, ldc);
                    j += 3 * L;
                }
                for (; j + L <= j1; j += L) {
                    ab1x1(k, alpha, a, ai, rs, cs, b, bOff + j, ldb, c, ci + j, ldc);
                }
                for (; j < j1; j++) {
                    ab1s(k, alpha, a, ai, rs, cs, b, bOff + j, ldb, c, ci + j, ldc);
                }
            }
        }
    }

    @Override
    public void denseBoth(int rows, int nOut, int nIn, float[] w, float[] x, int xOff, float[] y, int yOff,
            float[] fwd, int fwdOff, float[] bwd, int bwdOff) {
        int iv = S.loopBound(nIn);
        int r = 0;
        for (; r + 2 <= rows; r += 2) {
            int x0 = xOff + r * nIn;
            int b0 = bwdOff + r * nIn;
            int y0 = yOff + r * nOut;
            int f0 = fwdOff + r * nOut;
            int o = 0;
            for (; o + 4 <= nOut; o += 4) {
                dense2x4(nIn, nOut, iv, w, o * nIn, x, x0, y, y0 + o, fwd, f0 + o, bwd, b0);
            }
            for (; o + 2 <= nOut; o += 2) {
                dense2x2(nIn, nOut, iv, w, o * nIn, x, x0, y, y0 + o, fwd, f0 + o, bwd, b0);
            }
            for (; o < nOut; o++) {
                dense2x1(nIn, nOut, iv, w, o * nIn, x, x0, y, y0 + o, fwd, f0 + o, bwd, b0);
            }
        }
        for (; r < rows; r++) {
            int x0 = xOff + r * nIn;
            int b0 = bwdOff + r * nIn;
            int y0 = yOff + r * nOut;
            int f0 = fwdOff + r * nOut;
            int o = 0;
            for (; o + 4 <= nOut; o += 4) {
                dense1x4(nIn, nOut, iv, w, o * nIn, x, x0, y, y0 + o, fwd, f0 + o, bwd, b0);
            }
            for (; o + 2 <= nOut; o += 2) {
                dense1x2(nIn, nOut, iv, w, o * nIn, x, x0, y, y0 + o, fwd, f0 + o, bwd, b0);
            }
            for (; o < nOut; o++) {
                dense1x1(nIn, nOut, iv, w, o * nIn, x, x0, y, y0 + o, fwd, f0 + o, bwd, b0);
            }
        }
    }

    @Override
    public void clampScaled(float[] src, int srcOff, float[] dst, int dstOff, int n, float scale, float lo, float hi) {
        int nv = S.loopBound(n);
        FloatVector vs = FloatVector.broadcast(S, scale);
        FloatVector vlo = FloatVector.broadcast(S, lo);
        FloatVector vhi = FloatVector.broadcast(S, hi);
        int i = 0;
        for (; i < nv; i += L) {
            FloatVector.fromArray(S, src, srcOff + i).mul(vs).max(vlo).min(vhi).intoArray(dst, dstOff + i);
        }
        for (; i < n; i++) {
            dst[dstOff + i] = Math.min(hi, Math.max(lo, scale * src[srcOff + i]));
        }
    }

    @Override
    public void logistic(float[] src, int srcOff, float[] dst, int dstOff, int n, float gain, float shift) {
        int nv = S.loopBound(n);
        int i = 0;
        for (; i < nv; i += L) {
            logistic(FloatVector.fromArray(S, src, srcOff + i), gain, shift).intoArray(dst, dstOff + i);
        }
        if (i < n) {
            float[] t = SCRATCH.get();
            System.arraycopy(src, srcOff + i, t, 0, n - i);
            logistic(FloatVector.fromArray(S, t, 0), gain, shift).intoArray(t, 0);
            System.arraycopy(t, 0, dst, dstOff + i, n - i);
        }
    }

    private static FloatVector logistic(FloatVector v, float gain, float shift) {
        FloatVector e = exp(v.sub(shift).mul(-gain));
        return FloatVector.broadcast(S, 1f).div(e.add(1f));
    }

    @Override
    public void tanh(float[] src, int srcOff, float[] dst, int dstOff, int n) {
        int nv = S.loopBound(n);
        int i = 0;
        for (; i < nv; i += L) {
            tanh(FloatVector.fromArray(S, src, srcOff + i)).intoArray(dst, dstOff + i);
        }
        if (i < n) {
            float[] t = SCRATCH.get();
            System.arraycopy(src, srcOff + i, t, 0, n - i);
            tanh(FloatVector.fromArray(S, t, 0)).intoArray(t, 0);
            System.arraycopy(t, 0, dst, dstOff + i, n - i);
        }
    }

    /** {@code tanh(x) = 1 − 2/(1 + e^{2x})}, from {@link #exp}. */
    private static FloatVector tanh(FloatVector x) {
        FloatVector e = exp(x.add(x));
        return FloatVector.broadcast(S, 1f).sub(FloatVector.broadcast(S, 2f).div(e.add(1f)));
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        int nv = S.loopBound(n);
        FloatVector va = FloatVector.broadcast(S, alpha);
        int i = 0;
        for (; i < nv; i += L) {
            FloatVector.fromArray(S, x, xOff + i).fma(va, FloatVector.fromArray(S, y, yOff + i)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] = Math.fma(x[xOff + i], alpha, y[yOff + i]);
        }
    }

    @Override
    public void add(int n, float[] a, int aOff, float[] b, int bOff, float[] dst, int dstOff) {
        int nv = S.loopBound(n);
        int i = 0;
        for (; i < nv; i += L) {
            FloatVector.fromArray(S, a, aOff + i).add(FloatVector.fromArray(S, b, bOff + i)).intoArray(dst, dstOff + i);
        }
        for (; i < n; i++) {
            dst[dstOff + i] = a[aOff + i] + b[bOff + i];
        }
    }

    @Override
    public void addRowVector(int rows, int n, float[] v, int vOff, float[] x, int xOff) {
        for (int r = 0; r < rows; r++) {
            add(n, x, xOff + r * n, v, vOff, x, xOff + r * n);
        }
    }

    @Override
    public float dot(int n, float[] a, int aOff, float[] b, int bOff) {
        int nv = S.loopBound(n);
        FloatVector acc = FloatVector.zero(S);
        for (int i = 0; i < nv; i += L) {
            acc = FloatVector.fromArray(S, a, aOff + i).fma(FloatVector.fromArray(S, b, bOff + i), acc);
        }
        return tail(sum(acc), a, aOff, b, bOff, nv, n);
    }

    @Override
    public String toString() {
        return "FloatKernels[" + name() + "]";
    }

    // ---- generated register-blocked micro-kernels (see class comment) ----

    private static void nt4x4(int k, int kv, float[] a, int ar0, int lda, float[] b, int br0, int ldb,
            float[] c, int c0, int ldc, boolean accumulate) {
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
        put(c, c0 + 0 * ldc + 0, tail(sum(c00), a, ar0, b, br0, kv, k), accumulate);
        put(c, c0 + 0 * ldc + 1, tail(sum(c01), a, ar0, b, br1, kv, k), accumulate);
        put(c, c0 + 0 * ldc + 2, tail(sum(c02), a, ar0, b, br2, kv, k), accumulate);
        put(c, c0 + 0 * ldc + 3, tail(sum(c03), a, ar0, b, br3, kv, k), accumulate);
        put(c, c0 + 1 * ldc + 0, tail(sum(c10), a, ar1, b, br0, kv, k), accumulate);
        put(c, c0 + 1 * ldc + 1, tail(sum(c11), a, ar1, b, br1, kv, k), accumulate);
        put(c, c0 + 1 * ldc + 2, tail(sum(c12), a, ar1, b, br2, kv, k), accumulate);
        put(c, c0 + 1 * ldc + 3, tail(sum(c13), a, ar1, b, br3, kv, k), accumulate);
        put(c, c0 + 2 * ldc + 0, tail(sum(c20), a, ar2, b, br0, kv, k), accumulate);
        put(c, c0 + 2 * ldc + 1, tail(sum(c21), a, ar2, b, br1, kv, k), accumulate);
        put(c, c0 + 2 * ldc + 2, tail(sum(c22), a, ar2, b, br2, kv, k), accumulate);
        put(c, c0 + 2 * ldc + 3, tail(sum(c23), a, ar2, b, br3, kv, k), accumulate);
        put(c, c0 + 3 * ldc + 0, tail(sum(c30), a, ar3, b, br0, kv, k), accumulate);
        put(c, c0 + 3 * ldc + 1, tail(sum(c31), a, ar3, b, br1, kv, k), accumulate);
        put(c, c0 + 3 * ldc + 2, tail(sum(c32), a, ar3, b, br2, kv, k), accumulate);
        put(c, c0 + 3 * ldc + 3, tail(sum(c33), a, ar3, b, br3, kv, k), accumulate);
    }

    private static void nt4x1(int k, int kv, float[] a, int ar0, int lda, float[] b, int br0, int ldb,
            float[] c, int c0, int ldc, boolean accumulate) {
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
        put(c, c0 + 0 * ldc + 0, tail(sum(c00), a, ar0, b, br0, kv, k), accumulate);
        put(c, c0 + 1 * ldc + 0, tail(sum(c10), a, ar1, b, br0, kv, k), accumulate);
        put(c, c0 + 2 * ldc + 0, tail(sum(c20), a, ar2, b, br0, kv, k), accumulate);
        put(c, c0 + 3 * ldc + 0, tail(sum(c30), a, ar3, b, br0, kv, k), accumulate);
    }

    private static void nt1x4(int k, int kv, float[] a, int ar0, int lda, float[] b, int br0, int ldb,
            float[] c, int c0, int ldc, boolean accumulate) {
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
        put(c, c0 + 0 * ldc + 0, tail(sum(c00), a, ar0, b, br0, kv, k), accumulate);
        put(c, c0 + 0 * ldc + 1, tail(sum(c01), a, ar0, b, br1, kv, k), accumulate);
        put(c, c0 + 0 * ldc + 2, tail(sum(c02), a, ar0, b, br2, kv, k), accumulate);
        put(c, c0 + 0 * ldc + 3, tail(sum(c03), a, ar0, b, br3, kv, k), accumulate);
    }

    private static void nt1x1(int k, int kv, float[] a, int ar0, int lda, float[] b, int br0, int ldb,
            float[] c, int c0, int ldc, boolean accumulate) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z;
        for (int p = 0; p < kv; p += L) {
            FloatVector a0 = FloatVector.fromArray(S, a, ar0 + p);
            FloatVector b0 = FloatVector.fromArray(S, b, br0 + p);
            c00 = a0.fma(b0, c00);
        }
        put(c, c0 + 0 * ldc + 0, tail(sum(c00), a, ar0, b, br0, kv, k), accumulate);
    }

    private static void dense2x4(int nIn, int nOut, int iv, float[] w, int w0, float[] x, int x0, float[] y, int y0,
            float[] fwd, int f0, float[] bwd, int bw0) {
        int w1 = w0 + nIn, w2 = w1 + nIn, w3 = w2 + nIn;
        int x1 = x0 + nIn, bw1 = bw0 + nIn, y1 = y0 + nOut, f1 = f0 + nOut;
        FloatVector z = FloatVector.zero(S);
        FloatVector y00 = FloatVector.broadcast(S, y[y0 + 0]), y01 = FloatVector.broadcast(S, y[y0 + 1]), y02 = FloatVector.broadcast(S, y[y0 + 2]), y03 = FloatVector.broadcast(S, y[y0 + 3]);
        FloatVector y10 = FloatVector.broadcast(S, y[y1 + 0]), y11 = FloatVector.broadcast(S, y[y1 + 1]), y12 = FloatVector.broadcast(S, y[y1 + 2]), y13 = FloatVector.broadcast(S, y[y1 + 3]);
        FloatVector f00 = z, f01 = z, f02 = z, f03 = z, f10 = z, f11 = z, f12 = z, f13 = z;
        for (int i = 0; i < iv; i += L) {
            FloatVector x0v = FloatVector.fromArray(S, x, x0 + i);
            FloatVector b0v = FloatVector.fromArray(S, bwd, bw0 + i);
            FloatVector x1v = FloatVector.fromArray(S, x, x1 + i);
            FloatVector b1v = FloatVector.fromArray(S, bwd, bw1 + i);
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
        float t00 = sum(f00), t01 = sum(f01), t02 = sum(f02), t03 = sum(f03);
        float t10 = sum(f10), t11 = sum(f11), t12 = sum(f12), t13 = sum(f13);
        for (int i = iv; i < nIn; i++) {
            float x0s = x[x0 + i];
            float b0s = bwd[bw0 + i];
            float x1s = x[x1 + i];
            float b1s = bwd[bw1 + i];
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

    private static void dense2x2(int nIn, int nOut, int iv, float[] w, int w0, float[] x, int x0, float[] y, int y0,
            float[] fwd, int f0, float[] bwd, int bw0) {
        int w1 = w0 + nIn;
        int x1 = x0 + nIn, bw1 = bw0 + nIn, y1 = y0 + nOut, f1 = f0 + nOut;
        FloatVector z = FloatVector.zero(S);
        FloatVector y00 = FloatVector.broadcast(S, y[y0 + 0]), y01 = FloatVector.broadcast(S, y[y0 + 1]);
        FloatVector y10 = FloatVector.broadcast(S, y[y1 + 0]), y11 = FloatVector.broadcast(S, y[y1 + 1]);
        FloatVector f00 = z, f01 = z, f10 = z, f11 = z;
        for (int i = 0; i < iv; i += L) {
            FloatVector x0v = FloatVector.fromArray(S, x, x0 + i);
            FloatVector b0v = FloatVector.fromArray(S, bwd, bw0 + i);
            FloatVector x1v = FloatVector.fromArray(S, x, x1 + i);
            FloatVector b1v = FloatVector.fromArray(S, bwd, bw1 + i);
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
        float t00 = sum(f00), t01 = sum(f01);
        float t10 = sum(f10), t11 = sum(f11);
        for (int i = iv; i < nIn; i++) {
            float x0s = x[x0 + i];
            float b0s = bwd[bw0 + i];
            float x1s = x[x1 + i];
            float b1s = bwd[bw1 + i];
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

    private static void dense2x1(int nIn, int nOut, int iv, float[] w, int w0, float[] x, int x0, float[] y, int y0,
            float[] fwd, int f0, float[] bwd, int bw0) {
        int x1 = x0 + nIn, bw1 = bw0 + nIn, y1 = y0 + nOut, f1 = f0 + nOut;
        FloatVector z = FloatVector.zero(S);
        FloatVector y00 = FloatVector.broadcast(S, y[y0 + 0]);
        FloatVector y10 = FloatVector.broadcast(S, y[y1 + 0]);
        FloatVector f00 = z, f10 = z;
        for (int i = 0; i < iv; i += L) {
            FloatVector x0v = FloatVector.fromArray(S, x, x0 + i);
            FloatVector b0v = FloatVector.fromArray(S, bwd, bw0 + i);
            FloatVector x1v = FloatVector.fromArray(S, x, x1 + i);
            FloatVector b1v = FloatVector.fromArray(S, bwd, bw1 + i);
            FloatVector w0v = FloatVector.fromArray(S, w, w0 + i);
            f00 = w0v.fma(x0v, f00);
            b0v = w0v.fma(y00, b0v);
            f10 = w0v.fma(x1v, f10);
            b1v = w0v.fma(y10, b1v);
            b0v.intoArray(bwd, bw0 + i);
            b1v.intoArray(bwd, bw1 + i);
        }
        float t00 = sum(f00);
        float t10 = sum(f10);
        for (int i = iv; i < nIn; i++) {
            float x0s = x[x0 + i];
            float b0s = bwd[bw0 + i];
            float x1s = x[x1 + i];
            float b1s = bwd[bw1 + i];
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

    private static void dense1x4(int nIn, int nOut, int iv, float[] w, int w0, float[] x, int x0, float[] y, int y0,
            float[] fwd, int f0, float[] bwd, int bw0) {
        int w1 = w0 + nIn, w2 = w1 + nIn, w3 = w2 + nIn;
        FloatVector z = FloatVector.zero(S);
        FloatVector y00 = FloatVector.broadcast(S, y[y0 + 0]), y01 = FloatVector.broadcast(S, y[y0 + 1]), y02 = FloatVector.broadcast(S, y[y0 + 2]), y03 = FloatVector.broadcast(S, y[y0 + 3]);
        FloatVector f00 = z, f01 = z, f02 = z, f03 = z;
        for (int i = 0; i < iv; i += L) {
            FloatVector x0v = FloatVector.fromArray(S, x, x0 + i);
            FloatVector b0v = FloatVector.fromArray(S, bwd, bw0 + i);
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
        float t00 = sum(f00), t01 = sum(f01), t02 = sum(f02), t03 = sum(f03);
        for (int i = iv; i < nIn; i++) {
            float x0s = x[x0 + i];
            float b0s = bwd[bw0 + i];
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

    private static void dense1x2(int nIn, int nOut, int iv, float[] w, int w0, float[] x, int x0, float[] y, int y0,
            float[] fwd, int f0, float[] bwd, int bw0) {
        int w1 = w0 + nIn;
        FloatVector z = FloatVector.zero(S);
        FloatVector y00 = FloatVector.broadcast(S, y[y0 + 0]), y01 = FloatVector.broadcast(S, y[y0 + 1]);
        FloatVector f00 = z, f01 = z;
        for (int i = 0; i < iv; i += L) {
            FloatVector x0v = FloatVector.fromArray(S, x, x0 + i);
            FloatVector b0v = FloatVector.fromArray(S, bwd, bw0 + i);
            FloatVector w0v = FloatVector.fromArray(S, w, w0 + i);
            f00 = w0v.fma(x0v, f00);
            b0v = w0v.fma(y00, b0v);
            FloatVector w1v = FloatVector.fromArray(S, w, w1 + i);
            f01 = w1v.fma(x0v, f01);
            b0v = w1v.fma(y01, b0v);
            b0v.intoArray(bwd, bw0 + i);
        }
        float t00 = sum(f00), t01 = sum(f01);
        for (int i = iv; i < nIn; i++) {
            float x0s = x[x0 + i];
            float b0s = bwd[bw0 + i];
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

    private static void dense1x1(int nIn, int nOut, int iv, float[] w, int w0, float[] x, int x0, float[] y, int y0,
            float[] fwd, int f0, float[] bwd, int bw0) {
        FloatVector z = FloatVector.zero(S);
        FloatVector y00 = FloatVector.broadcast(S, y[y0 + 0]);
        FloatVector f00 = z;
        for (int i = 0; i < iv; i += L) {
            FloatVector x0v = FloatVector.fromArray(S, x, x0 + i);
            FloatVector b0v = FloatVector.fromArray(S, bwd, bw0 + i);
            FloatVector w0v = FloatVector.fromArray(S, w, w0 + i);
            f00 = w0v.fma(x0v, f00);
            b0v = w0v.fma(y00, b0v);
            b0v.intoArray(bwd, bw0 + i);
        }
        float t00 = sum(f00);
        for (int i = iv; i < nIn; i++) {
            float x0s = x[x0 + i];
            float b0s = bwd[bw0 + i];
            float w0s = w[w0 + i];
            t00 = Math.fma(w0s, x0s, t00);
            b0s = Math.fma(w0s, y[y0 + 0], b0s);
            bwd[bw0 + i] = b0s;
        }
        fwd[f0 + 0] += t00;
    }

    private static void ab4x3(int k, float alpha, float[] a, int ai0, int rs, int cs, float[] b, int bj, int ldb,
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

    private static void ab4x1(int k, float alpha, float[] a, int ai0, int rs, int cs, float[] b, int bj, int ldb,
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

    private static void ab4s(int k, float alpha, float[] a, int ai0, int rs, int cs, float[] b, int bj, int ldb,
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

    private static void ab1x3(int k, float alpha, float[] a, int ai0, int rs, int cs, float[] b, int bj, int ldb,
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

    private static void ab1x1(int k, float alpha, float[] a, int ai0, int rs, int cs, float[] b, int bj, int ldb,
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

    private static void ab1s(int k, float alpha, float[] a, int ai0, int rs, int cs, float[] b, int bj, int ldb,
            float[] c, int c0, int ldc) {
        float s0 = 0f;
        for (int p = 0, ap = 0, bp = bj; p < k; p++, ap += cs, bp += ldb) {
            float bv = b[bp];
            s0 = Math.fma(bv, a[ai0 + ap], s0);
        }
        c[c0] = Math.fma(s0, alpha, c[c0]);
    }
}
