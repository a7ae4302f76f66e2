package org.plasticity.ep.model;

import java.util.List;
import org.plasticity.tensor.FloatKernels;
import org.plasticity.tensor.Parallel;
import org.plasticity.train.Parameter;

/**
 * A fully connected coupling {@code Φ_c = ⟨out, W·in + b⟩} with {@code W} stored {@code out × in}
 * (the PyTorch {@code Linear} layout). Narrow connections (at most {@link #FUSED_MAX_OUT} outputs, e.g.
 * to 10 classes) compute both directions in one pass over {@code W}; wide ones use two register-blocked
 * {@code A·B} products, the forward one against {@code Wᵀ}, both reading {@code Wᵀ} and {@code W} packed in
 * column panels once per batch in {@link #prepare} (a dot-product form {@code S·Wᵀ} would need one lane
 * reduction per output and runs several times slower; unpacked, each step reads the panels' columns out of rows
 * far apart).
 */
public final class DenseConnection implements Connection {

    /** Widest output for which {@link #couple} uses the fused one-pass kernel. */
    public static final int FUSED_MAX_OUT = 32;

    private final int nIn;
    private final int nOut;
    private final Parameter weight;
    private final Parameter bias;
    private final FloatKernels k;
    private float[] transposed = new float[0];
    /** A wide connection's {@code Wᵀ} ({@code nIn × nOut}) and {@code W} ({@code nOut × nIn}) in column panels. */
    private float[] packedT = new float[0];
    private float[] packedW = new float[0];
    private boolean prepared;

    /**
     * @param name suffix of the parameter names ({@code W<name>}, {@code b<name>})
     * @param nIn inputs
     * @param nOut outputs
     * @param lrScale learning-rate multiplier of both parameters
     * @param kernels the float kernels to use
     */
    public DenseConnection(String name, int nIn, int nOut, double lrScale, FloatKernels kernels) {
        this.nIn = nIn;
        this.nOut = nOut;
        this.weight = new Parameter("W" + name, new int[] {nOut, nIn}, new float[nOut * nIn], lrScale, true);
        this.bias = new Parameter("b" + name, new int[] {nOut}, new float[nOut], lrScale, true);
        this.k = kernels;
    }

    @Override
    public int inSize() {
        return nIn;
    }

