package org.plasticity.train;

/**
 * Metrics of one finished epoch. Accuracies are fractions in [0, 1]; NaN where a split is empty.
 *
 * @param epoch one-based epoch number
 * @param trainLoss mean training loss (measured during the epoch, as the model changed)
 * @param trainAccuracy running training accuracy during the epoch
 * @param validationLoss mean validation loss after the epoch
 * @param validationAccuracy validation accuracy after the epoch
 * @param testLoss mean test loss after the epoch
 * @param testAccuracy test accuracy after the epoch
 * @param seconds wall time of this epoch (training and evaluation)
 */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
        double validationAccuracy, double testLoss, double testAccuracy, double seconds) {

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "epoch %d: train loss %.4f acc %.4f | val acc %.4f | test acc %.4f | %.1fs",
                epoch, trainLoss, trainAccuracy, validationAccuracy, testAccuracy, seconds);
    }
}
