package org.plasticity.bench;

import java.util.List;
import org.plasticity.data.Batch;
import org.plasticity.data.Dataset;
import org.plasticity.data.Splits;
import org.plasticity.ep.recipes.EpRecipe;
import org.plasticity.ep.estimator.EquilibriumPropagation;
import org.plasticity.random.Seeds;
import org.plasticity.train.BatchStats;
import org.plasticity.train.Parameter;
import org.plasticity.train.StepContext;
import org.plasticity.train.optim.Optimizer;

/**
 * Our side of {@link EpBench}: one recipe at one batch size trained on real MNIST batches exactly as the
 * trainer runs it ({@code computeGradients} + optimizer step). The constructor warms the JIT up; each
 * {@link #round} is one timed round, to be interleaved with the peer's.
 */
final class EpThroughput {

    private final EquilibriumPropagation ep;
    private final Optimizer opt;
    private final List<Parameter> params;
    private final Batch[] batches;
    private final int batch;
    private int next;

    /**
     * Builds the learner and warms it up.
     *
     * @param recipe the recipe
     * @param batch batch size
     * @param mnist MNIST splits
     */
    EpThroughput(EpRecipe recipe, int batch, Splits mnist) {
        EpBenchMachine.resetPeakRss();
        Dataset train = mnist.trainSet();
        this.ep = recipe.learner(1);
        this.opt = recipe.optimizer().create();
        this.params = ep.parameters();
        this.batch = batch;
        int nb = Math.max(4, 4096 / batch);
        this.batches = new Batch[nb];
        for (int i = 0; i < nb; i++) {
            batches[i] = EpBench.slice(train, i * batch, batch);
        }
        long t0 = System.nanoTime();
        // warm-up: at least 20 batches and 2000 samples, and at least 1.5 s (C2 compiles the kernels)
        while (next < Math.max(20, 2000 / batch) || System.nanoTime() - t0 < 1.5e9) {
            step();
        }
    }

    /** The learner. */
    EquilibriumPropagation learner() {
        return ep;
    }

    /**
     * Trains for at least {@code seconds} (and at least 3 batches).
     *
     * @return samples per second of this round
     */
    double round(double seconds) {
        long t0 = System.nanoTime();
        int done = 0;
        while (done < 3 || System.nanoTime() - t0 < seconds * 1e9) {
            step();
            done++;
        }
        return done * (double) batch / ((System.nanoTime() - t0) / 1e9);
    }

    private void step() {
        int i = next++;
        params.forEach(Parameter::zeroGrad);
        ep.computeGradients(batches[i % batches.length], new StepContext(0, i, i, 1, Seeds.stream(1, Seeds.STEP, 0, i)));
        opt.step(params, 0);
    }

    /** Seconds of one evaluation pass over the test set (batches of 1000). */
    double evalSeconds(Splits mnist) {
        long e0 = System.nanoTime();
        Dataset test = mnist.test();
        for (int i = 0; i < test.size(); i += 1000) {
            BatchStats s = ep.evaluate(EpBench.slice(test, i, Math.min(1000, test.size() - i)));
            if (s.count() == 0) {
                throw new IllegalStateException("empty evaluation batch");
            }
        }
        return (System.nanoTime() - e0) / 1e9;
    }

    /** Peak resident memory of the JVM since this case started (MiB). */
    double peakRssMib() {
        return EpBenchMachine.peakRssMib();
    }
}
