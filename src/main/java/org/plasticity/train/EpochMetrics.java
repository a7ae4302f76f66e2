package org.plasticity.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Metrics of one finished epoch. Accuracies are fractions in [0, 1]; NaN where a split is empty.
 *
 * <p>Besides the fixed fields, {@link #extra()} holds every further named metric a learner reported through
 * {@link BatchStats#with}, as a per-sample mean, keyed {@code <split>.<name>} with split {@code train},
 * {@code validation} or {@code test} (e.g. {@code train.firing_rate}). {@link #metrics()} gives all of them,
 * fixed fields included, under the same naming ({@code train.loss}, {@code test.accuracy}, ...).
 *
 * @param epoch one-based epoch number
 * @param trainLoss mean training loss (measured during the epoch, as the model changed)
 * @param trainAccuracy running training accuracy during the epoch
 * @param validationLoss mean validation loss after the epoch
 * @param validationAccuracy validation accuracy after the epoch
 * @param testLoss mean test loss after the epoch
 * @param testAccuracy test accuracy after the epoch
 * @param seconds wall time of this epoch (training and evaluation)
 * @param extra further named metrics ({@code <split>.<name>} → per-sample mean), sorted, unmodifiable
 */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
        double validationAccuracy, double testLoss, double testAccuracy, double seconds, Map<String, Double> extra) {

    /** The splits a metric key starts with. */
    public static final java.util.List<String> SPLITS = java.util.List.of("train", "validation", "test");

    /** Copies and validates the extra metrics. */
    public EpochMetrics {
        TreeMap<String, Double> copy = new TreeMap<>();
        if (extra != null) {
            for (Map.Entry<String, Double> e : extra.entrySet()) {
                String k = e.getKey();
                int dot = k.indexOf('.');
                if (dot < 0 || !SPLITS.contains(k.substring(0, dot))) {
                    throw new IllegalArgumentException("extra metric keys are <split>.<name> with split one of " + SPLITS
                            + ", got '" + k + "'");
                }
                BatchStats.checkName(k.substring(dot + 1));
                copy.put(k, e.getValue());
            }
        }
        extra = Collections.unmodifiableMap(copy);
    }

    /** The fixed fields only (no extra metrics): the form of every run recorded before named metrics existed. */
    public EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
            double validationAccuracy, double testLoss, double testAccuracy, double seconds) {
        this(epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy, testLoss, testAccuracy, seconds,
                Map.of());
    }

    /**
     * An epoch's metrics from the batch sums of its three splits.
     *
     * @param epoch one-based epoch
     * @param train the training batches' sums
     * @param validation the validation evaluation
     * @param test the test evaluation ({@link BatchStats#EMPTY} when skipped)
     * @param seconds wall time
     * @return the metrics, named ones included
     */
    public static EpochMetrics of(int epoch, BatchStats train, BatchStats validation, BatchStats test, double seconds) {
        Map<String, Double> extra = new TreeMap<>();
        BatchStats[] stats = {train, validation, test};
        for (int s = 0; s < 3; s++) {
            for (String name : stats[s].sums().keySet()) {
                extra.put(SPLITS.get(s) + "." + name, stats[s].mean(name));
            }
        }
        return new EpochMetrics(epoch, train.meanLoss(), train.accuracy(), validation.meanLoss(),
                validation.accuracy(), test.meanLoss(), test.accuracy(), seconds, extra);
    }

    /**
     * One metric by key: {@code <split>.loss}, {@code <split>.accuracy}, {@code seconds} or an {@link #extra()} key.
     *
     * @param key the metric key
     * @return its value; NaN when this epoch has no such metric
     */
    public double metric(String key) {
        Double v = metrics().get(key);
        return v == null ? Double.NaN : v;
    }

    /** Every metric of the epoch: fixed fields as {@code <split>.loss / <split>.accuracy}, {@code seconds}, extras. */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("train.loss", trainLoss);
        m.put("train.accuracy", trainAccuracy);
        m.put("validation.loss", validationLoss);
        m.put("validation.accuracy", validationAccuracy);
        m.put("test.loss", testLoss);
        m.put("test.accuracy", testAccuracy);
        m.put("seconds", seconds);
        m.putAll(extra);
        return Collections.unmodifiableMap(m);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "epoch %d: train loss %.4f acc %.4f | val acc %.4f | test acc %.4f | %.1fs",
                epoch, trainLoss, trainAccuracy, validationAccuracy, testAccuracy, seconds)
                + (extra.isEmpty() ? "" : " | " + extra);
    }
}
