package org.plasticity.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.plasticity.ep.dendritic.Dendritic;
import org.plasticity.ep.dendritic.DendriticNetwork;
import org.plasticity.ep.dendritic.DendriticRecipes;

/** The sparse (ELL) forms of {@link DendriticBench} compute what the dense masked products compute. */
class MaskedEllTest {

    private static final DendriticNetwork SHALLOW = Dendritic.network(DendriticRecipes.dendritic(1), 1);

    private static float[] input(int n, long seed) {
        float[] x = DendriticBench.hiddenActivity(n, seed);
        for (int i = 0; i < n; i += 3) {
            x[i] = 0f; // MNIST-like zeros
        }
        return x;
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        double worst = 0;
        double scale = 1e-6;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
            scale = Math.max(scale, Math.abs(expected[i]));
        }
        assertTrue(worst <= 1e-5 * scale + 1e-6, what + ": max |dense − sparse| " + worst + " at scale " + scale);
    }

    private static double maxDiff(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    @Test
    void theInputProjectionMatchesTheDenseMaskedProductInBothLayouts() {
        var p = DendriticBench.Products.of(SHALLOW, 0, input(DendriticBench.BATCH * 784, 11), 784);
        assertEquals(392, p.ell().perRow(), "density 0.5 of 784 inputs");
        p.denseProjection();
        float[] dense = p.snapshot()[0];
        p.clear();
        p.sparseProjectionRows();
        assertClose(dense, p.snapshot()[0], "row-major ELL");
        p.clear();
        p.sparseProjectionT();
        assertClose(dense, p.snapshot()[0], "batch-transposed ELL");
    }

    @Test
    void aDifferentMaskGivesADifferentProduct() {
        // the comparison above is sensitive to the mask: the network of seed 2 has other masks (and weights)
        float[] x = input(DendriticBench.BATCH * 784, 11);
        var one = DendriticBench.Products.of(SHALLOW, 0, x, 784);
        var two = DendriticBench.Products.of(Dendritic.network(DendriticRecipes.dendritic(1), 2), 0, x, 784);
        one.sparseProjectionRows();
        two.sparseProjectionRows();
        assertTrue(maxDiff(one.snapshot()[0], two.snapshot()[0]) > 1e-2);
    }

    @Test
    void theSparseGradientIsTheMaskedDenseGradientAndZeroElsewhere() {
        var p = DendriticBench.Products.of(SHALLOW, 0, input(DendriticBench.BATCH * 784, 12), 784);
        p.denseGradient();
        p.sparseGradientT();
        float[][] s = p.snapshot();
        float[] sparseDense = p.ell().dense(s[2]);
        assertClose(s[3], sparseDense, "gradient at the synapses");
        boolean[] mask = SHALLOW.mask(0, false);
        int nonzeroOff = 0;
        for (int i = 0; i < mask.length; i++) {
            if (!mask[i] && sparseDense[i] != 0f) {
                nonzeroOff++;
            }
        }
        assertEquals(0, nonzeroOff, "the sparse gradient never touches an absent synapse");
    }

    @Test
    void theFusedCouplingMatchesTheDenseCoupleInBothDirections() {
        DendriticNetwork deep = Dendritic.network(DendriticRecipes.dendritic(2), 1);
        var p = DendriticBench.Products.of(deep, 1, input(DendriticBench.BATCH * 100, 13), 100);
        assertEquals(50, p.ell().perRow());
        p.denseCouple();
        float[][] d = p.snapshot();
        p.clear();
        p.sparseCoupleRows();
        float[][] s = p.snapshot();
        assertClose(d[0], s[0], "forward (branches)");
        assertClose(d[1], s[1], "adjoint (presynaptic somata)");
        assertTrue(maxDiff(d[1], new float[d[1].length]) > 1e-3, "the adjoint is not trivially zero");
    }

    @Test
    void rowsWithDifferentSynapseCountsAreRejected() {
        boolean[] mask = {true, true, false, true, false, false};
        assertThrows(IllegalArgumentException.class, () -> MaskedEll.of(new float[6], mask, 2, 3));
        boolean[] even = {true, false, true, false, true, true};
        assertEquals(2, MaskedEll.of(new float[6], even, 2, 3).perRow());
    }
}
