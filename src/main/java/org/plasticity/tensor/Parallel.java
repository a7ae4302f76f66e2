package org.plasticity.tensor;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Splits an index range into contiguous chunks and runs them on a small pool of daemon threads (the
 * caller runs the first chunk). The split depends only on the range, the grain and the thread count,
 * and kernels compute each element the same way in every chunk, so results never depend on it.
 *
 * <p>Threads: {@code plasticity.threads} system property, else the number of available processors.
 */
public final class Parallel {

    /** Work over a half-open index range {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeTask {
        /**
         * @param from first index
         * @param to one past the last index
         */
        void run(int from, int to);
    }

    private static final int THREADS = Math.max(1,
            Integer.getInteger("plasticity.threads", Runtime.getRuntime().availableProcessors()));
    private static final ThreadGroup WORKERS = new ThreadGroup("plasticity-workers");
    private static final ExecutorService POOL = THREADS == 1 ? null : Executors.newFixedThreadPool(THREADS - 1, r -> {
        Thread t = new Thread(WORKERS, r, "plasticity-worker");
        t.setDaemon(true);
        return t;
    });

    private Parallel() {
    }

    /** Number of threads used (including the caller). */
    public static int threads() {
        return THREADS;
    }

    /**
     * Runs {@code task} over {@code [0, n)} in at most {@link #threads()} contiguous chunks of at least
     * {@code grain} indices each; returns when all chunks are done. Exceptions of any chunk are rethrown.
     *
     * @param n range size
     * @param grain minimum chunk size (work below {@code 2·grain} runs on the caller only)
     * @param task the work
     */
    public static void forRange(int n, int grain, RangeTask task) {
        int chunks = Math.min(THREADS, Math.max(1, n / Math.max(1, grain)));
        // a nested call from a worker runs inline: waiting for the (busy) pool would deadlock
        if (chunks <= 1 || POOL == null || Thread.currentThread().getThreadGroup() == WORKERS) {
            if (n > 0) {
                task.run(0, n);
            }
            return;
        }
        CountDownLatch done = new CountDownLatch(chunks - 1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int c = 1; c < chunks; c++) {
            int from = bound(n, chunks, c);
            int to = bound(n, chunks, c + 1);
            POOL.execute(() -> {
                try {
                    task.run(from, to);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    done.countDown();
                }
            });
        }
        try {
            task.run(0, bound(n, chunks, 1));
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for worker threads", e);
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    /**
     * Runs {@code body.accept(i)} for every {@code i} in {@code [0, n)}, split into at most
     * {@code min(maxThreads, threads())} contiguous chunks. Every index is processed exactly once by one
     * thread and, when each index writes only its own outputs, the results do not depend on the thread
     * count (the per-compartment loops of LocalCA rely on this).
     *
     * @param n range size
     * @param maxThreads upper bound on the threads used (1 runs everything on the caller)
     * @param body the work for one index
     */
    public static void forEach(int n, int maxThreads, IntConsumer body) {
        if (maxThreads < 1) {
            throw new IllegalArgumentException("maxThreads must be ≥ 1, got " + maxThreads);
        }
        int grain = maxThreads == 1 ? Math.max(1, n) : Math.max(1, (n + maxThreads - 1) / maxThreads);
        forRange(n, grain, (from, to) -> {
            for (int i = from; i < to; i++) {
                body.accept(i);
            }
        });
    }

    private static int bound(int n, int chunks, int c) {
        return (int) ((long) n * c / chunks);
    }
}
