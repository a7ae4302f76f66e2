package org.plasticity.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * The rates of one side over interleaved timed rounds: best (the least disturbed round) and median.
 */
final class Rounds {

    private double[] rates = new double[0];

    /** Adds one round's rate. */
    void add(double rate) {
        rates = Arrays.copyOf(rates, rates.length + 1);
        rates[rates.length - 1] = rate;
    }

    /** Number of rounds. */
    int count() {
        return rates.length;
    }

    /** The highest rate (NaN without rounds). */
    double best() {
        return Arrays.stream(rates).max().orElse(Double.NaN);
    }

    /** The median rate (NaN without rounds). */
    double median() {
        if (rates.length == 0) {
            return Double.NaN;
        }
        double[] s = rates.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** E.g. {@code best 14040 median 13800 of 7}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "best %.0f median %.0f of %d", best(), median(), count());
    }
}
