package org.plasticity.experiment.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs the points of a sweep. The body never throws for a failing run (it returns a failed
 * {@link RunResult}), so an executor only schedules; every executor returns the results in point
 * order, and because each run depends only on its seed and knobs the numbers are the same
 * whichever executor ran them.
 */
public interface SweepExecutor {

    /**
     * Runs every point.
     *
     * @param points the points, in sweep order
     * @param body runs one point
     * @return one result per point, in the same order
     */
    List<RunResult> execute(List<SweepPoint> points, Function<SweepPoint, RunResult> body);

    /**
     * Runs every point of {@code sweep}; executors that run points in other JVMs override this and
     * ship {@link RemoteSweep#of} instead of {@code body}. The default calls {@link #execute(List, Function)}.
     *
     * @param sweep the sweep the points belong to
     * @param points the points, in sweep order
     * @param body runs one point in this JVM
     * @return one result per point, in the same order
     */
    default List<RunResult> execute(Sweep sweep, List<SweepPoint> points, Function<SweepPoint, RunResult> body) {
        return execute(points, body);
    }

    /**
     * The threads each run may use when the sweep does not say ({@link Sweep#threadsPerRun(int)}): 0
     * leaves the library's setting ({@code -Dplasticity.threads}); executors that run several runs side
     * by side on one machine return 1.
     *
     * @return 0 or the threads per run
     */
    default int threadsPerRun() {
        return 0;
    }

    /** One run after the other in the calling thread (each run with the library's thread setting). */
    static SweepExecutor sequential() {
        return (points, body) -> {
            List<RunResult> out = new ArrayList<>();
            for (SweepPoint p : points) {
                out.add(body.apply(p));
            }
            return out;
        };
    }

    /**
     * A pool of {@code threads} runs side by side (the default uses one per available core). With more
     * than one thread each run is pinned to one thread ({@link #threadsPerRun()}; on 2 cores two
     * one-thread runs side by side beat one two-thread run for these models), unless the sweep asks
     * otherwise ({@link Sweep#threadsPerRun(int)}); the split never changes the numbers.
     *
     * @param threads concurrent runs (at least 1)
     * @return the executor
     */
    static SweepExecutor threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("need at least one thread, got " + threads);
        }
        return new ThreadPoolSweepExecutor(threads);
    }

    /**
     * Apache Spark on {@code master} ({@code local[2]}, {@code spark://HOST:7077}; null: the master
     * spark-submit set), each point one task, found by name so that the core needs no Spark: it needs
     * the {@code spark} profile's classes ({@code mvn -Pspark package}) and Spark on the class path,
     * and says so otherwise. Close it ({@link AutoCloseable}) to stop the session it started.
     *
     * @param master the master URL, or null under spark-submit
     * @return the executor ({@code org.plasticity.experiment.sweep.spark.SparkExecutor})
     * @throws IllegalStateException without the profile's classes or without Spark
     */
    static SweepExecutor spark(String master) {
        return SweepCli.spark(master, SweepCli.SPARK_EXECUTOR);
    }

    /** {@link #threads(int)} with one run per available core. */
    static SweepExecutor inProcess() {
        return threads(Runtime.getRuntime().availableProcessors());
    }

    /** The thread-pool executor. */
    final class ThreadPoolSweepExecutor implements SweepExecutor {
        private final int threads;

        ThreadPoolSweepExecutor(int threads) {
            this.threads = threads;
        }

        @Override
        public List<RunResult> execute(List<SweepPoint> points, Function<SweepPoint, RunResult> body) {
            if (threads == 1 || points.size() <= 1) {
                return sequential().execute(points, body);
            }
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, points.size()), r -> {
                Thread t = new Thread(r, "plasticity-sweep");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<RunResult>> fs = new ArrayList<>();
                for (SweepPoint p : points) {
                    fs.add(pool.submit(() -> body.apply(p)));
                }
                List<RunResult> out = new ArrayList<>();
                for (Future<RunResult> f : fs) {
                    out.add(f.get());
                }
                return out;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("sweep interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("sweep executor failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }

        @Override
        public int threadsPerRun() {
            return threads > 1 ? 1 : 0;
        }

        @Override
        public String toString() {
            return "threads(" + threads + ")";
        }
    }
}
