package org.plasticity.plot;

import java.util.Arrays;

/**
 * Equal-width binning of a sample, with the step-curve coordinates a histogram chart draws.
 *
 * @param edges bin edges, {@code bins + 1} ascending values
 * @param counts count per bin
 */
record Histogram(double[] edges, long[] counts) {

    /**
     * Bins the finite values of {@code values} into {@code bins} equal bins between their min and
     * max (a constant sample gets a unit-wide range around its value).
     */
    static Histogram of(double[] values, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("histogram needs at least 1 bin, got " + bins);
        }
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        if (finite.length == 0) {
            throw new IllegalArgumentException("histogram needs at least one finite value (got " + values.length
                    + " values, none finite)");
        }
        double min = Arrays.stream(finite).min().getAsDouble();
        double max = Arrays.stream(finite).max().getAsDouble();
        if (max == min) {
            min -= 0.5;
            max += 0.5;
        }
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = min + (max - min) * i / bins;
        }
        long[] counts = new long[bins];
        for (double v : finite) {
            int b = (int) ((v - min) / (max - min) * bins);
            counts[Math.min(bins - 1, Math.max(0, b))]++;
        }
        return new Histogram(edges, counts);
    }

    /** x of the step curve: every edge, the last one twice (closing the last bin). */
    double[] stepX() {
        double[] x = Arrays.copyOf(edges, edges.length + 1);
        x[edges.length] = edges[edges.length - 1];
        return x;
    }

    /** y of the step curve (XChart steps hold each value until the next x), ending at 0. */
    double[] stepY() {
        double[] y = new double[edges.length + 1];
        for (int i = 0; i < counts.length; i++) {
            y[i] = counts[i];
        }
        y[counts.length] = counts[counts.length - 1];
        y[counts.length + 1] = 0;
        return y;
    }

    @Override
    public String toString() {
        return "Histogram[" + counts.length + " bins, " + edges[0] + " .. " + edges[edges.length - 1] + "]";
    }
}
