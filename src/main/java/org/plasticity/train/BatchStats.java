package org.plasticity.train;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one batch contributed to an epoch's metrics: summed loss, number of correct predictions, number of samples, and
 * any further named metrics a learner reports (firing rate, saturation, energy, ...). Every value is a <em>sum over the
 * batch's samples</em>, never a mean, so batches of unequal size aggregate exactly with {@link #plus}: an epoch's
 * metric is {@code sum / count} ({@link #mean(String)}).
 *
 * <pre>{@code
 * return new BatchStats(lossSum, correct, n).with("firing_rate", rateSum);   // rateSum = Σ over samples
 * }</pre>
 *
 * @param lossSum sum of per-sample losses
 * @param correct correctly classified samples
 * @param count samples in the batch
 * @param sums further named metrics, each summed over the batch's samples (sorted by name, unmodifiable)
 */
public record BatchStats(double lossSum, long correct, long count, Map<String, Double> sums) {

    /** No samples. */
    public static final BatchStats EMPTY = new BatchStats(0, 0, 0);

    /** Name of the mean loss in {@link #means()}. */
    public static final String LOSS = "loss";
    /** Name of the accuracy in {@link #means()}. */
    public static final String ACCURACY = "accuracy";

    /** Copies and validates the named sums. */
    public BatchStats {
        TreeMap<String, Double> copy = new TreeMap<>();
        if (sums != null) {
            for (Map.Entry<String, Double> e : sums.entrySet()) {
                checkName(e.getKey());
                copy.put(e.getKey(), e.getValue());
            }
        }
        sums = Collections.unmodifiableMap(copy);
    }

    /**
     * Loss, correct count and sample count only (no named metrics): the form every classifier uses.
     *
     * @param lossSum sum of per-sample losses
     * @param correct correctly classified samples
     * @param count samples in the batch
     */
    public BatchStats(double lossSum, long correct, long count) {
        this(lossSum, correct, count, Map.of());
    }

    /**
     * A copy with one more named metric.
     *
     * @param name metric name: letters, digits, {@code _} or {@code -} (not {@code loss} or {@code accuracy})
     * @param sum the metric summed over the batch's samples
     * @return the copy
     */
    public BatchStats with(String name, double sum) {
        TreeMap<String, Double> m = new TreeMap<>(sums);
        m.put(name, sum);
        return new BatchStats(lossSum, correct, count, m);
    }

    /** Element-wise sum; a metric missing on one side counts as 0 there. */
    public BatchStats plus(BatchStats o) {
        if (o.sums.isEmpty() && sums.isEmpty()) {
            return new BatchStats(lossSum + o.lossSum, correct + o.correct, count + o.count);
        }
        TreeMap<String, Double> m = new TreeMap<>(sums);
        o.sums.forEach((k, v) -> m.merge(k, v, Double::sum));
        return new BatchStats(lossSum + o.lossSum, correct + o.correct, count + o.count, m);
    }

    /** Mean loss per sample (NaN when empty). */
    public double meanLoss() {
        return count == 0 ? Double.NaN : lossSum / count;
    }

    /** Fraction correct (NaN when empty). */
    public double accuracy() {
        return count == 0 ? Double.NaN : (double) correct / count;
    }

    /**
     * The per-sample mean of a named metric.
     *
     * @param name a metric name, or {@link #LOSS} / {@link #ACCURACY}
     * @return its mean; NaN when empty or not reported
     */
    public double mean(String name) {
        if (LOSS.equals(name)) {
            return meanLoss();
        }
        if (ACCURACY.equals(name)) {
            return accuracy();
        }
        Double s = sums.get(name);
        return s == null || count == 0 ? Double.NaN : s / count;
    }

    /** Every metric as a per-sample mean: {@code loss}, {@code accuracy}, then the named ones by name. */
    public Map<String, Double> means() {
        Map<String, Double> m = new java.util.LinkedHashMap<>();
        m.put(LOSS, meanLoss());
        m.put(ACCURACY, accuracy());
        sums.keySet().forEach(k -> m.put(k, mean(k)));
        return Collections.unmodifiableMap(m);
    }

    static void checkName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_\\-]+") || name.equals(LOSS) || name.equals(ACCURACY)) {
            throw new IllegalArgumentException("metric name must be letters, digits, '_' or '-' and not '" + LOSS
                    + "'/'" + ACCURACY + "' (those are fields), got '" + name + "'");
        }
    }

    @Override
    public String toString() {
        return "BatchStats[n=" + count + ", " + means() + "]";
    }
}
