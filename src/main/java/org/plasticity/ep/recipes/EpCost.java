package org.plasticity.ep.recipes;

import java.util.Locale;
import java.util.SplittableRandom;
import org.plasticity.data.Batch;
import org.plasticity.data.Splits;
import org.plasticity.ep.estimator.EquilibriumPropagation;
import org.plasticity.train.Parameter;
import org.plasticity.train.StepContext;

/**
 * What a recipe costs on this machine, measured on a few real batches: seconds per training sample and
 * per evaluated sample, and the projected seconds per epoch. Used to decide whether an expensive
 * setting (the conv net) fits the full profile.
 *
 * @param recipe the recipe
 * @param trainSecondsPerSample training (all phases, gradient, no optimizer) per sample
 * @param evalSecondsPerSample evaluation (free phase) per sample
 * @param trainSize training samples per epoch
 * @param testSize test samples evaluated per epoch
 */
public record EpCost(EpRecipe recipe, double trainSecondsPerSample, double evalSecondsPerSample, int trainSize,
        int testSize) {

    /**
     * Times {@code batches} training batches (after one warm-up batch) and one evaluation batch.
     *
     * @param recipe the setting
     * @param data the data (batches are taken from its training and test sets)
     * @param batches timed training batches
     * @return the cost
     */
    public static EpCost measure(EpRecipe recipe, Splits data, int batches) {
        EquilibriumPropagation ep = recipe.learner(1);
        int b = recipe.batchSize();
        var it = data.trainSet().batchesInOrder(b).iterator();
        Batch first = it.next().copy();
        run(ep, first);
        long t0 = System.nanoTime();
        int n = 0;
        for (int i = 0; i < batches && it.hasNext(); i++) {
            Batch batch = it.next();
            run(ep, batch);
            n += batch.size();
        }
        double train = (System.nanoTime() - t0) / 1e9 / Math.max(1, n);
        Batch test = data.test().batchesInOrder(Math.min(100, data.test().size())).iterator().next();
        long t1 = System.nanoTime();
        ep.evaluate(test);
        double eval = (System.nanoTime() - t1) / 1e9 / test.size();
        return new EpCost(recipe, train, eval, data.trainSet().size(), data.test().size());
    }

    private static void run(EquilibriumPropagation ep, Batch batch) {
        ep.parameters().forEach(Parameter::zeroGrad);
        ep.computeGradients(batch, new StepContext(0, 0, 0, 1, new SplittableRandom(1)));
    }

    /** Projected seconds per epoch: training set once, test set once. */
    public double epochSeconds() {
        return trainSecondsPerSample * trainSize + evalSecondsPerSample * testSize;
    }

    /** Projected hours for the recipe's epochs and the given number of seeds. */
    public double hours(int seeds) {
        return epochSeconds() * recipe.epochs() * seeds / 3600;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "EpCost[%s: %.2f ms/training sample, %.2f ms/test sample → %.0f s/epoch, "
                + "%.1f h for %d epochs × 1 seed]", recipe.id(), 1e3 * trainSecondsPerSample, 1e3 * evalSecondsPerSample,
                epochSeconds(), hours(1), recipe.epochs());
    }
}
