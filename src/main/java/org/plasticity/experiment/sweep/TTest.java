package org.plasticity.experiment.sweep;

import java.util.Locale;
import org.plasticity.display.Displayable;
import org.plasticity.display.Html;

/**
 * The result of a two-sample comparison "A vs B" of one metric.
 *
 * @param kind {@code welch} (unequal-variance two-sample t) or {@code paired} (paired t over shared seeds)
 * @param nameA label of A
 * @param nameB label of B
 * @param nA samples of A (pairs, for paired)
 * @param nB samples of B (pairs, for paired)
 * @param meanA mean of A
 * @param meanB mean of B
 * @param difference {@code meanA - meanB}
 * @param t the t statistic
 * @param df degrees of freedom (Welch–Satterthwaite for Welch)
 * @param p two-sided p-value
 * @param cohenD Cohen's d (pooled SD for Welch, d_z = mean difference / SD of differences for paired)
 * @param hedgesG Hedges' g (d with the small-sample correction 1 - 3 / (4 df - 1))
 */
public record TTest(String kind, String nameA, String nameB, int nA, int nB, double meanA, double meanB,
        double difference, double t, double df, double p, double cohenD, double hedgesG) implements Displayable {

    /** Whether A beats B (higher mean) at two-sided level {@code alpha}. */
    public boolean aBeatsB(double alpha) {
        return difference > 0 && p < alpha;
    }

    /** One line: "A 0.9712 vs B 0.9650: Δ +0.0062, Welch t = 2.31 (df 7.6), p = 0.051, g = 1.3". */
    @Override
    public String toText() {
        return String.format(Locale.ROOT, "%s %.4f vs %s %.4f: Δ %+.4f, %s t = %.3f (df %.1f), p = %.4g, d = %.3f, g = %.3f",
                nameA, meanA, nameB, meanB, difference, kind, t, df, p, cohenD, hedgesG);
    }

    @Override
    public String toHtml() {
        return TTestTable.of(java.util.List.of(this)).toHtml();
    }

    @Override
    public String toString() {
        return toText();
    }

    static String cell(double v) {
        return Html.escape(Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.4g", v));
    }
}
