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

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** Rows of {@code B} per panel in {@link #gemmNT}: keeps a panel in L2 while all rows of A pass. */
    private static final int NT_PANEL = 64;
    /** Columns per panel in {@link #gemmAB}: three vectors. */
    private static final int AB_PANEL = 3 * L;
    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[L]);
    /** The index map of {@link #transpose}'s gathers (per thread, so a call allocates nothing). */
    private static final ThreadLocal<int[]> GATHER_MAP = ThreadLocal.withInitial(() -> new int[L]);
    /** Per-thread spill area of the accumulators of one {@code gemmNT} block (4 × 4 vectors). */
    private static final ThreadLocal<float[]> SPILL = ThreadLocal.withInitial(() -> new float[16 * L]);
    /*
     * Lane rotations by 8, 4, 2, 1 for the fixed-order reduction tree of {@link #sum} (those below L are used, from
     * L/2 down). Separate static final fields, not an array: C2 intrinsifies rearrange only with a constant shuffle,
     * and an array element is not one (the rearrange then ran in Java and allocated ~3 MB per GLE step).
     */
    private static final VectorShuffle<Float> ROT8 = rotation(8);
    private static final VectorShuffle<Float> ROT4 = rotation(4);
    private static final VectorShuffle<Float> ROT2 = rotation(2);
    private static final VectorShuffle<Float> ROT1 = rotation(1);

    private static VectorShuffle<Float> rotation(int step) {
        return VectorShuffle.fromOp(S, lane -> (lane + step) % L);
    }

    /**
     * Sum of the lanes in a fixed tree order. {@code reduceLanes(ADD)} is not used because its
     * interpreted and JIT-compiled forms add the lanes in different orders, which would make results
     * depend on JIT warm-up; rotations and lane-wise adds are exact in every execution mode.
     */
    static float sum(FloatVector v) {
        if (L > 16) {
            throw new IllegalStateException("vector species of " + L + " float lanes is not supported");
        }
        if (L > 8) {
            v = v.add(v.rearrange(ROT8));
        }
        if (L > 4) {
            v = v.add(v.rearrange(ROT4));
        }
        if (L > 2) {
            v = v.add(v.rearrange(ROT2));
        }
        if (L > 1) {
            v = v.add(v.rearrange(ROT1));
        }
        return v.lane(0);
    }

    private VectorFloatKernels() {
    }

    @Override
    public String name() {
        return "vector-" + S.vectorBitSize();
    }

    /**
     * Checks that {@code rows × cols} elements at {@code off} with leading dimension {@code ld} lie inside
     * {@code arr}: the one bounds check of a call (the per-load checks of the Vector API are switched off,
     * see {@link KernelSelection}).
     */
    private static void need(float[] arr, int off, int rows, int ld, int cols, String what) {
        if (rows <= 0 || cols <= 0) {
            return;
        }
        long last = (long) off + (long) (rows - 1) * ld + cols;
        if (off < 0 || ld < 0 || last > arr.length) {
            throw new IndexOutOfBoundsException(what + ": " + rows + "×" + cols + " at offset " + off + " (stride " + ld
                    + ") needs " + last + " values, array has " + arr.length);
        }
    }

    @Override
    public void gemmNT(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
            float[] c, int cOff, int ldc, boolean accumulate) {
        need(a, aOff, m, lda, k, "gemmNT A");
        need(b, bOff, n, ldb, k, "gemmNT B");
        need(c, cOff, m, ldc, n, "gemmNT C");
        int kv = S.loopBound(k);
        float[] sp = SPILL.get();
        for (int j0 = 0; j0 < n; j0 += NT_PANEL) {
            int j1 = Math.min(n, j0 + NT_PANEL);
            int i = 0;
            for (; i + 4 <= m; i += 4) {
                int ar = aOff + i * lda;
                int j = j0;
                for (; j + 4 <= j1; j += 4) {
                    VectorGemmBlocks.nt4x4(k, kv, a, ar, lda, b, bOff + j * ldb, ldb, c, cOff + i * ldc + j, ldc, accumulate, sp);
                }
                for (; j < j1; j++) {
                    VectorGemmBlocks.nt4x1(k, kv, a, ar, lda, b, bOff + j * ldb, ldb, c, cOff + i * ldc + j, ldc, accumulate, sp);
                }
            }
            for (; i < m; i++) {
                int ar = aOff + i * lda;
                int j = j0;
                for (; j + 4 <= j1; j += 4) {
                    VectorGemmBlocks.nt1x4(k, kv, a, ar, lda, b, bOff + j * ldb, ldb, c, cOff + i * ldc + j, ldc, accumulate, sp);
                }
                for (; j < j1; j++) {
                    VectorGemmBlocks.nt1x1(k, kv, a, ar, lda, b, bOff + j * ldb, ldb, c, cOff + i * ldc + j, ldc, accumulate, sp);
                }
            }
        }
    }

    /**
     * The lane sum of the L floats at {@code sp[off]}, in the tree order of {@link #sum(FloatVector)} (bit-identical:
     * the same additions of the same operands); overwrites them.
     */
    static float sum(float[] sp, int off) {
        for (int h = L >> 1; h >= 1; h >>= 1) {
            for (int i = 0; i < h; i++) {
                sp[off + i] = sp[off + i] + sp[off + i + h];
            }
        }
        return sp[off];
    }

    /**
     * Ends an {@code r × cols} block of {@link #gemmNT} whose accumulators were spilled to {@code sp} (accumulator
     * {@code (i, j)} at {@code (i·cols + j)·L}): lane sum, the scalar tail over {@code [kv, k)}, store — the same
     * operations in the same order as {@code put(c, …, tail(sum(acc), …))} on the vectors.
     */
    static void finishNT(int r, int cols, float[] sp, int k, int kv, float[] a, int ar0, int lda, float[] b, int br0,
            int ldb, float[] c, int c0, int ldc, boolean accumulate) {
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < cols; j++) {
                float s = tail(sum(sp, (i * cols + j) * L), a, ar0 + i * lda, b, br0 + j * ldb, kv, k);
                put(c, c0 + i * ldc + j, s, accumulate);
            }
        }
    }

    static float tail(float s, float[] a, int ar, float[] b, int br, int kv, int k) {
        for (int p = kv; p < k; p++) {
            s = Math.fma(a[ar + p], b[br + p], s);
        }
        return s;
    }

    static void put(float[] c, int idx, float v, boolean accumulate) {
        c[idx] = accumulate ? c[idx] + v : v;
    }

    /** The column panel of {@link #gemmAB}, so that a packed panel is exactly one panel of the product. */
    @Override
    public int panelWidth() {
        return AB_PANEL;
    }

    @Override
    public void gemmAB(boolean transA, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
            float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        if (transA) {
            need(a, aOff, k, lda, m, "gemmAB Aᵀ");
        } else {
            need(a, aOff, m, lda, k, "gemmAB A");
        }
        need(b, bOff, k, ldb, n, "gemmAB B");
        need(c, cOff, m, ldc, n, "gemmAB C");
        int rs = transA ? 1 : lda;
        int cs = transA ? lda : 1;
        float[] sp = SPILL.get();
        for (int j0 = 0; j0 < n; j0 += AB_PANEL) {
            int j1 = Math.min(n, j0 + AB_PANEL);
            int i = 0;
            if (j1 - j0 < L && j1 >= L) {
                // a panel of leftover columns only (n = 53: columns 48-52): 8 rows at a time
                for (; i + 8 <= m; i += 8) {
                    VectorGemmBlocks.ab8t(k, alpha, a, aOff + i * rs, rs, cs, b, bOff + j1 - L, ldb, c,
                            cOff + i * ldc + j1 - L, ldc, j0 - (j1 - L), sp);
                }
            }
            for (; i + 4 <= m; i += 4) {
                int ai = aOff + i * rs;
                int ci = cOff + i * ldc;
                int j = j0;
                if (j + 3 * L <= j1) {
                    VectorGemmBlocks.ab4x3(k, alpha, a, ai, rs, cs, b, bOff + j, ldb, c, ci + j, ldc);
                    j += 3 * L;
                }
                for (; j + L <= j1; j += L) {
                    VectorGemmBlocks.ab4x1(k, alpha, a, ai, rs, cs, b, bOff + j, ldb, c, ci + j, ldc);
                }
                if (j < j1 && j1 >= L) {
                    // the leftover columns as one vector over the L columns ending at j1 (they lie inside B's row)
                    VectorGemmBlocks.ab4t(k, alpha, a, ai, rs, cs, b, bOff + j1 - L, ldb, c, ci + j1 - L, ldc,
                            j - (j1 - L), sp);
                    j = j1;
                }
                for (; j < j1; j++) {
                    VectorGemmBlocks.ab4s(k, alpha, a, ai, rs, cs, b, bOff + j, ldb, c, ci + j, ldc);
                }
            }
            for (; i < m; i++) {
                int ai = aOff + i * rs;
                int ci = cOff + i * ldc;
                int j = j0;
                if (j + 3 * L <= j1) {
                    VectorGemmBlocks.ab1x3(k, alpha, a, ai, rs, cs, b, bOff + j, ldb, c, ci + j, ldc);
                    j += 3 * L;
                }
                for (; j + L <= j1; j += L) {
                    VectorGemmBlocks.ab1x1(k, alpha, a, ai, rs, cs, b, bOff + j, ldb, c, ci + j, ldc);
                }
                if (j < j1 && j1 >= L) {
                    VectorGemmBlocks.ab1t(k, alpha, a, ai, rs, cs, b, bOff + j1 - L, ldb, c, ci + j1 - L, ldc,
                            j - (j1 - L), sp);
                    j = j1;
                }
                for (; j < j1; j++) {
                    VectorGemmBlocks.ab1s(k, alpha, a, ai, rs, cs, b, bOff + j, ldb, c, ci + j, ldc);
                }
            }
        }
    }

    @Override
    public void denseBoth(int rows, int nOut, int nIn, float[] w, float[] x, int xOff, float[] y, int yOff,
            float[] fwd, int fwdOff, float[] bwd, int bwdOff) {
        need(bwd, bwdOff, rows, nIn, nIn, "denseBoth bwd");
        denseBoth(rows, nOut, nIn, w, x, xOff, y, yOff, fwd, fwdOff, bwd, bwdOff, bwd, bwdOff);
    }

    @Override
    public void denseBoth(int rows, int nOut, int nIn, float[] w, float[] x, int xOff, float[] y, int yOff,
            float[] fwd, int fwdOff, float[] bwdStart, int bwdStartOff, float[] bwd, int bwdOff) {
        need(w, 0, nOut, nIn, nIn, "denseBoth W");
        need(x, xOff, rows, nIn, nIn, "denseBoth x");
        need(y, yOff, rows, nOut, nOut, "denseBoth y");
        need(fwd, fwdOff, rows, nOut, nOut, "denseBoth fwd");
        need(bwd, bwdOff, rows, nIn, nIn, "denseBoth bwd");
        need(bwdStart, bwdStartOff, rows, nIn, nIn, "denseBoth bwdStart");
        int iv = S.loopBound(nIn);
        float[] sp = SPILL.get();
        int r = 0;
        // the first output group reads the top-down accumulator from bwdStart, the later ones from bwd
        for (; r + 2 <= rows; r += 2) {
            int x0 = xOff + r * nIn;
            int b0 = bwdOff + r * nIn;
            int y0 = yOff + r * nOut;
            int f0 = fwdOff + r * nOut;
            float[] bin = bwdStart;
            int bi0 = bwdStartOff + r * nIn;
            int o = 0;
            for (; o + 4 <= nOut; o += 4, bin = bwd, bi0 = b0) {
                VectorDenseBlocks.dense2x4(nIn, nOut, iv, w, o * nIn, x, x0, y, y0 + o, fwd, f0 + o, bwd, b0, bin, bi0, sp);
            }
            for (; o + 2 <= nOut; o += 2, bin = bwd, bi0 = b0) {
                VectorDenseBlocks.dense2x2(nIn, nOut, iv, w, o * nIn, x, x0, y, y0 + o, fwd, f0 + o, bwd, b0, bin, bi0, sp);
            }
            for (; o < nOut; o++, bin = bwd, bi0 = b0) {
                VectorDenseBlocks.dense2x1(nIn, nOut, iv, w, o * nIn, x, x0, y, y0 + o, fwd, f0 + o, bwd, b0, bin, bi0, sp);
            }
        }
        for (; r < rows; r++) {
            int x0 = xOff + r * nIn;
            int b0 = bwdOff + r * nIn;
            int y0 = yOff + r * nOut;
            int f0 = fwdOff + r * nOut;
            float[] bin = bwdStart;
            int bi0 = bwdStartOff + r * nIn;
            int o = 0;
            for (; o + 4 <= nOut; o += 4, bin = bwd, bi0 = b0) {
                VectorDenseBlocks.dense1x4(nIn, nOut, iv, w, o * nIn, x, x0, y, y0 + o, fwd, f0 + o, bwd, b0, bin, bi0, sp);
            }
            for (; o + 2 <= nOut; o += 2, bin = bwd, bi0 = b0) {
                VectorDenseBlocks.dense1x2(nIn, nOut, iv, w, o * nIn, x, x0, y, y0 + o, fwd, f0 + o, bwd, b0, bin, bi0, sp);
            }
            for (; o < nOut; o++, bin = bwd, bi0 = b0) {
                VectorDenseBlocks.dense1x1(nIn, nOut, iv, w, o * nIn, x, x0, y, y0 + o, fwd, f0 + o, bwd, b0, bin, bi0, sp);
            }
        }
    }

    @Override
    public void transpose(int rows, int cols, float[] src, float[] dst, int c0, int c1) {
        if (c0 >= c1 || rows <= 0) {
            return;
        }
        need(src, 0, rows, cols, cols, "transpose src");
        need(dst, 0, cols, rows, rows, "transpose dst");
        if (c0 < 0 || c1 > cols) {
            throw new IndexOutOfBoundsException("transpose columns [" + c0 + ", " + c1 + ") of " + cols);
        }
        // L source rows at a time: one gather reads column j of the L rows, one store writes it contiguously
        int[] map = GATHER_MAP.get();
        for (int l = 0; l < L; l++) {
            map[l] = l * cols;
        }
        int rv = S.loopBound(rows);
        for (int i0 = 0; i0 < rv; i0 += L) {
            int base = i0 * cols;
            for (int j = c0; j < c1; j++) {
                FloatVector.fromArray(S, src, base + j, map, 0).intoArray(dst, j * rows + i0);
            }
        }
        for (int i = rv; i < rows; i++) {
            for (int j = c0; j < c1; j++) {
                dst[j * rows + i] = src[i * cols + j];
            }
        }
    }

    @Override
    public void clampScaled(float[] src, int srcOff, float[] dst, int dstOff, int n, float scale, float lo, float hi) {
        need(src, srcOff, 1, 0, n, "clampScaled src");
        need(dst, dstOff, 1, 0, n, "clampScaled dst");
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
        need(src, srcOff, 1, 0, n, "logistic src");
        need(dst, dstOff, 1, 0, n, "logistic dst");
        // 1/(1 + e^{−gain·(x − shift)}) = 0 + 1/(e + 1)
        expRational(src, srcOff, dst, dstOff, n, shift, -gain, 0f, 1f);
    }

    @Override
    public void tanh(float[] src, int srcOff, float[] dst, int dstOff, int n) {
        need(src, srcOff, 1, 0, n, "tanh src");
        need(dst, dstOff, 1, 0, n, "tanh dst");
        // tanh(x) = 1 − 2/(1 + e^{2x}) = 1 + (−2)/(e + 1), with 2x = (x − 0)·2 exactly
        expRational(src, srcOff, dst, dstOff, n, 0f, 2f, 1f, -2f);
    }

    /**
     * {@code dst = c0 + c1 / (e + 1)} with {@code e = exp((src − s)·m)}, element-wise, for logistic and tanh.
     *
     * <p>{@code exp} is computed from exact IEEE operations only (Cephes-style: {@code x = n·ln2 + r}, a
     * degree-6 polynomial for {@code e^r}, {@code 2^n} assembled in the exponent bits), about 2 ulp. The
     * Vector API's own {@code EXP} is not used: its intrinsic and its fallback differ in the last bits.
     *
     * <p>Everything is written inside the one loop on purpose, with no helper method taking or returning
     * a vector: when such a helper has been compiled on its own (another caller, a cold call site, a test
     * that ran first), C2 refuses to inline it ("already compiled into a big method") and boxes every
     * vector passed to it, 8 bytes per element (seen: 200 kB per 50×500 call in the full test suite). The
     * tail chunk goes through the per-thread scratch so it takes the same path.
     */
    private static void expRational(float[] src, int srcOff, float[] dst, int dstOff, int n, float s, float m, float c0,
            float c1) {
        int nv = S.loopBound(n);
        float[] t = SCRATCH.get();
        for (int i = 0; i < n; i += L) {
            boolean full = i < nv;
            if (!full) {
                System.arraycopy(src, srcOff + i, t, 0, n - i);
            }
            float[] in = full ? src : t;
            int inAt = full ? srcOff + i : 0;
            float[] out = full ? dst : t;
            int outAt = full ? dstOff + i : 0;
            FloatVector x = FloatVector.fromArray(S, in, inAt).sub(s).mul(m).max(-87.3f).min(88.7f);
            FloatVector tt = x.fma(FloatVector.broadcast(S, 1.44269504088896341f), FloatVector.broadcast(S, 12582912f));
            FloatVector k = tt.sub(12582912f);
            FloatVector r = k.fma(FloatVector.broadcast(S, -0.693359375f), x);
            r = k.fma(FloatVector.broadcast(S, 2.12194440e-4f), r);
            FloatVector p = FloatVector.broadcast(S, 1.9875691500e-4f);
            p = p.fma(r, FloatVector.broadcast(S, 1.3981999507e-3f));
            p = p.fma(r, FloatVector.broadcast(S, 8.3334519073e-3f));
            p = p.fma(r, FloatVector.broadcast(S, 4.1665795894e-2f));
            p = p.fma(r, FloatVector.broadcast(S, 1.6666665459e-1f));
            p = p.fma(r, FloatVector.broadcast(S, 5.0000001201e-1f));
            FloatVector y = p.fma(r.mul(r), r).add(1f);
            IntVector bits = tt.reinterpretAsInts().sub(0x4B400000 - 127).lanewise(VectorOperators.LSHL, 23);
            FloatVector e = y.mul(bits.reinterpretAsFloats());
            FloatVector.broadcast(S, c0).add(FloatVector.broadcast(S, c1).div(e.add(1f))).intoArray(out, outAt);
            if (!full) {
                System.arraycopy(t, 0, dst, dstOff + i, n - i);
            }
        }
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        need(x, xOff, 1, 0, n, "axpy x");
        need(y, yOff, 1, 0, n, "axpy y");
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
        need(a, aOff, 1, 0, n, "add a");
        need(b, bOff, 1, 0, n, "add b");
        need(dst, dstOff, 1, 0, n, "add dst");
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
        need(a, aOff, 1, 0, n, "dot a");
        need(b, bOff, 1, 0, n, "dot b");
        int nv = S.loopBound(n);
        FloatVector acc = FloatVector.zero(S);
        for (int i = 0; i < nv; i += L) {
            acc = FloatVector.fromArray(S, a, aOff + i).fma(FloatVector.fromArray(S, b, bOff + i), acc);
        }
        float[] sp = SPILL.get();
        acc.intoArray(sp, 0);
        return tail(sum(sp, 0), a, aOff, b, bOff, nv, n);
    }

    @Override
    public String toString() {
        return "FloatKernels[" + name() + "]";
    }
}
