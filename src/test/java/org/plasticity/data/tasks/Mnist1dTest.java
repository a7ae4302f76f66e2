package org.plasticity.data.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plasticity.data.Dataset;
import org.plasticity.data.Splits;

class Mnist1dTest {

    @Test
    void defaultSizesShapeAndBalance() {
        Splits s = Mnist1d.generate(Mnist1dConfig.defaults());
        assertEquals(4000, s.trainSet().size());
        assertEquals(1000, s.test().size());
        assertArrayEquals(new int[] {1, 40}, s.test().sampleShape());
        int[] all = s.trainSet().classCounts();
        int[] te = s.test().classCounts();
        for (int c = 0; c < 10; c++) {
            assertEquals(500, all[c] + te[c]);
        }
        assertEquals(360, Mnist1d.generate(Mnist1dConfig.gle().withNumSamples(100)).test().featureCount());
    }

    @Test
    void wholeSetIsStandardised() {
        Splits s = Mnist1d.generate(Mnist1dConfig.defaults().withNumSamples(1000));
        double sum = 0;
        double sq = 0;
        int n = 0;
        for (Dataset d : new Dataset[] {s.trainSet(), s.test()}) {
            for (float v : d.features()) {
                sum += v;
                sq += v * v;
                n++;
            }
        }
        assertEquals(0, sum / n, 1e-5);
        assertEquals(1, sq / n, 1e-4);
    }

    @Test
    void sameSeedSameDataOtherSeedOtherData() {
        Mnist1dConfig c = Mnist1dConfig.defaults().withNumSamples(200);
        assertArrayEquals(Mnist1d.generate(c).test().features(), Mnist1d.generate(c).test().features());
        assertFalse(Arrays.equals(Mnist1d.generate(c).test().features(), Mnist1d.generate(c.withSeed(7)).test().features()));
    }

    @Test
    void templatesAreStandardisedAndStartAtZero() {
        for (double[] t : Mnist1d.standardizedTemplates()) {
            assertEquals(0, t[0], 0);
            double m = Arrays.stream(t).average().orElse(9);
            double v = Arrays.stream(t).map(a -> (a - m) * (a - m)).sum() / t.length;
            assertEquals(1 / 36.0, v, 1e-12, "variance after dividing by 6");
        }
    }

    @Test
    void withoutTransformsEachSampleIsItsTemplate() {
        Mnist1dConfig c = Mnist1dConfig.defaults().withNumSamples(50).withoutTransforms().withPadding(0, 0).withFinalSeqLength(12);
        Splits s = Mnist1d.generate(c);
        double[][] t = Mnist1d.standardizedTemplates();
        Dataset d = s.trainSet();
        for (int i = 0; i < d.size(); i++) {
            double[] tpl = t[d.label(i)];
            double[] x = new double[12];
            for (int k = 0; k < 12; k++) {
                x[k] = d.features()[i * 12 + k];
            }
            assertEquals(1.0, correlation(x, tpl), 1e-6, "sample " + i);
        }
    }

    @Test
    void shiftIsUniformOverMaxTranslation() {
        SplittableRandom rng = new SplittableRandom(3);
        Mnist1dConfig shifted = new Mnist1dConfig(5000, 0.8, 12, 36, 36, 0, 48, 0, 0, 0, 48, 1);
        int[] start = new int[48];
        double[] tpl = Mnist1d.standardizedTemplates()[7];
        for (int r = 0; r < 4800; r++) {
            double[] x = Mnist1d.transform(tpl, shifted, rng);
            int k = 0;
            while (!(x[k] != 0 && x[(k + 47) % 48] == 0)) {
                k++;
            }
            start[k]++;
        }
        for (int k = 0; k < 48; k++) {
            assertEquals(100, start[k], 40, "shift " + k);
        }
        assertEquals(0, Arrays.stream(Mnist1d.roll(new double[] {1, 2, 3}, 1)).sum() - 6, 1e-12);
        assertArrayEquals(new double[] {3, 1, 2}, Mnist1d.roll(new double[] {1, 2, 3}, 1));
        assertArrayEquals(new double[] {1, 2, 3}, Mnist1d.roll(new double[] {1, 2, 3}, 5), "k ≥ n: unchanged, as published");
    }

    @Test
    void gaussianFilterMatchesScipyReflectMode() {
        double[] impulse = new double[20];
        impulse[0] = 1;
        double[] y = Mnist1d.gaussianFilter(impulse, 2.0);
        double z = 0;
        for (int k = -8; k <= 8; k++) {
            z += Math.exp(-k * k / 8.0);
        }
        assertEquals((1 + Math.exp(-1 / 8.0)) / z, y[0], 1e-12, "x[-1] mirrors x[0]");
        assertEquals((Math.exp(-1 / 8.0) + Math.exp(-4 / 8.0)) / z, y[1], 1e-12);
        assertEquals(1.0, Arrays.stream(Mnist1d.gaussianFilter(new double[] {1, 1, 1, 1, 1}, 2.0)).average().orElse(0), 1e-12);
    }

    @Test
    void invalidConstantsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Mnist1dConfig.defaults().withPadding(10, 5));
        assertThrows(IllegalArgumentException.class, () -> Mnist1dConfig.defaults().withFinalSeqLength(1));
    }

    private static double correlation(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElse(0);
        double mb = Arrays.stream(b).average().orElse(0);
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (a[i] - ma) * (b[i] - mb);
            aa += (a[i] - ma) * (a[i] - ma);
            bb += (b[i] - mb) * (b[i] - mb);
        }
        return ab / Math.sqrt(aa * bb);
    }
}
