package org.plasticity.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SplitsTest {

    private static Splits demo() {
        Dataset train = TestFiles.synthetic("demo/train", 1000, new int[] {1, 4, 4}, 10, 1);
        Dataset test = TestFiles.synthetic("demo/test", 200, new int[] {1, 4, 4}, 10, 2);
        return new Splits("demo", train, test.subset("demo/validation", new int[0]), test);
    }

    private static Set<Float> firstPixels(Dataset d) {
        Set<Float> s = new HashSet<>();
        for (int i = 0; i < d.size(); i++) {
            s.add(d.features()[i * d.featureCount()]);
        }
        return s;
    }

    @Test
    void withValidationIsStratifiedExactAndDisjoint() {
        Splits s = demo().withValidation(0.2, 7);
        assertEquals(800, s.trainSet().size());
        assertEquals(200, s.validation().size());
        assertArrayEquals(new int[] {20, 20, 20, 20, 20, 20, 20, 20, 20, 20}, s.validation().classCounts());
        Set<Float> a = firstPixels(s.trainSet());
        a.retainAll(firstPixels(s.validation()));
        assertEquals(Set.of(), a, "train and validation share samples");
        assertEquals(200, s.test().size());
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        Splits a = demo().withValidation(0.2, 7);
        Splits b = demo().withValidation(0.2, 7);
        Splits c = demo().withValidation(0.2, 8);
        assertArrayEquals(a.validation().features(), b.validation().features());
        assertFalse(Arrays.equals(a.validation().features(), c.validation().features()));
    }

    @Test
    void stratifiedSplitHitsExactTotalWithUnevenClasses() {
        int[] labels = new int[1003];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i < 500 ? 0 : i < 800 ? 1 : 2;
        }
        StratifiedSplit s = StratifiedSplit.of(labels, 3, 201, new SplittableRandom(3));
        assertEquals(201, s.heldOut().length);
        assertEquals(802, s.kept().length);
        int[] c = new int[3];
        for (int i : s.heldOut()) {
            c[labels[i]]++;
        }
        assertTrue(Math.abs(c[0] - 100) <= 1 && Math.abs(c[1] - 60) <= 1 && Math.abs(c[2] - 40) <= 1, Arrays.toString(c));
        assertThrows(IllegalArgumentException.class, () -> StratifiedSplit.countFor(1.0, 10));
    }

    @Test
    void limitShrinksAllPartsAndMarksNonStandard() {
        Splits s = demo().withValidation(0.2, 1).limit(50, 30);
        assertEquals(50, s.trainSet().size());
        assertEquals(30, s.validation().size());
        assertEquals(30, s.test().size());
        assertFalse(s.provenance().standardSplit());
        assertTrue(s.toString().contains("non-standard"), s.toString());
    }

    @Test
    void globalNormalizationUsesTrainStatistics() {
        Splits s = demo().normalized(Normalization.GLOBAL);
        double sum = 0;
        double sq = 0;
        for (float v : s.trainSet().features()) {
            sum += v;
            sq += v * v;
        }
        int n = s.trainSet().features().length;
        assertEquals(0, sum / n, 1e-4);
        assertEquals(1, sq / n, 1e-3);
        assertNotEquals(demo().test().features()[0], s.test().features()[0]);
    }

    @Test
    void perEpochSourcesCannotBeSplitButCanBeLimited() {
        Dataset base = TestFiles.synthetic("b", 100, new int[] {3}, 2, 1);
        DataSource perEpoch = (epoch, seed) -> base;
        Splits s = new Splits("p", perEpoch, base.head(0), base);
        assertThrows(IllegalStateException.class, () -> s.withValidation(0.1, 1));
        assertEquals(10, s.limit(10, 5).train().forEpoch(3, 1).size());
    }

    @Test
    void htmlHasSampleGridAndClassCounts() {
        String html = demo().toHtml();
        assertTrue(html.contains("data:image/png;base64,"));
        assertTrue(html.contains("<b>200</b>"), "test total in the class-count table");
    }
}
