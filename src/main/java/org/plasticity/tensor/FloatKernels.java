package org.plasticity.tensor;

/**
 * The few fused float32 kernels the hot loops of the learning rules need, over plain row-major
 * {@code float[]} buffers with offsets and leading dimensions (no allocation per call).
 *
 * <p>Two implementations compute the same results: {@link #vector()} uses the JDK Vector API
 * (module {@code jdk.incubator.vector}, start the JVM with {@code --add-modules jdk.incubator.vector})
 * and {@link #scalar()} uses plain loops. {@link #get()} picks the vector kernels when the module is
 * present, unless the system property {@code plasticity.simd=false} asks for the scalar ones.
 *
 * <p>Every output element is computed in the same operation order whatever the row range or
 * thread split, so splitting work across threads never changes a result.
 *
 * <p>Matrix arguments: a matrix {@code X} of {@code r × c} stored row-major at {@code x[xOff + i·ldx + j]}.
 */
public interface FloatKernels {

    /** The fastest kernels available in this JVM. */
    static FloatKernels get() {
        return KernelSelection.BEST;
    }

    /** The plain-loop kernels (always available). */
    static FloatKernels scalar() {
        return ScalarFloatKernels.INSTANCE;
    }

    /**
     * The Vector-API kernels.
     *
     * @throws IllegalStateException when the JVM was started without {@code --add-modules jdk.incubator.vector}
     */
    static FloatKernels vector() {
        return KernelSelection.vector();
    }

    /** Short name, e.g. {@code vector-512} or {@code scalar}. */
    String name();

    /**
     * {@code C = A·Bᵀ} or {@code C += A·Bᵀ}, with {@code A} of {@code m × k} and {@code B} of {@code n × k}
     * (both row-major: the "dot" form of a dense layer {@code y = W x} for a batch of rows).
     *
     * @param accumulate add into {@code C} when true, overwrite it when false
     */
    void gemmNT(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
            float[] c, int cOff, int ldc, boolean accumulate);

    /**
     * {@code C += alpha · op(A)·B} with {@code B} of {@code k × n}; {@code op(A) = A} ({@code m × k}) when
     * {@code transA} is false, {@code Aᵀ} ({@code A} stored {@code k × m}) when true. The transposed form
     * computes weight gradients {@code Σ_b δ_b x_bᵀ} without a transpose copy.
     */
    void gemmAB(boolean transA, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
            float[] b, int bOff, int ldb, float[] c, int cOff, int ldc);

    /**
     * Width of the column panels of {@link #packB} / {@link #gemmABPacked} (the column block of {@link #gemmAB}).
     */
    default int panelWidth() {
        return 24;
    }

    /**
     * Packs panels {@code [q0, q1)} of {@code B} ({@code k × n}) for {@link #gemmABPacked}: panel {@code q} holds columns
     * {@code [q·P, min(n, (q+1)·P))} ({@code P = }{@link #panelWidth()}, width {@code w}) as a contiguous
     * {@code k × w} row-major block at {@code dst[q·P·k]}, so a product streams each panel sequentially instead of
     * reading {@code w} columns out of rows {@code ldb} apart. {@code B(p, j) = b[bOff + p·ldb + j]}, or, when
     * {@code transB}, {@code b[bOff + j·ldb + p]} ({@code b} stores {@code Bᵀ}, e.g. packing {@code Wᵀ} straight
     * from {@code W}). Exact: values are only moved. {@code dst} needs {@code k·n} values.
     */
    default void packB(boolean transB, int k, int n, float[] b, int bOff, int ldb, float[] dst, int q0, int q1) {
        int pw = panelWidth();
        for (int q = q0; q < q1; q++) {
            int j0 = q * pw;
            int w = Math.min(pw, n - j0);
            int d = j0 * k;
            for (int p = 0; p < k; p++, d += w) {
                if (transB) {
                    for (int jj = 0; jj < w; jj++) {
                        dst[d + jj] = b[bOff + (j0 + jj) * ldb + p];
                    }
                } else {
                    System.arraycopy(b, bOff + p * ldb + j0, dst, d, w);
                }
            }
        }
    }

    /** Number of panels of {@link #packB} for {@code n} columns. */
    default int panels(int n) {
        int pw = panelWidth();
        return (n + pw - 1) / pw;
    }

