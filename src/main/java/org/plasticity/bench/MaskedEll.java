package org.plasticity.bench;

import java.util.Arrays;
import org.plasticity.tensor.FloatKernels;

/**
 * A masked weight matrix {@code W ⊙ M} ({@code nOut × nIn}, row-major) stored sparse, for {@link DendriticBench}'s
 * dense-masked vs sparse comparison: every row (a dendritic branch) keeps exactly {@code per} synapses (the dendritic
 * network's masks wire each branch to exactly {@code density · fanIn} presynaptic units, spec {@code ep-family.md}
 * §2.3), so the matrix is in ELLPACK form: {@code idx[j·per + q]} is the column of synapse {@code q} of row {@code j}
 * (ascending), {@code val[j·per + q]} its weight. The dense path multiplies the zeros too; these kernels do half the
 * multiply-adds at density 0.5 but gather (or scatter) their operands. Two layouts:
 * <ul>
 *   <li>row-major states ({@code in[r·nIn + i]}, as the network keeps them): scalar gather / scatter per row,
 *       {@link #forwardRows} and the fused both-direction {@link #coupleRows} of a relaxation step;</li>
 *   <li>batch-transposed operands ({@code inT[i·ld + r]}): each synapse is one vectorised axpy or dot over the batch
 *       ({@link #forwardBatchT}, {@link #gradientT}), the form a whole-batch product (input projection, weight gradient)
 *       can use.</li>
 * </ul>
 * Not used by the model (it stays dense-masked); it measures whether sparse products would pay.
 */
final class MaskedEll {

    private final int nOut;
    private final int nIn;
    private final int per;
    private final int[] idx;
    private final float[] val;

    private MaskedEll(int nOut, int nIn, int per, int[] idx, float[] val) {
        this.nOut = nOut;
        this.nIn = nIn;
        this.per = per;
        this.idx = idx;
        this.val = val;
    }

    /**
     * The masked entries of {@code w}.
     *
     * @param w weights, {@code nOut × nIn} row-major
     * @param mask the mask, same layout
     * @param nOut rows (branches)
     * @param nIn columns (presynaptic units)
     * @return the ELL form
     * @throws IllegalArgumentException when the rows of {@code mask} keep different numbers of synapses
     */
    static MaskedEll of(float[] w, boolean[] mask, int nOut, int nIn) {
        if (w.length != nOut * nIn || mask.length != nOut * nIn) {
            throw new IllegalArgumentException("weights " + w.length + " / mask " + mask.length + " for " + nOut + " × " + nIn);
        }
        int per = 0;
        for (int i = 0; i < nIn; i++) {
            per += mask[i] ? 1 : 0;
        }
        int[] idx = new int[nOut * per];
        float[] val = new float[nOut * per];
        for (int j = 0; j < nOut; j++) {
            int q = 0;
            for (int i = 0; i < nIn; i++) {
                if (mask[j * nIn + i]) {
                    if (q == per) {
                        throw new IllegalArgumentException("row " + j + " keeps more than the " + per + " synapses of row 0");
                    }
                    idx[j * per + q] = i;
                    val[j * per + q] = w[j * nIn + i];
                    q++;
                }
            }
            if (q != per) {
                throw new IllegalArgumentException("row " + j + " keeps " + q + " synapses, row 0 keeps " + per);
            }
        }
        return new MaskedEll(nOut, nIn, per, idx, val);
    }

    /** Synapses per row. */
    int perRow() {
        return per;
    }

    /** Stored synapses ({@code nOut · per}). */
    long nonZeros() {
        return (long) nOut * per;
    }

    /** {@code acc[r·nOut + j] += Σ_q val·in[r·nIn + idx]} for rows {@code [r0, r1)} (row-major, scalar gather). */
    void forwardRows(int r0, int r1, float[] in, float[] acc) {
        for (int r = r0; r < r1; r++) {
            int io = r * nIn;
            int ao = r * nOut;
            for (int j = 0; j < nOut; j++) {
                int b = j * per;
                float s = 0f;
                for (int q = 0; q < per; q++) {
                    s += val[b + q] * in[io + idx[b + q]];
                }
                acc[ao + j] += s;
            }
        }
    }

    /**
     * One relaxation step's coupling in both directions for rows {@code [r0, r1)}: {@code accOut += (W⊙M)·in} and
     * {@code accIn += (W⊙M)ᵀ·out}, in one pass over the synapses (what {@code DenseConnection.couple} does without bias).
     */
    void coupleRows(int r0, int r1, float[] in, float[] out, float[] accOut, float[] accIn) {
        for (int r = r0; r < r1; r++) {
            int io = r * nIn;
            int oo = r * nOut;
            for (int j = 0; j < nOut; j++) {
                int b = j * per;
                float o = out[oo + j];
                float s = 0f;
                for (int q = 0; q < per; q++) {
                    int i = io + idx[b + q];
                    float v = val[b + q];
                    s += v * in[i];
                    accIn[i] += v * o;
                }
                accOut[oo + j] += s;
            }
        }
    }

    /**
     * Batch-transposed product for output rows {@code [j0, j1)}: {@code accT[j·ld + r] += Σ_q val·inT[idx·ld + r]},
     * {@code r < rows}; one axpy of length {@code rows} per synapse.
     */
    void forwardBatchT(int rows, int ld, float[] inT, float[] accT, FloatKernels k, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            int b = j * per;
            int ao = j * ld;
            for (int q = 0; q < per; q++) {
                k.axpy(rows, val[b + q], inT, idx[b + q] * ld, accT, ao);
            }
        }
    }

    /**
     * The weight gradient at the synapses only (a sampled product) for output rows {@code [j0, j1)}:
     * {@code g[j·per + q] += α Σ_r outT[j·ld + r]·inT[idx·ld + r]}; one dot of length {@code rows} per synapse.
     */
    void gradientT(int rows, int ld, float alpha, float[] outT, float[] inT, float[] g, FloatKernels k, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            int b = j * per;
            int oo = j * ld;
            for (int q = 0; q < per; q++) {
                g[b + q] += alpha * k.dot(rows, outT, oo, inT, idx[b + q] * ld);
            }
        }
    }

    /** Scatters per-synapse values (e.g. {@link #gradientT}'s) into a dense {@code nOut × nIn} array of zeros. */
    float[] dense(float[] perSynapse) {
        float[] d = new float[nOut * nIn];
        for (int s = 0; s < idx.length; s++) {
            d[(s / per) * nIn + idx[s]] = perSynapse[s];
        }
        return d;
    }

    /** {@code dst[i·ld + r] = src[off + r·cols + i]} for {@code r < rows}, zero for {@code rows ≤ r < ld} (a batch transposed). */
    static void transposeBatch(int rows, int cols, float[] src, int off, int ld, float[] dst) {
        for (int i = 0; i < cols; i++) {
            int d = i * ld;
            for (int r = 0; r < rows; r++) {
                dst[d + r] = src[off + r * cols + i];
            }
            Arrays.fill(dst, d + rows, d + ld, 0f);
        }
    }

    @Override
    public String toString() {
        return "MaskedEll[" + nOut + " × " + nIn + ", " + per + " per row]";
    }
}
