package org.plasticity.train;

/**
 * What one batch contributed to an epoch's metrics: summed loss, number of correct predictions
 * and number of samples. Sums (not means) so batches of unequal size aggregate exactly.
 *
 * @param lossSum sum of per-sample losses
 * @param correct correctly classified samples
 * @param count samples in the batch
 */
public record BatchStats(double lossSum, long correct, long count) {

    /** No samples. */
    public static final BatchStats EMPTY = new BatchStats(0, 0, 0);

    /** Element-wise sum. */
    public BatchStats plus(BatchStats o) {
        return new BatchStats(lossSum + o.lossSum, correct + o.correct, count + o.count);
    }

    /** Mean loss per sample (NaN when empty). */
    public double meanLoss() {
        return count == 0 ? Double.NaN : lossSum / count;
    }

    /** Fraction correct (NaN when empty). */
    public double accuracy() {
        return count == 0 ? Double.NaN : (double) correct / count;
    }
}
