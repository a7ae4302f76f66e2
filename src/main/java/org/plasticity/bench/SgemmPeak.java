package org.plasticity.bench;

import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.plasticity.tensor.FloatKernels;
import org.plasticity.tensor.Parallel;

/**
 * The machine's measured single-precision matrix-multiply peak, the reference for "fraction of peak"
 * figures: the best of ND4J's {@code Nd4j.gemm} (OpenBLAS, all cores) and our own register-blocked
 * kernels ({@link FloatKernels#gemmAB} split over {@link Parallel#threads()} threads) on square
 * products. Run standalone: {@code java --add-modules jdk.incubator.vector -cp ... org.plasticity.bench.SgemmPeak}.
 *
 * @param size matrix size n of the n×n·n×n products
 * @param nd4jGflops ND4J's best GFLOP/s
 * @param javaGflops our kernels' best GFLOP/s
 */
public record SgemmPeak(int size, double nd4jGflops, double javaGflops) {

    /** The peak: the faster of the two. */
    public double peakGflops() {
        return Math.max(nd4jGflops, javaGflops);
    }

    /**
     * Measures both on {@code n×n} products, best of {@code reps} timed calls after warm-up.
     *
     * @param n matrix size
     * @param reps timed repetitions
     * @return the measurement
     */
    public static SgemmPeak measure(int n, int reps) {
        double flops = 2.0 * n * n * n;
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.create(DataType.FLOAT, n, n);
        double nd4jBest = Double.MAX_VALUE;
        for (int i = 0; i < reps + 3; i++) {
            long t0 = System.nanoTime();
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            long dt = System.nanoTime() - t0;
            if (i >= 3) {
                nd4jBest = Math.min(nd4jBest, dt);
            }
        }
        float[] ja = a.data().asFloat();
        float[] jb = b.data().asFloat();
        float[] jc = new float[n * n];
        FloatKernels k = FloatKernels.get();
        double javaBest = Double.MAX_VALUE;
        for (int i = 0; i < reps + 3; i++) {
            java.util.Arrays.fill(jc, 0f);
            long t0 = System.nanoTime();
            Parallel.forRange(n, 16, (r0, r1) -> k.gemmAB(false, r1 - r0, n, n, 1f, ja, r0 * n, n, jb, 0, n, jc, r0 * n, n));
            long dt = System.nanoTime() - t0;
            if (i >= 3) {
                javaBest = Math.min(javaBest, dt);
            }
        }
        return new SgemmPeak(n, flops / nd4jBest, flops / javaBest);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "sgemm %d³: ND4J %.1f GFLOP/s, Java kernels %.1f GFLOP/s (%d threads) → peak %.1f",
                size, nd4jGflops, javaGflops, Parallel.threads(), peakGflops());
    }

    /** Prints the measurement for 512³ and 1024³. */
    public static void main(String[] args) {
        System.out.println(measure(512, 10));
        System.out.println(measure(1024, 5));
    }
}
