package org.plasticity.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.plasticity.baseline.SoftmaxRegression;
import org.plasticity.data.Dataset;
import org.plasticity.data.Splits;
import org.plasticity.train.Trainer;

/**
 * A training job to run beside the kernel benchmark (its {@code --with-load}): trains a softmax
 * regression on random data, epoch after epoch, until it is killed.
 */
public final class TrainingLoad {

    private TrainingLoad() {
    }

    /** Starts this class's {@link #main} in a new JVM with the current class path. */
    static Process start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                TrainingLoad.class.getName()).redirectErrorStream(true).redirectOutput(new File("/dev/null")).start();
    }

    /**
     * Trains until killed.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        int n = 20_000;
        int d = 784;
        SplittableRandom rng = new SplittableRandom(1);
        float[] f = new float[n * d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(10);
            for (int j = 0; j < d; j++) {
                f[i * d + j] = (float) rng.nextDouble();
            }
        }
        Dataset ds = new Dataset("load", f, y, new int[] {d}, 10);
        Splits sp = new Splits("load", ds, ds, ds);
        while (true) {
            Trainer.create().epochs(5).batchSize(50).fit(SoftmaxRegression.create(d, 10, 1), sp);
        }
    }
}
