package org.plasticity.experiment.sweep;

import java.io.Serializable;
import java.nio.file.Path;
import org.plasticity.results.RunStore;

/**
 * A sweep as data that travels to another JVM (a Spark executor): its JSON, its store's
 * directories (a shared file system, or the executor's local disk), whether to retry failed runs,
 * and how to find the recipe there. {@link #run(SweepPoint)} runs one point exactly as the
 * in-process executors do, so the numbers are the same.
 *
 * @param json {@link Sweep#toJson()}
 * @param output the store's output directory
 * @param committed the store's committed directory, or null
 * @param retryFailed whether failed runs are tried again
 * @param recipes the recipe lookup on the executor
 * @param threadsPerRun threads of each run's kernels (0: the executor JVM's {@code plasticity.threads})
 */
public record RemoteSweep(String json, String output, String committed, boolean retryFailed, RecipeLookup recipes,
        int threadsPerRun) implements Serializable {

    private static final long serialVersionUID = 2L;

    /** A remote sweep whose runs use the executor JVM's thread setting. */
    public RemoteSweep(String json, String output, String committed, boolean retryFailed, RecipeLookup recipes) {
        this(json, output, committed, retryFailed, recipes, 0);
    }

    /** The remote form of a sweep; its runs use the sweep's {@link Sweep#effectiveThreadsPerRun()}. */
    public static RemoteSweep of(Sweep s, RecipeLookup recipes) {
        RunStore st = s.runStore();
        return new RemoteSweep(s.toJson(), st.output().toString(), st.committed() == null ? null
                : st.committed().toString(), s.retryFailed(), recipes, s.effectiveThreadsPerRun());
    }

    /**
     * Runs one point of the sweep on this JVM.
     *
     * @param p the point
     * @return its result
     */
    public RunResult run(SweepPoint p) {
        Sweep s = Sweep.fromJson(json, recipes).store(new RunStore(Path.of(output), committed == null ? null
                : Path.of(committed))).retryFailed(retryFailed);
        return s.runOne(p, threadsPerRun);
    }
}
