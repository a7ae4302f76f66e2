package org.plasticity.train;

import org.plasticity.random.Seeds;
import org.plasticity.train.optim.OptimizerSpec;
import org.plasticity.train.optim.Sgd;

/**
 * Everything that determines a training run besides the model and the data: recorded verbatim
 * in every result row and checkpoint.
 *
 * @param epochs number of epochs (≥ 1)
 * @param batchSize training mini-batch size
 * @param evalBatchSize batch size for validation / test evaluation
 * @param seed the run's root seed (shuffling, per-batch streams)
 * @param optimizer optimizer specification (base rate, schedule, decay, clipping)
 * @param maxBatchesPerEpoch cap on training batches per epoch (0 = no cap; smoke profiles)
 * @param evaluateTestEveryEpoch evaluate the test split after every epoch (else only the last)
 */
public record TrainerConfig(int epochs, int batchSize, int evalBatchSize, long seed, OptimizerSpec optimizer,
        int maxBatchesPerEpoch, boolean evaluateTestEveryEpoch) {

    /** Validates. */
    public TrainerConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be ≥ 1, got " + epochs);
        }
        if (batchSize < 1 || evalBatchSize < 1) {
            throw new IllegalArgumentException("batch sizes must be ≥ 1, got batchSize=" + batchSize
                    + ", evalBatchSize=" + evalBatchSize);
        }
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer must not be null");
        }
        if (maxBatchesPerEpoch < 0) {
            throw new IllegalArgumentException("maxBatchesPerEpoch must be ≥ 0 (0 = all), got " + maxBatchesPerEpoch);
        }
    }

    /** One epoch, batch 64, seed 42, SGD 0.01. */
    public static TrainerConfig defaults() {
        return new TrainerConfig(1, 64, 1000, Seeds.DEFAULT, Sgd.of(0.01), 0, true);
    }

    /** Copy with {@code epochs}. */
    public TrainerConfig withEpochs(int v) {
        return new TrainerConfig(v, batchSize, evalBatchSize, seed, optimizer, maxBatchesPerEpoch, evaluateTestEveryEpoch);
    }

    /** Copy with {@code batchSize}. */
    public TrainerConfig withBatchSize(int v) {
        return new TrainerConfig(epochs, v, evalBatchSize, seed, optimizer, maxBatchesPerEpoch, evaluateTestEveryEpoch);
    }

    /** Copy with {@code evalBatchSize}. */
    public TrainerConfig withEvalBatchSize(int v) {
        return new TrainerConfig(epochs, batchSize, v, seed, optimizer, maxBatchesPerEpoch, evaluateTestEveryEpoch);
    }

    /** Copy with {@code seed}. */
    public TrainerConfig withSeed(long v) {
        return new TrainerConfig(epochs, batchSize, evalBatchSize, v, optimizer, maxBatchesPerEpoch, evaluateTestEveryEpoch);
    }

    /** Copy with {@code optimizer}. */
    public TrainerConfig withOptimizer(OptimizerSpec v) {
        return new TrainerConfig(epochs, batchSize, evalBatchSize, seed, v, maxBatchesPerEpoch, evaluateTestEveryEpoch);
    }

    /** Copy with {@code maxBatchesPerEpoch}. */
    public TrainerConfig withMaxBatchesPerEpoch(int v) {
        return new TrainerConfig(epochs, batchSize, evalBatchSize, seed, optimizer, v, evaluateTestEveryEpoch);
    }

    /** Copy with {@code evaluateTestEveryEpoch}. */
    public TrainerConfig withEvaluateTestEveryEpoch(boolean v) {
        return new TrainerConfig(epochs, batchSize, evalBatchSize, seed, optimizer, maxBatchesPerEpoch, v);
    }
}
