package org.plasticity.tensor;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Thin ND4J interop for one product shape: {@code C = A·Bᵀ} ({@code A: m × k}, {@code B: n × k}, row-major
 * {@code float[]}) through {@code Nd4j.gemm} on preallocated off-heap arrays. Each call copies A and B in
 * and C out (the Java-side buffers stay the source of truth); the benchmark uses it to compare ND4J's
 * BLAS against {@link FloatKernels#gemmNT} including those copies.
 */
public final class Nd4jGemm {

    private final int m;
    private final int n;
    private final int k;
    private final INDArray a;
    private final INDArray b;
    private final INDArray c;
    private final FloatBuffer aBuf;
    private final FloatBuffer bBuf;
    private final FloatBuffer cBuf;

    /**
     * @param m rows of A and C
     * @param n rows of B, columns of C
     * @param k shared dimension
     */
    public Nd4jGemm(int m, int n, int k) {
        if (m < 1 || n < 1 || k < 1) {
            throw new IllegalArgumentException("gemm dimensions must be ≥ 1, got " + m + "×" + n + "×" + k);
        }
        this.m = m;
        this.n = n;
        this.k = k;
        this.a = Nd4j.create(DataType.FLOAT, new long[] {m, k}, 'c');
        this.b = Nd4j.create(DataType.FLOAT, new long[] {n, k}, 'c');
        this.c = Nd4j.create(DataType.FLOAT, new long[] {m, n}, 'c');
        this.aBuf = a.data().asNioFloat();
        this.bBuf = b.data().asNioFloat();
        this.cBuf = c.data().asNioFloat();
    }

    /**
     * {@code c = a·bᵀ}.
     *
     * @param av A, {@code m·k} values row-major
     * @param bv B, {@code n·k} values row-major
     * @param cv receives C, {@code m·n} values row-major
     * @param copyB whether B changed since the last call (weights do once per batch)
     */
    public void multiplyNT(float[] av, float[] bv, float[] cv, boolean copyB) {
        aBuf.clear();
        aBuf.put(av, 0, m * k);
        if (copyB) {
            bBuf.clear();
            bBuf.put(bv, 0, n * k);
        }
        Nd4j.gemm(a, b, c, false, true, 1.0, 0.0);
        cBuf.clear();
        cBuf.get(cv, 0, m * n);
    }

    @Override
    public String toString() {
        return "Nd4jGemm[" + m + "×" + k + " · (" + n + "×" + k + ")ᵀ]";
    }
}
