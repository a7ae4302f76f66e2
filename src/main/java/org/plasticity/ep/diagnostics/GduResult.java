package org.plasticity.ep.diagnostics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plasticity.display.Displayable;
import org.plasticity.display.Html;
import org.plasticity.results.Profile;
import org.plasticity.results.ReproductionRow;
import org.plasticity.results.Status;

/**
 * EP updates and BPTT gradients per compared step, per parameter and per layer of neurons, with the
 * reference code's agreement measures ({@code RMSE} in {@code model_utils.py}): per element
 * {@code ‖EP − BPTT‖ / max(‖EP‖, ‖BPTT‖)} over the steps, averaged over elements, and the fraction of
 * (step, element) pairs whose signs disagree.
 */
public final class GduResult implements Displayable {

    /** Paper id of the GDU rows in the results files (standard EP, the id the EP recipes report under). */
    public static final String PAPER = "ep-standard";

    private final int t1;
    private final int t2;
    private final double beta;
    private final boolean symmetric;
    private final Map<String, float[][]> ep;
    private final Map<String, float[][]> bptt;

    GduResult(int t1, int t2, double beta, boolean symmetric, Map<String, float[][]> ep, Map<String, float[][]> bptt) {
        this.t1 = t1;
        this.t2 = t2;
        this.beta = beta;
        this.symmetric = symmetric;
        this.ep = Collections.unmodifiableMap(new LinkedHashMap<>(ep));
        this.bptt = Collections.unmodifiableMap(new LinkedHashMap<>(bptt));
    }

    /** Names compared: parameters ({@code W0}, {@code b0}, ...) then neuron layers ({@code s1}, ...). */
    public List<String> keys() {
        return new ArrayList<>(ep.keySet());
    }

    /** Compared steps K. */
    public int steps() {
        return t2;
    }

    /** |β| used by EP. */
    public double beta() {
        return beta;
    }

    /** Whether EP averaged the ±β runs. */
    public boolean symmetric() {
        return symmetric;
    }

    /** EP's update of element {@code i} of {@code key} at step {@code t}. */
    public float ep(String key, int t, int i) {
        return series(ep, key)[t][i];
    }

    /** BPTT's gradient of element {@code i} of {@code key} at step {@code t} (backwards from T1). */
    public float bptt(String key, int t, int i) {
        return series(bptt, key)[t][i];
    }

    /** Number of elements of {@code key}. */
    public int elements(String key) {
        return series(ep, key)[0].length;
    }

    private static float[][] series(Map<String, float[][]> m, String key) {
        float[][] v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no GDU series '" + key + "'; keys are " + m.keySet());
        }
        return v;
    }

    /** The reference code's normalised RMSE between EP and BPTT for {@code key} (0 = identical). */
    public double rmse(String key) {
        float[][] a = series(ep, key);
        float[][] b = series(bptt, key);
        int n = a[0].length;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double diff = 0;
            double fa = 0;
            double fb = 0;
            for (int t = 0; t < t2; t++) {
                double d = a[t][i] - b[t][i];
                diff += d * d;
                fa += (double) a[t][i] * a[t][i];
                fb += (double) b[t][i] * b[t][i];
            }
            total += Math.sqrt(diff / t2) / (1e-10 + Math.max(Math.sqrt(fa / t2), Math.sqrt(fb / t2)));
        }
        return total / n;
    }

    /** Fraction of (step, element) pairs where EP and BPTT have opposite signs. */
    public double signError(String key) {
        float[][] a = series(ep, key);
        float[][] b = series(bptt, key);
        long wrong = 0;
        long count = 0;
        for (int t = 0; t < t2; t++) {
            for (int i = 0; i < a[t].length; i++) {
                if ((double) a[t][i] * b[t][i] < 0) {
                    wrong++;
                }
                count++;
            }
        }
        return (double) wrong / count;
    }

    /** The largest normalised RMSE over all keys. */
    public double worstRmse() {
        double w = 0;
        for (String k : ep.keySet()) {
            w = Math.max(w, rmse(k));
        }
        return w;
    }

    /**
     * The result row of this check: the worst normalised RMSE over all keys against the theorem's exact
     * agreement (0), "reproduced" within {@code tolerance}.
     *
     * @param experiment experiment id, e.g. {@code gdu-784-512-10-tanh}
     * @param profile the profile it ran in
     * @param tolerance largest RMSE counted as agreement (e.g. 0.05)
     * @return the row (write it with {@code ResultsCsv.record})
     */
    public ReproductionRow row(String experiment, Profile profile, double tolerance) {
        double w = worstRmse();
        return new ReproductionRow(PAPER, experiment, "mnist", "gdu_worst_normalised_rmse", 0, Double.NaN, w,
                Double.NaN, 1, profile, Status.compare(w, 0, tolerance), 0, Double.NaN, null,
                String.format(java.util.Locale.ROOT, "Ernoult 2019 Thm 1: EP updates vs BPTT gradients, T1=%d, K=%d, β=%s%s; "
                        + "worst over %s; tolerance %s", t1, t2, beta, symmetric ? " symmetric" : "", keys(), tolerance));
    }

    @Override
    public String toText() {
        StringBuilder sb = new StringBuilder(String.format("GDU check (T1=%d, K=%d, β=%s%s)%n", t1, t2, beta,
                symmetric ? ", symmetric" : ""));
        sb.append(String.format("%-6s %10s %10s%n", "key", "RMSE", "sign err"));
        for (String k : ep.keySet()) {
            sb.append(String.format("%-6s %10.4f %10.4f%n", k, rmse(k), signError(k)));
        }
        return sb.toString();
    }

    @Override
    public String toHtml() {
        StringBuilder sb = new StringBuilder("<table><caption>GDU check (T1=" + t1 + ", K=" + t2 + ", β=" + beta
                + (symmetric ? ", symmetric" : "") + ")</caption><tr><th>key</th><th>RMSE</th><th>sign error</th></tr>");
        for (String k : ep.keySet()) {
            sb.append(String.format("<tr><td>%s</td><td>%.4f</td><td>%.4f</td></tr>", Html.escape(k), rmse(k), signError(k)));
        }
        return sb.append("</table>").toString();
    }

    @Override
    public String toString() {
        return String.format("GduResult[K=%d, β=%s%s, worst RMSE %.4f]", t2, beta, symmetric ? " sym" : "", worstRmse());
    }
}
