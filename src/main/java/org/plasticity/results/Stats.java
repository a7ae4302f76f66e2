package org.plasticity.results;

/** Summary statistics over seeds. */
public final class Stats {

    private Stats() {
    }

    /** Arithmetic mean; NaN for no values. */
    public static double mean(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** Sample standard deviation (n − 1 denominator); NaN for fewer than two values. */
    public static double std(double[] v) {
        if (v.length < 2) {
            return Double.NaN;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
