package org.plasticity.experiment.sweep.spark;

import java.util.List;
import java.util.function.Function;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.plasticity.experiment.sweep.RecipeLookup;
import org.plasticity.experiment.sweep.RemoteSweep;
import org.plasticity.experiment.sweep.RunResult;
import org.plasticity.experiment.sweep.Sweep;
import org.plasticity.experiment.sweep.SweepExecutor;
import org.plasticity.experiment.sweep.SweepPoint;

/**
 * Runs a sweep on Apache Spark: each point is one task (one partition), shipped as a
 * {@link RemoteSweep} and run exactly as in-process, so the numbers are the same; results come back
 * in point order. A task that crashes (an error escaping the run, a lost executor) is retried by
 * Spark ({@code spark.task.maxFailures}, or {@code local[N,F]}); a retried run resumes from its
 * checkpoint when the store is on a shared file system. A run's own failure (exception, divergence)
 * is not a task failure: it comes back as a failed row.
 *
 * <p>Only in the {@code spark} Maven profile ({@code mvn -Pspark}); Spark is a provided
 * dependency, so the core jar and its runtime class path stay without it.
 *
 * <pre>{@code
 * SweepTable t = Sweep.of(Catalog.get(id)).
 *         vary("beta", 0.1, 0.5).
 *         seeds(5).
 *         executor(SparkExecutor.of(spark)).
 *         run();
 * }</pre>
 */
public final class SparkExecutor implements SweepExecutor, AutoCloseable {

    private final SparkSession spark;
    private final RecipeLookup recipes;
    private final boolean owned;

    private SparkExecutor(SparkSession spark, RecipeLookup recipes, boolean owned) {
        this.spark = spark;
        this.recipes = recipes;
        this.owned = owned;
    }

    /**
     * An executor on a session of its own ({@code plasticity sweep ... --executor spark --master URL}):
     * {@code master} (or, when null, the master spark-submit set), app name "plasticity sweep", no UI;
     * {@link #close()} stops it. An existing session of this JVM is reused (and then not stopped).
     *
     * @param master the master URL ({@code local[2]}, {@code spark://HOST:7077}, ...), or null
     * @return the executor
     */
    public static SparkExecutor connect(String master) {
        boolean existed = SparkSession.getActiveSession().isDefined() || SparkSession.getDefaultSession().isDefined();
        SparkSession.Builder b = SparkSession.builder().appName("plasticity sweep").config("spark.ui.enabled", "false");
        if (master != null) {
            b = b.master(master);
        }
        if (master != null && master.startsWith("local")) {
            b = b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        return new SparkExecutor(b.getOrCreate(), RecipeLookup.catalog(), !existed);
    }

    /** An executor on this session; recipes are found in the catalogue on each executor. */
    public static SparkExecutor of(SparkSession spark) {
        return of(spark, RecipeLookup.catalog());
    }

    /** An executor on this session with another recipe lookup (private recipes, tests). */
    public static SparkExecutor of(SparkSession spark, RecipeLookup recipes) {
        return new SparkExecutor(spark, recipes, false);
    }

    @Override
    public List<RunResult> execute(List<SweepPoint> points, Function<SweepPoint, RunResult> body) {
        throw new IllegalStateException("the Spark executor runs whole sweeps (Sweep.executor(...).run()): a point's"
                + " body cannot be shipped to another JVM");
    }

    @Override
    public List<RunResult> execute(Sweep sweep, List<SweepPoint> points, Function<SweepPoint, RunResult> body) {
        if (points.isEmpty()) {
            return List.of();
        }
        RemoteSweep remote = RemoteSweep.of(sweep, recipes);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        jsc.setJobDescription("plasticity sweep " + sweep.recipe().id() + " (" + points.size() + " runs)");
        return jsc.parallelize(points, points.size()).map(remote::run).collect();
    }

    /** Each task's run uses {@code spark.task.cpus} threads (default 1): Spark runs that many cores' worth of tasks side by side. */
    @Override
    public int threadsPerRun() {
        return Math.max(1, Integer.parseInt(spark.sparkContext().getConf().get("spark.task.cpus", "1").trim()));
    }

    /** Stops the session when {@link #connect(String)} started it. */
    @Override
    public void close() {
        if (owned) {
            spark.stop();
        }
    }

    @Override
    public String toString() {
        return "SparkExecutor[" + spark.sparkContext().master() + "]";
    }
}
