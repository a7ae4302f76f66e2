package org.plasticity.bench;

import java.util.Locale;
import java.util.SplittableRandom;
import org.plasticity.ep.model.DenseConnection;
import org.plasticity.tensor.FloatKernels;
import org.plasticity.tensor.Nd4jGemm;

/**
 * The hoisted input projection {@code X·W0ᵀ + b} of one batch two ways: ours as the network does it
 * ({@link DenseConnection#projectBatch}: the batch transposed, then the register-blocked {@code W·Xᵀ}
 * {@code A·B} kernel split over output rows on the threads, transposed back with the bias), and ND4J's {@code Nd4j.gemm} on preallocated off-heap
 * arrays including the copies in and out. Both pay their per-batch preparation (transposes, copies) on
 * every call.
 */
final class EpInputProjection {

    private EpInputProjection() {
    }

    /**
     * @param javaGflops ours
     * @param nd4jGflops ND4J
     * @param m rows
     * @param k inputs
     * @param n outputs
     */
    record Result(double javaGflops, double nd4jGflops, int m, int k, int n) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "input projection %d×%d·(%d×%d)ᵀ: Java %.1f GFLOP/s, ND4J (with copies) %.1f GFLOP/s",
                    m, k, n, k, javaGflops, nd4jGflops);
        }
    }

    static Result measure(int m, int k, int n, int reps) {
        SplittableRandom rng = new SplittableRandom(3);
        float[] a = new float[m * k];
        float[] b = new float[n * k];
        float[] c = new float[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rng.nextDouble();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) rng.nextDouble();
        }
        DenseConnection conn = new DenseConnection("0", k, n, 1, FloatKernels.get());
        System.arraycopy(b, 0, conn.weight().value(), 0, b.length);
        Nd4jGemm nd = new Nd4jGemm(m, n, k);
        double flops = 2.0 * m * n * k;
        double javaBest = Double.MAX_VALUE;
        double ndBest = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                java.util.Arrays.fill(c, 0f);
                conn.projectBatch(m, a, 0, c, 0);
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                nd.multiplyNT(a, b, c, true);
            }
            long t2 = System.nanoTime();
            if (round > 0) {
                javaBest = Math.min(javaBest, (t1 - t0) / (double) reps);
                ndBest = Math.min(ndBest, (t2 - t1) / (double) reps);
            }
        }
        return new Result(flops / javaBest, flops / ndBest, m, k, n);
    }
}
