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
public final class SparkExecutor implements SweepExecutor {

    private final SparkSession spark;
    private final RecipeLookup recipes;

    private SparkExecutor(SparkSession spark, RecipeLookup recipes) {
        this.spark = spark;
        this.recipes = recipes;
    }

    /** An executor on this session; recipes are found in the catalogue on each executor. */
    public static SparkExecutor of(SparkSession spark) {
        return of(spark, RecipeLookup.catalog());
    }

    /** An executor on this session with another recipe lookup (private recipes, tests). */
    public static SparkExecutor of(SparkSession spark, RecipeLookup recipes) {
        return new SparkExecutor(spark, recipes);
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

    @Override
    public String toString() {
        return "SparkExecutor[" + spark.sparkContext().master() + "]";
    }
}
