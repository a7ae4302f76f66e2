package org.plasticity.bench;

import java.util.Arrays;
import java.util.Locale;
import org.plasticity.data.DatasetLoader;
import org.plasticity.data.Datasets;
import org.plasticity.data.Splits;

/**
 * Benchmark: loading full MNIST (60k + 10k, verified SHA-256, pixels to floats) from the data cache
 * into memory. Prints the first (cold JVM) load and the median of the following loads. Target:
 * well under 2 s. Run after {@code DatasetsCli fill mnist}:
 * <pre>java -cp target/classes:target/lib/* org.plasticity.bench.DataLoadBench [repeats]</pre>
 */
public final class DataLoadBench {

    private DataLoadBench() {
    }

    /** Runs the benchmark; optional argument: number of timed repeats (default 5). */
    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        DatasetLoader loader = Datasets.loader();
        long t0 = System.nanoTime();
        Splits first = loader.mnist();
        double cold = (System.nanoTime() - t0) / 1e9;
        double[] warm = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t = System.nanoTime();
            Splits s = loader.mnist();
            warm[i] = (System.nanoTime() - t) / 1e9;
            if (s.test().size() != first.test().size()) {
                throw new IllegalStateException("inconsistent loads");
            }
        }
        Arrays.sort(warm);
        double median = repeats == 0 ? Double.NaN : warm[repeats / 2];
        long bytes = 4L * (first.trainSet().features().length + first.test().features().length);
        System.out.printf(Locale.ROOT, "mnist-load-from-cache: first %.3f s (cold JVM), median of %d further loads %.3f s "
                + "(min %.3f s); %d + %d samples, %.1f MiB of floats; cache %s%n", cold, repeats, median,
                repeats == 0 ? Double.NaN : warm[0], first.trainSet().size(), first.test().size(), bytes / 1048576.0, loader.root());
    }
}
