package org.plasticity.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.plasticity.data.cache.Catalog;
import org.plasticity.data.cache.DataCache;

/** Checks on the real files, run when the default data cache has been filled (skipped otherwise). */
class DatasetLoader_RealDataTest {

    private static final DataCache CACHE = DataCache.defaultCache();

    private static void assumeFilled(org.plasticity.data.cache.DatasetSpec spec) {
        assumeTrue(spec.files().stream().allMatch(CACHE::isPresent), spec.name() + " not in the cache; run DatasetsCli fill");
    }

    @Test
    void mnistHasTheStandardSizesAndKnownTestClassCounts() {
        assumeFilled(Catalog.MNIST);
        Splits m = new DatasetLoader(CACHE).mnist();
        assertEquals(60000, m.trainSet().size());
        assertEquals(0, m.validation().size());
        assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}, m.test().classCounts());
        assertEquals(7, m.test().label(0));
        assertTrue(m.provenance().standardSplit());
        Splits v = m.withValidation(0.2, 1);
        assertEquals(48000, v.trainSet().size());
        assertEquals(12000, v.validation().size());
    }

    @Test
    void kmnistTestSplitIsStratifiedDeterministicAndNamedNonStandard() {
        assumeFilled(Catalog.KMNIST_TEST);
        Splits a = new DatasetLoader(CACHE).kmnistTestSplit();
        Splits b = new DatasetLoader(CACHE).kmnistTestSplit();
        assertEquals("kmnist-test-split", a.name());
        assertFalse(a.provenance().standardSplit());
        assertArrayEquals(new int[] {800, 800, 800, 800, 800, 800, 800, 800, 800, 800}, a.trainSet().classCounts());
        assertArrayEquals(new int[] {200, 200, 200, 200, 200, 200, 200, 200, 200, 200}, a.test().classCounts());
        assertArrayEquals(a.test().features(), b.test().features());
    }

    @Test
    void fashionMnistLoadsBalanced() {
        assumeFilled(Catalog.FASHION_MNIST);
        Splits f = new DatasetLoader(CACHE).fashionMnist();
        for (int c : f.trainSet().classCounts()) {
            assertEquals(6000, c);
        }
    }
}