    /**
     * {@code C += alpha · A·B} ({@code A} of {@code m × k}) with {@code B} ({@code k × n}) packed by {@link #packB}:
     * per element the same operations in the same order as {@link #gemmAB} with {@code transA = false} on the
     * unpacked {@code B} (bit-identical; each panel is one {@link #gemmAB} call on its contiguous block).
     */
    default void gemmABPacked(int m, int n, int k, float alpha, float[] a, int aOff, int lda, float[] packed,
            float[] c, int cOff, int ldc) {
        int pw = panelWidth();
        for (int j0 = 0; j0 < n; j0 += pw) {
            int w = Math.min(pw, n - j0);
            gemmAB(false, m, w, k, alpha, a, aOff, lda, packed, j0 * k, w, c, cOff + j0, ldc);
        }
    }

    /**
     * Both products of one dense connection at once, reading {@code W} ({@code nOut × nIn}) a single time,
     * for {@code rows} samples: {@code fwd[r] += W·x[r]} ({@code nOut} values) and
     * {@code bwd[r] += Wᵀ·y[r]} ({@code nIn} values). This is the whole coupling work of a relaxation step
     * for a narrow connection (e.g. a hidden layer to 10 outputs). Row strides are {@code nIn} for
     * {@code x, bwd} and {@code nOut} for {@code y, fwd}.
     */
    void denseBoth(int rows, int nOut, int nIn, float[] w, float[] x, int xOff, float[] y, int yOff,
            float[] fwd, int fwdOff, float[] bwd, int bwdOff);

    /**
     * {@link #denseBoth(int, int, int, float[], float[], int, float[], int, float[], int, float[], int)} with
     * a start value for the top-down product: {@code bwd[r] = bwdStart[r] + Wᵀ·y[r]} (e.g. the input
     * projection of a relaxation step), bit-identical to copying {@code bwdStart} into {@code bwd} and
     * calling the accumulating form, without the copy. {@code bwdStart} has row stride {@code nIn} and
     * must not overlap {@code bwd} (unless it is {@code bwd} at the same offset).
     */
    default void denseBoth(int rows, int nOut, int nIn, float[] w, float[] x, int xOff, float[] y, int yOff,
            float[] fwd, int fwdOff, float[] bwdStart, int bwdStartOff, float[] bwd, int bwdOff) {
        if (bwdStart != bwd || bwdStartOff != bwdOff) {
            System.arraycopy(bwdStart, bwdStartOff, bwd, bwdOff, rows * nIn);
        }
        denseBoth(rows, nOut, nIn, w, x, xOff, y, yOff, fwd, fwdOff, bwd, bwdOff);
    }

    /**
     * Rows {@code [c0, c1)} of the transpose: {@code dst[j·rows + i] = src[i·cols + j]} for {@code i < rows},
     * {@code c0 ≤ j < c1}, with {@code src} a row-major {@code rows × cols} matrix and {@code dst} its
     * {@code cols × rows} transpose (exact: values are only moved).
     */
    void transpose(int rows, int cols, float[] src, float[] dst, int c0, int c1);

    /** {@code dst[i] = clamp(scale·src[i], lo, hi)}: the hard-sigmoid family. */
    void clampScaled(float[] src, int srcOff, float[] dst, int dstOff, int n, float scale, float lo, float hi);

    /** {@code dst[i] = 1 / (1 + exp(−gain·(src[i] − shift)))}: the logistic family. */
    void logistic(float[] src, int srcOff, float[] dst, int dstOff, int n, float gain, float shift);

    /** {@code dst[i] = tanh(src[i])}. */
    void tanh(float[] src, int srcOff, float[] dst, int dstOff, int n);

    /** {@code y[i] += alpha·x[i]}. */
    void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff);

    /** {@code dst[i] = a[i] + b[i]} (dst may alias a or b at the same offset). */
    void add(int n, float[] a, int aOff, float[] b, int bOff, float[] dst, int dstOff);

    /** Adds the vector {@code v} (length {@code n}) to each of {@code rows} rows of {@code x} (stride {@code n}). */
    void addRowVector(int rows, int n, float[] v, int vOff, float[] x, int xOff);

    /** {@code Σ_i a[i]·b[i]} in this implementation's fixed order. */
    float dot(int n, float[] a, int aOff, float[] b, int bOff);
}
