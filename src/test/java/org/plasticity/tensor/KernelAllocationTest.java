package org.plasticity.tensor;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Regression check of the Vector API kernels' steady state: once the JIT has compiled them, the kernels at the EP
 * shapes (784-500-10 and 500-500, batch 50 and 128) must not allocate. A vector passed to a helper method that C2
 * does not inline (e.g. a lane reduction called after a block's loop, a cold call site) is boxed on the heap: that
 * cost 0.6-1.1 MB per EP batch of 50 and made steps several times slower. Not timing based: each kernel runs in rounds
 * of calls until one round allocates less than {@value #BYTES_PER_CALL} bytes per call on average (compiled code
 * with boxing allocates tens of kB per call, at every call, for ever); it fails only if no round within
 * {@value #WARMUP_SECONDS} s gets there, which generous warm-up covers even on a loaded machine.
 */
class KernelAllocationTest {

    /** Average bytes per call that a round must stay below (a boxed 256-bit vector costs ~80 bytes). */
    static final long BYTES_PER_CALL = 64;
    /** Warm-up budget per kernel. */
    static final int WARMUP_SECONDS = 60;
    private static final int CALLS_PER_ROUND = 50;

    private final SplittableRandom rng = new SplittableRandom(5);

    private float[] random(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (2 * rng.nextDouble() - 1);
        }
        return a;
    }

    private static com.sun.management.ThreadMXBean mx() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean m
                && m.isThreadAllocatedMemorySupported() ? m : null;
    }

    /**
     * Bytes per call of the best round, after rounds until one is below the bound or the budget is spent.
     */
    private static double steadyBytesPerCall(Runnable call) {
        com.sun.management.ThreadMXBean m = mx();
        long id = Thread.currentThread().getId();
        long deadline = System.nanoTime() + WARMUP_SECONDS * 1_000_000_000L;
        double best = Double.MAX_VALUE;
        do {
            long a0 = m.getThreadAllocatedBytes(id);
            for (int i = 0; i < CALLS_PER_ROUND; i++) {
                call.run();
            }
            long bytes = m.getThreadAllocatedBytes(id) - a0;
            best = Math.min(best, bytes / (double) CALLS_PER_ROUND);
        } while (best >= BYTES_PER_CALL && System.nanoTime() < deadline);
        return best;
    }

    @Test
    void compiledKernelsDoNotBoxVectorsAtTheEpShapes() {
        assumeTrue(mx() != null, "no per-thread allocation counter in this JVM");
        assumeTrue(KernelSelection.vectorModulePresent(), "Vector API module not loaded");
        FloatKernels k = FloatKernels.vector();
        List<String> bad = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (int rows : new int[] {50, 128}) {
            int nIn = 784;
            int nHid = 500;
            int nOut = 10;
            int ld = (rows + 7) / 8 * 8;
            float[] w0 = random(nHid * nIn);
            float[] xt = random(nIn * ld);
            float[] ct = new float[nHid * ld];
            float[] w1 = random(nOut * nHid);
            float[] w2 = random(nHid * nHid);
            float[] h = random(rows * nHid);
            float[] h2 = random(rows * nHid);
            float[] y = random(rows * nOut);
            float[] fwd = new float[rows * nOut];
            float[] bwd = new float[rows * nHid];
            float[] start = random(rows * nHid);
            float[] acc = new float[rows * nHid];
            float[] gw = new float[nHid * nHid];
            float[] sink = new float[1];
            check(bad, report, "gemmAB W0·Xᵀ rows " + rows, () -> k.gemmAB(false, 64, ld, nIn, 1f, w0, 0, nIn, xt, 0, ld, ct, 0, ld));
            check(bad, report, "denseBoth 500↔10 rows " + rows, () -> k.denseBoth(rows, nOut, nHid, w1, h, 0, y, 0, fwd, 0,
                    start, 0, bwd, 0));
            check(bad, report, "gemmAB H·W (500×500) rows " + rows, () -> k.gemmAB(false, rows, nHid, nHid, 1f, h, 0, nHid, w2,
                    0, nHid, acc, 0, nHid));
            float[] packed = new float[nHid * nHid];
            k.packB(false, nHid, nHid, w2, 0, nHid, packed, 0, k.panels(nHid));
            check(bad, report, "gemmABPacked H·W (500×500) rows " + rows, () -> k.gemmABPacked(rows, nHid, nHid, 1f, h, 0, nHid,
                    packed, acc, 0, nHid));
            check(bad, report, "gemmAB Hᵀ·H gradient rows " + rows, () -> k.gemmAB(true, 64, nHid, rows, 0.5f, h, 0, nHid, h2,
                    0, nHid, gw, 0, nHid));
            check(bad, report, "gemmNT rows " + rows, () -> k.gemmNT(rows, nOut, nHid, h, 0, nHid, w1, 0, nHid, fwd, 0, nOut,
                    false));
            check(bad, report, "logistic " + rows + "×500", () -> k.logistic(h, 0, acc, 0, rows * nHid - 3, 4f, 0.5f));
            check(bad, report, "tanh 500", () -> k.tanh(h, 0, acc, 0, nHid - 3));
            check(bad, report, "dot 501", () -> sink[0] += k.dot(nHid + 1, h, 0, h2, 0));
        }
        assertTrue(bad.isEmpty(), "kernels still allocating after " + WARMUP_SECONDS + " s of warm-up (boxed vectors?): " + bad
                + "\n" + report);
    }

    private static void check(List<String> bad, StringBuilder report, String what, Runnable call) {
        double b = steadyBytesPerCall(call);
        report.append(String.format(Locale.ROOT, "  %s: %.1f bytes/call%n", what, b));
        if (b >= BYTES_PER_CALL) {
            bad.add(what + String.format(Locale.ROOT, " (%.0f bytes/call)", b));
        }
    }
}
