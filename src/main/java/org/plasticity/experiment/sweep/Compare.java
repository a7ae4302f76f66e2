package org.plasticity.experiment.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.plasticity.results.Stats;

/**
 * The statistics behind "A beats B" over seeds: Welch's unequal-variance t-test for independent
 * runs, and the paired t-test over the seeds both sides share (same seed = same data order and
 * initialisation, so pairing removes the seed's share of the variance). Both give a two-sided
 * p-value from {@link StudentT} and Cohen's d / Hedges' g.
 *
 * <pre>{@code
 * TTest w = Compare.welch("symmetric", a, "one-sided", b);
 * TTest p = Compare.paired("symmetric", bySeedA, "one-sided", bySeedB);
 * }</pre>
 */
public final class Compare {

    private Compare() {
    }

    /**
     * Welch's t-test of two independent samples.
     *
     * @param nameA label of A
     * @param a values of A (at least 2)
     * @param nameB label of B
     * @param b values of B (at least 2)
     * @return the test
     */
    public static TTest welch(String nameA, double[] a, String nameB, double[] b) {
        if (a.length < 2 || b.length < 2) {
            throw new IllegalArgumentException("Welch's test needs at least 2 values per side, got " + a.length + " and "
                    + b.length);
        }
        double ma = Stats.mean(a);
        double mb = Stats.mean(b);
        double va = sq(Stats.std(a));
        double vb = sq(Stats.std(b));
        double sa = va / a.length;
        double sb = vb / b.length;
        double se = Math.sqrt(sa + sb);
        double diff = ma - mb;
        double t = se == 0 ? (diff == 0 ? Double.NaN : Math.copySign(Double.POSITIVE_INFINITY, diff)) : diff / se;
        double df = se == 0 ? a.length + b.length - 2
                : sq(sa + sb) / (sq(sa) / (a.length - 1) + sq(sb) / (b.length - 1));
        double pooledDf = a.length + b.length - 2;
        double pooled = Math.sqrt(((a.length - 1) * va + (b.length - 1) * vb) / pooledDf);
        double d = pooled == 0 ? Double.NaN : diff / pooled;
        return new TTest("welch", nameA, nameB, a.length, b.length, ma, mb, diff, t, df,
                Double.isNaN(t) ? 1 : StudentT.twoSidedP(t, df), d, d * correction(pooledDf));
    }

    /**
     * The paired t-test over the seeds present on both sides (other seeds are ignored).
     *
     * @param nameA label of A
     * @param a seed to value of A
     * @param nameB label of B
     * @param b seed to value of B
     * @return the test (n = shared seeds, at least 2)
     */
    public static TTest paired(String nameA, Map<Long, Double> a, String nameB, Map<Long, Double> b) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (Map.Entry<Long, Double> e : new TreeMap<>(a).entrySet()) {
            Double y = b.get(e.getKey());
            if (y != null) {
                xs.add(e.getValue());
                ys.add(y);
            }
        }
        int n = xs.size();
        if (n < 2) {
            throw new IllegalArgumentException("a paired test needs at least 2 shared seeds, got " + n + " (A seeds "
                    + a.keySet() + ", B seeds " + b.keySet() + ")");
        }
        double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = x[i] - y[i];
        }
        double md = Stats.mean(d);
        double sd = Stats.std(d);
        double df = n - 1;
        double t = sd == 0 ? (md == 0 ? Double.NaN : Math.copySign(Double.POSITIVE_INFINITY, md)) : md / (sd / Math.sqrt(n));
        double dz = sd == 0 ? Double.NaN : md / sd;
        return new TTest("paired", nameA, nameB, n, n, Stats.mean(x), Stats.mean(y), md, t, df,
                Double.isNaN(t) ? 1 : StudentT.twoSidedP(t, df), dz, dz * correction(df));
    }

    /**
     * The half-width of the two-sided 95 % t confidence interval of a mean ({@code t_{0.975, n-1} s / √n}).
     *
     * @param v the values
     * @return the half-width (NaN for fewer than two values)
     */
    public static double ci95HalfWidth(double[] v) {
        if (v.length < 2) {
            return Double.NaN;
        }
        return StudentT.quantile(0.975, v.length - 1) * Stats.std(v) / Math.sqrt(v.length);
    }

    private static double correction(double df) {
        return 1 - 3 / (4 * df - 1);
    }

    private static double sq(double x) {
        return x * x;
    }
}
