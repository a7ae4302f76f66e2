package org.plasticity.data.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plasticity.data.Dataset;
import org.plasticity.data.Splits;
import org.plasticity.data.TestFiles;

class ContextGatingTest {

    private static Dataset digits;

    @BeforeAll
    static void makeDigits() {
        digits = TestFiles.synthetic("fake-mnist/train", 10_500, new int[] {1, 28, 28}, 10, 5);
    }

    @Test
    void sizesAndNamesFollowTheSpec() {
        Splits s = ContextGating.of(digits, 1, ContextGating.Variant.FIGURE_GROUND);
        assertEquals("context-gating", s.name());
        assertEquals(8000, s.train().forEpoch(0, 1).size());
        assertEquals(1000, s.validation().size());
        assertEquals(1000, s.test().size());
    }

    @Test
    void leftHalfIsUniformNoiseRightHalfIsTheDigit() {
        ContextGating.Variant v = ContextGating.Variant.FIGURE_GROUND;
        Splits s = ContextGating.of(digits, 1, v);
        Dataset clean = ((ContextGating) s.train()).digits();
        Dataset e0 = s.train().forEpoch(0, 9);
        double sum = 0;
        double sq = 0;
        long n = 0;
        for (int i = 0; i < e0.size(); i++) {
            for (int r = 0; r < 28; r++) {
                for (int c = 0; c < 28; c++) {
                    int k = i * 784 + r * 28 + c;
                    float x = e0.features()[k];
                    if (c < 14) {
                        assertTrue(x >= 0f && x < 0.1f, "noise out of [0,0.1): " + x);
                        sum += x;
                        sq += x * x;
                        n++;
                    } else {
                        assertEquals(clean.features()[k], x);
                    }
                }
            }
        }
        double mean = sum / n;
        double var = sq / n - mean * mean;
        assertEquals(0.05, mean, 5e-4, "U[0,0.1) mean");
        assertEquals(0.01 / 12, var, 2e-5, "U[0,0.1) variance");
        assertArrayEquals(clean.labels(), e0.labels());
    }

    @Test
    void noiseIsRedrawnPerEpochButReproducible() {
        Splits s = ContextGating.of(digits, 1, ContextGating.Variant.FIGURE_GROUND);
        float[] a = s.train().forEpoch(0, 9).features();
        float[] b = s.train().forEpoch(1, 9).features();
        float[] a2 = s.train().forEpoch(0, 9).features();
        assertFalse(Arrays.equals(a, b));
        assertArrayEquals(a, a2);
        Splits again = ContextGating.of(digits, 1, ContextGating.Variant.FIGURE_GROUND);
        assertArrayEquals(s.test().features(), again.test().features());
        assertFalse(Arrays.equals(s.test().features(), ContextGating.of(digits, 2, ContextGating.Variant.FIGURE_GROUND)
                .test().features()));
    }

    @Test
    void ruleVariantMapsHighNoiseToParity() {
        Splits s = ContextGating.of(digits, 3, ContextGating.Variant.RULE);
        Dataset e = s.train().forEpoch(0, 1);
        Dataset clean = ((ContextGating) s.train()).digits();
        int high = 0;
        for (int i = 0; i < e.size(); i++) {
            boolean isHigh = e.features()[i * 784] >= 0.1f;
            high += isHigh ? 1 : 0;
            assertEquals(isHigh ? clean.label(i) % 2 : clean.label(i), e.label(i));
        }
        assertEquals(4000, high, 200);
        assertFalse(s.provenance().standardSplit());
    }

    @Test
    void rejectsNonMnistShapes() {
        Dataset small = TestFiles.synthetic("x", 100, new int[] {784}, 10, 1);
        assertThrows(IllegalArgumentException.class, () -> ContextGating.of(small, 1, ContextGating.Variant.FIGURE_GROUND));
    }
}
