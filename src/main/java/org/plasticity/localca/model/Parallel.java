package org.plasticity.localca.model;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Splits a loop over compartments into contiguous chunks run on a small dedicated pool. Every
 * index is processed by exactly one task and writes only its own outputs, so results do not depend
 * on the number of threads.
 */
public final class Parallel {

    private static volatile ForkJoinPool pool;

    private Parallel() {
    }

    /** Runs {@code body.accept(i)} for {@code i} in {@code [0, n)} on up to {@code threads} workers. */
    public static void forEach(int n, int threads, IntConsumer body) {
        if (threads <= 1 || n < 2 * threads) {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
            return;
        }
        ForkJoinPool p = pool(threads);
        int chunks = threads * 4;
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[chunks];
        for (int t = 0; t < chunks; t++) {
            int lo = (int) ((long) n * t / chunks);
            int hi = (int) ((long) n * (t + 1) / chunks);
            tasks[t] = p.submit(() -> {
                for (int i = lo; i < hi; i++) {
                    body.accept(i);
                }
            });
        }
        for (ForkJoinTask<?> task : tasks) {
            task.join();
        }
    }

    private static ForkJoinPool pool(int threads) {
        ForkJoinPool p = pool;
        if (p == null || p.getParallelism() != threads) {
            synchronized (Parallel.class) {
                p = pool;
                if (p == null || p.getParallelism() != threads) {
                    if (p != null) {
                        p.shutdown();
                        try {
                            p.awaitTermination(1, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    p = new ForkJoinPool(threads, pool -> {
                        var w = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                        w.setDaemon(true);
                        w.setName("plasticity-localca-" + w.getPoolIndex());
                        return w;
                    }, null, false);
                    pool = p;
                }
            }
        }
        return p;
    }
}
