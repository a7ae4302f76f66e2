package org.plasticity.localca.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plasticity.tensor.FloatKernels;

/** The eligibility dot product (vector kernel or four partial sums) agrees with a double-precision sum. */
class Eligibility_DotTest {

    private static final FloatKernels[] KERNELS = {FloatKernels.scalar(), FloatKernels.get()};

    @Test
    void dotAgreesWithTheDoublePrecisionSumForEveryTailLength() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int n = 0; n <= 67; n++) {
            float[] x = new float[n + 3];
            float[] a = new float[n + 3];
            double want = 0;
            double scale = 0;
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rng.nextDouble();
                a[i] = (float) rng.nextGaussian();
                if (i < n) {
                    want += (double) x[i] * a[i];
                    scale += Math.abs((double) x[i] * a[i]);
                }
            }
            // entries past n must not be read
            for (FloatKernels k : KERNELS) {
                assertEquals(want, Eligibility.dot(k, x, a, n), 1e-6 * (1 + scale), k.name() + ", n=" + n);
            }
        }
        float[] big = new float[256];
        java.util.Arrays.fill(big, 0.5f);
        for (FloatKernels k : KERNELS) {
            assertEquals(64f, Eligibility.dot(k, big, big, 256));
        }
    }
}
