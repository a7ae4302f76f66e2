package org.plasticity.bench;

import java.util.Locale;
import java.util.SplittableRandom;
import org.plasticity.tensor.FloatKernels;
import org.plasticity.tensor.Nd4jGemm;
import org.plasticity.tensor.Parallel;

/**
 * The hoisted input projection {@code X·W0ᵀ} of one batch two ways: our Vector-API {@code gemmNT} split
 * over the threads, and ND4J's {@code Nd4j.gemm} on preallocated off-heap arrays including the copies
 * in and out (the weights change after every batch, so they are copied every call).
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
        FloatKernels kern = FloatKernels.get();
        Nd4jGemm nd = new Nd4jGemm(m, n, k);
        double flops = 2.0 * m * n * k;
        double javaBest = Double.MAX_VALUE;
        double ndBest = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                Parallel.forRange(m, 4, (r0, r1) -> kern.gemmNT(r1 - r0, n, k, a, r0 * k, k, b, 0, k, c, r0 * n, n, false));
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
