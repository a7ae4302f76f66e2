package org.plasticity.experiment;

import org.plasticity.results.Status;

/**
 * One figure a paper claims and a recipe reproduces: the metric as written in
 * {@code results/reproduction.csv}, the run-record metric it is computed from, the paper's value and
 * std, and the stated margin of the comparison rule ({@link Rules#status}).
 *
 * @param metric metric id of the result row, e.g. {@code test_accuracy}, {@code cosine}
 * @param source run-record metric to average over seeds, or {@link Rules#REPORTED} for the reported
 *     accuracy rule (test accuracy at the best-validation epoch)
 * @param paperValue the paper's figure (NaN when it gives none: the row is a stand-in)
 * @param paperStd the paper's std over seeds (NaN when none)
 * @param margin the absolute margin stated for this claim (≥ 0)
 */
public record Claim(String metric, String source, double paperValue, double paperStd, double margin) {

    /** Validates. */
    public Claim {
        if (metric == null || metric.isBlank() || source == null || source.isBlank()) {
            throw new IllegalArgumentException("a claim needs a metric and a source metric");
        }
        if (!(margin >= 0)) {
            throw new IllegalArgumentException("margin must be ≥ 0, got " + margin);
        }
    }

    /** The reported test accuracy against {@code paperValue} ± max(2·{@code paperStd}, {@code margin}). */
    public static Claim accuracy(double paperValue, double paperStd, double margin) {
        return new Claim("test_accuracy", Rules.REPORTED, paperValue, paperStd, margin);
    }

    /** Whether the paper gives a figure to compare with. */
    public boolean hasPaperValue() {
        return !Double.isNaN(paperValue);
    }

    /** The comparison outcome of our mean under the one tolerance rule. */
    public Status status(double ours) {
        return Rules.status(ours, this);
    }

    @Override
    public String toString() {
        return metric + (hasPaperValue() ? " " + paperValue + (Double.isNaN(paperStd) ? "" : " ± " + paperStd) : " (no paper figure)")
                + " ±" + Rules.tolerance(this);
    }
}
