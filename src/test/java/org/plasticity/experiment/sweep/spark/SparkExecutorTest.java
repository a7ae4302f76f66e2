package org.plasticity.experiment.sweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.baseline.SoftmaxRegression;
import org.plasticity.experiment.Claim;
import org.plasticity.experiment.Knob;
import org.plasticity.experiment.Recipe;
import org.plasticity.experiment.sweep.RunResult;
import org.plasticity.experiment.sweep.Sweep;
import org.plasticity.experiment.sweep.SweepExecutor;
import org.plasticity.experiment.sweep.SweepTable;
import org.plasticity.results.Profile;
import org.plasticity.results.RunStore;
import org.plasticity.testing.TestData;
import org.plasticity.train.Trainer;
import org.plasticity.train.optim.Sgd;

/** A small sweep on Spark local[2,2]: same numbers as in-process, and a crashing task retried by Spark. */
class SparkExecutorTest {

    /** Tasks of learning rate 0.2 crash this many more times (an Error escapes the run: a task failure). */
    static final AtomicInteger CRASHES_LEFT = new AtomicInteger();

    private static SparkSession spark;

    static Recipe toy(String id) {
        return Recipe.builder("spark-toy").paper("toy-paper").dataset("blobs").notes("test recipe")
                .data(() -> TestData.blobSplits(8, 3, 0.3)).epochs(2).batchSize(32)
                .knob(Knob.real("learning_rate", 0.5, 1e-6, 10, "SGD rate"))
                .learner((c, seed) -> {
                    if (c.real("learning_rate") == 0.2 && CRASHES_LEFT.getAndDecrement() > 0) {
                        throw new AssertionError("simulated executor crash");
                    }
                    return SoftmaxRegression.create(8, 3, seed);
                })
                .trainer((c, l) -> Trainer.create().optimizer(Sgd.of(c.real("learning_rate"))))
                .claim(Claim.accuracy(0.99, 0.005, 0.01)).seeds(1, 2).build();
    }

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2,2]").appName("plasticity-sweep-test")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static Sweep sweep(Path dir) {
        return Sweep.of(toy("spark-toy")).vary("learning_rate", 0.05, 0.2).seedList(1, 2).profile(Profile.FULL)
                .store(RunStore.at(dir));
    }

    @Test
    void sameNumbersAsInProcessAndACrashedTaskIsRetried(@TempDir Path dir) {
        CRASHES_LEFT.set(1);
        SweepTable onSpark = sweep(dir.resolve("spark")).executor(SparkExecutor.of(spark, SparkExecutorTest::toy)).run();
        assertTrue(CRASHES_LEFT.get() <= -2, "the crash happened, then the retry and the other seed ran: " + CRASHES_LEFT.get());
        assertEquals(0, onSpark.failed().size(), "the crashed task succeeded on Spark's retry");
        CRASHES_LEFT.set(0);
        SweepTable inProcess = sweep(dir.resolve("local")).executor(SweepExecutor.sequential()).run();
        assertEquals(4, onSpark.results().size());
        for (int i = 0; i < 4; i++) {
            RunResult s = onSpark.results().get(i);
            RunResult l = inProcess.results().get(i);
            assertEquals(i, s.index(), "results come back in point order");
            assertEquals(l.seed(), s.seed());
            assertEquals(l.knobs(), s.knobs());
            assertEquals(l.metrics(), s.metrics(), "bit-identical metrics, run " + i);
            assertEquals(RunResult.State.DONE, s.state());
        }
        assertTrue(onSpark.table().rowCount() == 4 && onSpark.grouped().rowCount() > 0);
    }

    @Test
    void theCommandLineFindsTheSparkExecutorAndPinsEachTaskToOneThread(@TempDir Path dir) throws Exception {
        SweepExecutor ex = org.plasticity.experiment.sweep.SweepCliAccess.executor("spark", "local[2]");
        assertTrue(ex instanceof SparkExecutor, String.valueOf(ex));
        assertEquals(1, ex.threadsPerRun());
        ((SparkExecutor) ex).close(); // the session existed before: not stopped
        assertTrue(!spark.sparkContext().isStopped(), "a session the executor did not start stays up");
        SparkExecutor.of(spark, SparkExecutorTest::toy); // still usable
        Sweep s = sweep(dir).executor(SparkExecutor.of(spark, SparkExecutorTest::toy));
        assertEquals(1, s.effectiveThreadsPerRun());
    }
}