    @Override
    public int outSize() {
        return nOut;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    /** The weight parameter ({@code out × in}). */
    public Parameter weight() {
        return weight;
    }

    /** The bias parameter. */
    public Parameter bias() {
        return bias;
    }

    @Override
    public void forward(int rows, float[] in, int inOff, float[] accOut, int accOutOff) {
        k.gemmNT(rows, nOut, nIn, in, inOff, nIn, weight.value(), 0, nIn, accOut, accOutOff, nOut, true);
        k.addRowVector(rows, nOut, bias.value(), 0, accOut, accOutOff);
    }

    /** Rows from which a batch's input projection pays for transposing {@code W}. */
    static final int TRANSPOSE_MIN_ROWS = 16;

    @Override
    public void prepare(int rows) {
        prepared = projectsByTranspose(rows);
        if (!prepared) {
            return;
        }
        float[] w = weight.value();
        if (nOut > FUSED_MAX_OUT) {
            // wide: both products of a relaxation step read W in column panels; packing them once per batch makes
            // every step stream each panel sequentially (bit-identical, see FloatKernels#gemmABPacked)
            if (packedT.length != nIn * nOut) {
                packedT = new float[nIn * nOut];
                packedW = new float[nIn * nOut];
            }
            float[] pt = packedT;
            float[] pw = packedW;
            int qt = k.panels(nOut);
            int qw = k.panels(nIn);
            Parallel.forRange(qt + qw, 1, (q0, q1) -> {
                for (int q = q0; q < q1; q++) {
                    if (q < qt) {
                        k.packB(true, nIn, nOut, w, 0, nIn, pt, q, q + 1);
                    } else {
                        k.packB(false, nOut, nIn, w, 0, nIn, pw, q - qt, q - qt + 1);
                    }
                }
            });
            return;
        }
        if (transposed.length != nIn * nOut) {
            transposed = new float[nIn * nOut];
        }
        float[] t = transposed;
        Parallel.forRange(nIn, Math.max(64, Parallel.grain(4L * nOut)), (j0, j1) -> k.transpose(nOut, nIn, w, t, j0, j1));
    }

    /**
     * Whether {@link #prepare} would transpose {@code W} for this many rows, i.e. whether {@link #project}
     * would use the {@code A·B} form that {@link #projectBatch} reproduces bit for bit (otherwise it uses the
     * dot form of {@link #forward}).
     */
    public boolean projectsByTranspose(int rows) {
        return nOut > FUSED_MAX_OUT || rows >= TRANSPOSE_MIN_ROWS;
    }

    /** Scratch of {@link #projectBatch}: the input transposed ({@code nIn × ld}) and the product ({@code nOut × ld}). */
    private float[] inT = new float[0];
    private float[] outT = new float[0];

    /**
     * {@code accOut[r] += W·in[r] + b} for a whole batch (the input projection, {@code accOut} zeroed by the
     * caller) without transposing {@code W}: the batch is transposed instead ({@code nIn × rows}, 10× smaller
     * than {@code W} at 784→500, batch 50), {@code (W·inᵀ)} is one {@code A·B} product split over output rows
     * on the threads, and its transpose is added back with the bias. Every element is the same fused
     * multiply-add chain over the inputs in the same order as {@link #project} after {@link #prepare} (the
     * product's factors trade places only), so the result is bit-identical when
     * {@link #projectsByTranspose} holds (into a zeroed {@code accOut}, as the network calls it; for any
     * start with the vector kernels); call {@link #unprepare} instead of {@link #prepare} for it.
     */
    public void projectBatch(int rows, float[] in, int inOff, float[] accOut, int accOutOff) {
        int lanes = 8;
        int ld = (rows + lanes - 1) / lanes * lanes;
        if (inT.length < nIn * ld) {
            inT = new float[nIn * ld];
        }
        if (outT.length < nOut * ld) {
            outT = new float[nOut * ld];
        }
        float[] xt = inT;
        float[] ct = outT;
        Parallel.forRange(nIn, Math.max(64, Parallel.grain(4L * rows)), (p0, p1) -> {
            for (int p = p0; p < p1; p++) {
                int d = p * ld;
                for (int r = 0; r < rows; r++) {
                    xt[d + r] = in[inOff + r * nIn + p];
                }
                for (int r = rows; r < ld; r++) {
                    xt[d + r] = 0f;
                }
            }
        });
        float[] w = weight.value();
        float[] b = bias.value();
        Parallel.forRange(nOut, Math.max(8, Parallel.grain((long) nIn * ld)), (o0, o1) -> {
            for (int o = o0; o < o1; o++) {
                int cr = o * ld;
                for (int r = 0; r < ld; r++) {
                    ct[cr + r] = 0f;
                }
            }
            k.gemmAB(false, o1 - o0, ld, nIn, 1f, w, o0 * nIn, nIn, xt, 0, ld, ct, o0 * ld, ld);
            for (int r = 0; r < rows; r++) {
                int dr = accOutOff + r * nOut;
                for (int o = o0; o < o1; o++) {
                    accOut[dr + o] = (accOut[dr + o] + ct[o * ld + r]) + b[o];
                }
            }
        });
    }

    /**
     * Drops what {@link #prepare} derived for this batch without deriving it: {@link #project} then runs the
     * plain {@link #forward} (for a caller that projects by {@link #forwardColumns}, which needs no transpose).
     * Only valid for a connection that is not coupled in the relaxation (the input connection).
     */
    void unprepare() {
        prepared = false;
    }

    @Override
    public void project(int rows, float[] in, int inOff, float[] accOut, int accOutOff) {
        if (!prepared) {
            forward(rows, in, inOff, accOut, accOutOff);
            return;
        }
        forwardTransposed(rows, in, inOff, accOut, accOutOff);
        k.addRowVector(rows, nOut, bias.value(), 0, accOut, accOutOff);
    }

    /**
     * {@code accOut[r][o0..o1) += (W·in[r] + b)[o0..o1)}: a column block of {@link #forward}, so that a
     * batch of one or two samples can still spread its projection over threads.
     */
    public void forwardColumns(int rows, float[] in, int inOff, float[] accOut, int accOutOff, int o0, int o1) {
        k.gemmNT(rows, o1 - o0, nIn, in, inOff, nIn, weight.value(), o0 * nIn, nIn, accOut, accOutOff + o0, nOut, true);
        for (int r = 0; r < rows; r++) {
            k.add(o1 - o0, accOut, accOutOff + r * nOut + o0, bias.value(), o0, accOut, accOutOff + r * nOut + o0);
        }
    }

    private void forwardTransposed(int rows, float[] in, int inOff, float[] accOut, int accOutOff) {
        if (nOut > FUSED_MAX_OUT) {
            k.gemmABPacked(rows, nOut, nIn, 1f, in, inOff, nIn, packedT, accOut, accOutOff, nOut);
        } else {
            k.gemmAB(false, rows, nOut, nIn, 1f, in, inOff, nIn, transposed, 0, nOut, accOut, accOutOff, nOut);
        }
    }

    @Override
    public void adjoint(int rows, float alpha, float[] in, int inOff, float[] out, int outOff, float[] accIn, int accInOff) {
        k.gemmAB(false, rows, nIn, nOut, alpha, out, outOff, nOut, weight.value(), 0, nIn, accIn, accInOff, nIn);
    }

    @Override
    public void couple(int rows, float[] in, int inOff, float[] out, int outOff, float[] accOut, int accOutOff,
            float[] accIn, int accInOff, boolean withBias) {
        if (nOut <= FUSED_MAX_OUT) {
            k.denseBoth(rows, nOut, nIn, weight.value(), in, inOff, out, outOff, accOut, accOutOff, accIn, accInOff);
        } else {
            if (!prepared) {
                throw new IllegalStateException("prepare(rows) must run before couple() on a wide connection");
            }
            forwardTransposed(rows, in, inOff, accOut, accOutOff);
            // the adjoint on the packed W: bit-identical to adjoint(rows, 1f, ...)
            k.gemmABPacked(rows, nIn, nOut, 1f, out, outOff, nOut, packedW, accIn, accInOff, nIn);
        }
        if (withBias) {
            k.addRowVector(rows, nOut, bias.value(), 0, accOut, accOutOff);
        }
    }

    /** The narrow (fused) form reads {@code accInStart} in its first pass instead of copying it. */
    @Override
    public void coupleFrom(int rows, float[] in, int inOff, float[] out, int outOff, float[] accOut, int accOutOff,
            float[] accInStart, int accInStartOff, float[] accIn, int accInOff, boolean withBias) {
        if (nOut > FUSED_MAX_OUT) {
            Connection.super.coupleFrom(rows, in, inOff, out, outOff, accOut, accOutOff, accInStart, accInStartOff, accIn,
                    accInOff, withBias);
            return;
        }
        k.denseBoth(rows, nOut, nIn, weight.value(), in, inOff, out, outOff, accOut, accOutOff, accInStart, accInStartOff,
                accIn, accInOff);
        if (withBias) {
            k.addRowVector(rows, nOut, bias.value(), 0, accOut, accOutOff);
        }
    }

    @Override
    public void accumulateGradient(int rows, float alpha, float[] in, int inOff, float[] out, int outOff, boolean withBias) {
        float[] gw = weight.grad();
        if (nOut >= nIn) {
            Parallel.forRange(nOut, Math.max(8, Parallel.grain((long) nIn * rows)), (o0, o1) -> k.gemmAB(true, o1 - o0, nIn, rows, alpha, out, outOff + o0, nOut,
                    in, inOff, nIn, gw, o0 * nIn, nIn));
        } else {
            Parallel.forRange(nIn, Math.max(64, Parallel.grain((long) nOut * rows)), (i0, i1) -> k.gemmAB(true, nOut, i1 - i0, rows, alpha, out, outOff, nOut,
                    in, inOff + i0, nIn, gw, i0, nIn));
        }
        if (withBias) {
            float[] gb = bias.grad();
            for (int r = 0; r < rows; r++) {
                k.axpy(nOut, alpha, out, outOff + r * nOut, gb, 0);
            }
        }
    }

    @Override
    public long coupleMacsPerRow() {
        return 2L * nIn * nOut;
    }

    @Override
    public String toString() {
        return "DenseConnection[" + nIn + "→" + nOut + "]";
    }
}
