package org.plasticity.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Student-t CDF/quantiles against table values; Welch and paired tests against reference results. */
class StatisticsTest {

    @Test
    void quantilesMatchTheTTable() {
        double[] df = {1, 2, 5, 10, 30};
        double[] t975 = {12.7062047, 4.30265273, 2.57058184, 2.22813885, 2.04227246};
        for (int i = 0; i < df.length; i++) {
            assertEquals(t975[i], StudentT.quantile(0.975, df[i]), 1e-6, "t_0.975 at df " + df[i]);
            assertEquals(0.975, StudentT.cdf(t975[i], df[i]), 1e-8);
        }
        assertEquals(-2.22813885, StudentT.quantile(0.025, 10), 1e-6);
    }

    @Test
    void cdfMatchesClosedFormsAndFractionalDf() {
        assertEquals(0.75, StudentT.cdf(1, 1), 1e-12, "df 1 is Cauchy: 1/2 + atan(1)/pi");
        assertEquals(0.5 + 1 / Math.sqrt(6), StudentT.cdf(2, 2), 1e-12, "df 2: 1/2 + t / (2 sqrt(2 + t^2))");
        assertEquals(0.5, StudentT.cdf(0, 7.3), 1e-15);
        assertEquals(0.019825117332800214, StudentT.cdf(-2.5, 7.3), 1e-9, "fractional df (Welch)");
        assertEquals(2 * 0.019825117332800214, StudentT.twoSidedP(2.5, 7.3), 1e-9);
        assertEquals(Math.log(24), StudentT.logGamma(5), 1e-12);
        assertEquals(0.5, StudentT.regularizedBeta(0.5, 3, 3), 1e-12, "symmetric beta");
        assertThrows(IllegalArgumentException.class, () -> StudentT.cdf(1, 0));
    }

    @Test
    void welchMatchesTheReference() {
        TTest w = Compare.welch("a", new double[] {1, 2, 3, 4, 5}, "b", new double[] {2, 4, 6, 8, 10});
        assertEquals(-1.8973665961010275, w.t(), 1e-12);
        assertEquals(5.882352941176471, w.df(), 1e-12);
        assertEquals(0.10753119493062728, w.p(), 1e-8);
        // pooled SD sqrt((4*2.5 + 4*10) / 8) = 2.5: d = -3 / 2.5; g = d (1 - 3 / (4*8 - 1))
        assertEquals(-1.2, w.cohenD(), 1e-12);
        assertEquals(-1.2 * (1 - 3.0 / 31), w.hedgesG(), 1e-12);
        assertFalse(w.aBeatsB(0.05));
        assertTrue(w.toHtml().contains("<table") && w.toText().contains("welch"), w.toText());
    }

    @Test
    void pairedUsesSharedSeedsOnly() {
        Map<Long, Double> a = Map.of(1L, 0.91, 2L, 0.93, 3L, 0.92, 4L, 0.95, 9L, 0.10);
        Map<Long, Double> b = Map.of(1L, 0.90, 2L, 0.92, 3L, 0.90, 4L, 0.93, 8L, 0.99);
        TTest p = Compare.paired("A", a, "B", b);
        assertEquals(4, p.nA());
        assertEquals(5.196152422706651, p.t(), 1e-9);
        assertEquals(3, p.df(), 0);
        assertEquals(0.013846832988858908, p.p(), 1e-8);
        assertEquals(p.t() / Math.sqrt(4), p.cohenD(), 1e-12, "d_z = t / sqrt(n)");
        assertTrue(p.aBeatsB(0.05));
        assertThrows(IllegalArgumentException.class, () -> Compare.paired("A", Map.of(1L, 1.0), "B", Map.of(1L, 2.0)));
    }

    @Test
    void confidenceIntervalHalfWidthIsTBased() {
        double[] v = {0.90, 0.92, 0.94};
        assertEquals(4.30265273 * 0.02 / Math.sqrt(3), Compare.ci95HalfWidth(v), 1e-8);
        assertTrue(Double.isNaN(Compare.ci95HalfWidth(new double[] {1})));
    }
}
