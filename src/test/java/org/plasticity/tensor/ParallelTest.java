package org.plasticity.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTest {

    @Test
    void coversEveryIndexExactlyOnce() {
        for (int n : new int[] {0, 1, 2, 3, 7, 50, 1000}) {
            for (int grain : new int[] {1, 4, 64}) {
                AtomicIntegerArray hits = new AtomicIntegerArray(Math.max(1, n));
                for (int rep = 0; rep < 50; rep++) {
                    Parallel.forRange(n, grain, (a, b) -> {
                        for (int i = a; i < b; i++) {
                            hits.incrementAndGet(i);
                        }
                    });
                }
                for (int i = 0; i < n; i++) {
                    assertEquals(50, hits.get(i), "n=" + n + " grain=" + grain + " index " + i);
                }
            }
        }
    }

    @Test
    void rethrowsAFailureOfAnyChunk() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parallel.forRange(100, 1, (a, b) -> {
            if (b == 100) {
                throw new IllegalArgumentException("last chunk");
            }
        }));
        assertEquals("last chunk", e.getMessage());
        // the pool still works afterwards
        int[] sum = new int[100];
        Parallel.forRange(100, 1, (a, b) -> {
            for (int i = a; i < b; i++) {
                sum[i] = i;
            }
        });
        assertEquals(99, sum[99]);
    }

    @Test
    void nestedAndConcurrentCallersGetTheSameResults() throws Exception {
        int n = 300;
        float[] expected = new float[n];
        for (int i = 0; i < n; i++) {
            expected[i] = (float) Math.sqrt(i) * 3f;
        }
        Thread[] callers = new Thread[4];
        float[][] out = new float[callers.length][n];
        Throwable[] failures = new Throwable[callers.length];
        for (int c = 0; c < callers.length; c++) {
            int id = c;
            callers[c] = new Thread(() -> {
                try {
                    for (int rep = 0; rep < 200; rep++) {
                        Parallel.forRange(3, 1, (a, b) -> {
                            for (int part = a; part < b; part++) {
                                int p = part;
                                Parallel.forRange(100, 1, (i0, i1) -> {
                                    for (int i = i0; i < i1; i++) {
                                        out[id][p * 100 + i] = (float) Math.sqrt(p * 100 + i) * 3f;
                                    }
                                });
                            }
                        });
                    }
                } catch (Throwable t) {
                    failures[id] = t;
                }
            });
            callers[c].start();
        }
        for (int c = 0; c < callers.length; c++) {
            callers[c].join();
            assertEquals(null, failures[c]);
            assertArrayEquals(expected, out[c]);
        }
    }
}
