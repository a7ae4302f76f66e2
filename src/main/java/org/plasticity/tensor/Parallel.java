package org.plasticity.tensor;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Splits an index range into contiguous chunks and runs them on a small pool of daemon threads (the
 * caller runs the first chunk). Hand-offs are cheap: idle workers and a waiting caller spin for up to
 * {@code plasticity.spinMicros} (200 µs) before they park, and a call allocates one small object. The split depends only on the range, the grain and the thread count,
 * and kernels compute each element the same way in every chunk, so results never depend on it.
 *
 * <p>Threads: {@code plasticity.threads} system property, else the number of available processors. A
 * thread can lower its own share for a while with {@link #withThreads(int, Supplier)} (a sweep pins each
 * of its side-by-side runs to one thread this way); as the split never changes the results, neither does
 * the limit.
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
    /**
     * How long an idle worker (and a caller waiting for its workers) spins before it parks, in ns
     * ({@code plasticity.spinMicros}, default 200 µs). The hot loops hand work over every 0.1–1 ms; a parked
     * thread takes tens of µs to wake (more on a virtual machine), which cost more than the work it shares.
     * A thread never spins longer than this, so an idle pool costs nothing.
     */
    private static final long SPIN_NANOS = 1000L * Math.max(0, Integer.getInteger("plasticity.spinMicros", 200));
    private static final ThreadGroup WORKERS = new ThreadGroup("plasticity-workers");
    private static final Worker[] POOL = workers();
    /** Held by the one caller whose chunks the workers run; other callers meanwhile run their work inline. */
    private static final AtomicBoolean BUSY = new AtomicBoolean();
    /** This thread's limit on {@link #threads()} ({@link #withThreads}); 0 = none. */
    private static final ThreadLocal<int[]> LIMIT = ThreadLocal.withInitial(() -> new int[1]);

    private Parallel() {
    }

    private static Worker[] workers() {
        Worker[] w = new Worker[THREADS - 1];
        for (int i = 0; i < w.length; i++) {
            w[i] = new Worker();
            w[i].start();
        }
        return w;
    }

    /**
     * Multiply-adds below which a chunk is not worth a hand-off ({@link #grain}): about 5 µs of work on one
     * core, comparable to waking a parked worker.
     */
    public static final long MIN_CHUNK_WORK = 250_000;

    /**
     * The grain (minimum chunk size) for {@link #forRange} that gives each chunk at least
     * {@link #MIN_CHUNK_WORK} units when each index costs {@code workPerIndex}: small work then runs on
     * the caller alone instead of paying a hand-off (results are the same either way).
     *
     * @param workPerIndex cost of one index (e.g. multiply-adds)
     * @return the grain, at least 1
     */
    public static int grain(long workPerIndex) {
        long w = Math.max(1, workPerIndex);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (MIN_CHUNK_WORK + w - 1) / w));
    }

    /** Number of threads used by calls from this thread (including the caller): the pool's size, or this thread's lower limit. */
    public static int threads() {
        int l = LIMIT.get()[0];
        return l > 0 ? Math.min(l, THREADS) : THREADS;
    }

    /** The pool's size ({@code plasticity.threads}, else the available processors), whatever this thread's limit. */
    public static int poolThreads() {
        return THREADS;
    }

    /**
     * Runs {@code body} on this thread with at most {@code threads} threads per call (1: everything on this
     * thread, never taking the shared pool). Results are the same as without the limit; only the split
     * changes. Nested limits take the inner one; the previous limit is restored afterwards.
     *
     * @param threads the limit (at least 1)
     * @param body the work
     * @param <T> its result type
     * @return what {@code body} returned
     */
    public static <T> T withThreads(int threads, Supplier<T> body) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        }
        int[] l = LIMIT.get();
        int before = l[0];
        l[0] = threads;
        try {
            return body.get();
        } finally {
            l[0] = before;
        }
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
        int chunks = Math.min(threads(), Math.max(1, n / Math.max(1, grain)));
        // a nested call from a worker, or a call while another caller holds the pool, runs inline (same results)
        if (chunks <= 1 || Thread.currentThread().getThreadGroup() == WORKERS || !BUSY.compareAndSet(false, true)) {
            if (n > 0) {
                task.run(0, n);
            }
            return;
        }
        try {
            Job job = new Job(task, Thread.currentThread(), chunks - 1);
            for (int c = 1; c < chunks; c++) {
                POOL[c - 1].post(job, bound(n, chunks, c), bound(n, chunks, c + 1));
            }
            try {
                task.run(0, bound(n, chunks, 1));
            } catch (Throwable t) {
                job.failure.compareAndSet(null, t);
            }
            job.awaitWorkers();
            Throwable t = job.failure.get();
            if (t instanceof RuntimeException re) {
                throw re;
            }
            if (t instanceof Error err) {
                throw err;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        } finally {
            BUSY.set(false);
        }
    }

    /** One call's shared state: the task, the chunks still running on workers, the first failure. */
    private static final class Job {
        final RangeTask task;
        final Thread caller;
        final AtomicInteger pending;
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        volatile boolean callerParked;

        Job(RangeTask task, Thread caller, int workers) {
            this.task = task;
            this.caller = caller;
            this.pending = new AtomicInteger(workers);
        }

        void chunkDone() {
            if (pending.decrementAndGet() == 0 && callerParked) {
                LockSupport.unpark(caller);
            }
        }

        /** Spins for a while, then parks, until every worker chunk is done. */
        void awaitWorkers() {
            long deadline = System.nanoTime() + SPIN_NANOS;
            while (pending.get() != 0) {
                if (System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                } else {
                    callerParked = true;
                    if (pending.get() != 0) {
                        LockSupport.park(this);
                    }
                    callerParked = false;
                }
            }
        }
    }

    /** A daemon worker: waits for one chunk at a time (spinning briefly, then parked). */
    private static final class Worker extends Thread {
        private volatile Job job;
        private int from;
        private int to;
        private volatile boolean parked;

        Worker() {
            super(WORKERS, "plasticity-worker");
            setDaemon(true);
        }

        void post(Job j, int f, int t) {
            from = f;
            to = t;
            job = j;
            if (parked) {
                LockSupport.unpark(this);
            }
        }

        @Override
        public void run() {
            for (;;) {
                Job j = await();
                try {
                    j.task.run(from, to);
                } catch (Throwable t) {
                    j.failure.compareAndSet(null, t);
                } finally {
                    j.chunkDone();
                }
            }
        }

        private Job await() {
            long deadline = System.nanoTime() + SPIN_NANOS;
            Job j;
            while ((j = job) == null) {
                if (System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                } else {
                    parked = true;
                    if (job == null) {
                        LockSupport.park(this);
                    }
                    parked = false;
                }
            }
            job = null;
            return j;
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
