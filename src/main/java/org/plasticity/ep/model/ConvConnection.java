package org.plasticity.ep.model;

import java.util.Arrays;
import java.util.List;
import org.plasticity.tensor.FloatKernels;
import org.plasticity.train.Parameter;

/**
 * A convolutional coupling {@code Φ_c = ⟨out, P(conv(in; W) + b)⟩} (Laborieux et al. 2021, {@code P_CNN.Phi}),
 * maps stored channel-major ({@code C × H × W}, the PyTorch flattening order). Weights are
 * {@code Cout × Cin × k × k}.
 *
 * <p>Per sample: the input is unfolded into columns ({@code Cin·k·k × Ho·Wo}), {@code Z = W·cols + b};
 * the forward drive is {@code P(Z)}; the top-down drive is {@code convᵀ(Pᵀ out)}, where the pool's adjoint
 * {@code Pᵀ} routes each upper unit to the argmax of its window in {@code Z} (max-pool), spreads 1/p² of
 * it to each of the p×p positions of its window (average pool: nearest-neighbour
 * upsampling scaled by 1/p²) or is the identity; and {@code ∂Φ_c/∂W = Pᵀ(out)·colsᵀ}. Windows are
 * {@link ConvSpec#poolSize()} wide (2 by default). Scratch is per thread, so row blocks can run in parallel.
 */
public final class ConvConnection implements Connection {

    private final int cin;
    private final int h;
    private final int w;
    private final ConvSpec spec;
    private final int ho;
    private final int wo;
    private final int hp;
    private final int wp;
    /** Pooling window and stride (1 without pooling). */
    private final int pw;
    private final int kk;
    private final Parameter weight;
    private final Parameter bias;
    private final FloatKernels k;
    private final ThreadLocal<Scratch> scratch;

    /** Per-thread work buffers of one sample. */
    private static final class Scratch {
        final float[] cols;
        final float[] z;
        final float[] g;
        final int[] argmax;

        Scratch(int kk, int positions, int cout, int pooled) {
            cols = new float[kk * positions];
            z = new float[cout * positions];
            g = new float[cout * positions];
            argmax = new int[cout * pooled];
        }
    }

    /**
     * @param name suffix of the parameter names
     * @param cin input channels
     * @param h input height
     * @param w input width
     * @param spec the layer
     * @param lrScale learning-rate multiplier
     * @param kernels float kernels
     */
    public ConvConnection(String name, int cin, int h, int w, ConvSpec spec, double lrScale, FloatKernels kernels) {
        this.cin = cin;
        this.h = h;
        this.w = w;
        this.spec = spec;
        this.ho = spec.convOutSize(h);
        this.wo = spec.convOutSize(w);
        this.pw = spec.window();
        this.hp = spec.pooledSize(ho);
        this.wp = spec.pooledSize(wo);
        if (ho < 1 || wo < 1 || hp < 1 || wp < 1) {
            throw new IllegalArgumentException(spec + " does not fit a " + h + "×" + w + " input");
        }
        this.kk = cin * spec.kernel() * spec.kernel();
        int cout = spec.channels();
        this.weight = new Parameter("W" + name, new int[] {cout, cin, spec.kernel(), spec.kernel()}, new float[cout * kk],
                lrScale, true);
        this.bias = new Parameter("b" + name, new int[] {cout}, new float[cout], lrScale, true);
        this.k = kernels;
        int positions = ho * wo;
        int pooled = hp * wp;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(kk, positions, cout, pooled));
    }

    /** Height of the (pooled) output map. */
    public int outHeight() {
        return hp;
    }

    /** Width of the (pooled) output map. */
    public int outWidth() {
        return wp;
    }

    @Override
    public int inSize() {
        return cin * h * w;
    }

    @Override
    public int outSize() {
        return spec.channels() * hp * wp;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    @Override
    public void forward(int rows, float[] in, int inOff, float[] accOut, int accOutOff) {
        Scratch s = scratch.get();
        for (int r = 0; r < rows; r++) {
            convolve(s, in, inOff + r * inSize());
            pool(s, accOut, accOutOff + r * outSize());
        }
    }

    @Override
    public void adjoint(int rows, float alpha, float[] in, int inOff, float[] out, int outOff, float[] accIn, int accInOff) {
        Scratch s = scratch.get();
        for (int r = 0; r < rows; r++) {
            if (spec.pooling() == Pooling.MAX) {
                convolve(s, in, inOff + r * inSize());
                argmaxOnly(s);
            }
            unpool(s, alpha, out, outOff + r * outSize());
            transposeConvolve(s, accIn, accInOff + r * inSize());
        }
    }

    @Override
    public void couple(int rows, float[] in, int inOff, float[] out, int outOff, float[] accOut, int accOutOff,
            float[] accIn, int accInOff, boolean withBias) {
        if (!withBias && spec.pooling() == Pooling.MAX) {
            throw new UnsupportedOperationException("max-pooled conv layers cannot propagate sensitivities "
                    + "(backprop-through-time): the pooling route depends on the states; use Pooling.AVG or NONE");
        }
        Scratch s = scratch.get();
        for (int r = 0; r < rows; r++) {
            convolve(s, in, inOff + r * inSize());
            if (!withBias) {
                subtractBias(s);
            }
            pool(s, accOut, accOutOff + r * outSize());
            unpool(s, 1f, out, outOff + r * outSize());
            transposeConvolve(s, accIn, accInOff + r * inSize());
        }
    }

    @Override
    public void accumulateGradient(int rows, float alpha, float[] in, int inOff, float[] out, int outOff, boolean withBias) {
        Scratch s = scratch.get();
        int positions = ho * wo;
        int cout = spec.channels();
        float[] gw = weight.grad();
        float[] gb = bias.grad();
        for (int r = 0; r < rows; r++) {
            convolve(s, in, inOff + r * inSize());
            if (spec.pooling() == Pooling.MAX) {
                argmaxOnly(s);
            }
            unpool(s, alpha, out, outOff + r * outSize());
            k.gemmNT(cout, kk, positions, s.g, 0, positions, s.cols, 0, positions, gw, 0, kk, true);
            if (withBias) {
                for (int c = 0; c < cout; c++) {
                    float sum = 0f;
                    for (int p = 0; p < positions; p++) {
                        sum += s.g[c * positions + p];
                    }
                    gb[c] += sum;
                }
            }
        }
    }

    /**
     * {@link #couple} with the bias for a sparse upper layer (0/1 spikes): the top-down drive {@code convᵀ(Pᵀ out)} is
     * accumulated event by event, one kernel slice {@code W[co, :, :, :]} per non-zero entry of {@code Pᵀ out}
     * (silent units cost nothing), instead of as one dense product; the bottom-up drive is {@link #couple}'s. Same
     * values as {@link #couple} up to the order of the sums. Pays when few upper units are active (max-pool: at most
     * one position per active unit; stochastic spiking EP's firing rates are 0.1–0.3).
     */
    public void coupleEvents(int rows, float[] in, int inOff, float[] out, int outOff, float[] accOut, int accOutOff,
            float[] accIn, int accInOff) {
        Scratch s = scratch.get();
        for (int r = 0; r < rows; r++) {
            convolve(s, in, inOff + r * inSize());
            pool(s, accOut, accOutOff + r * outSize());
            unpool(s, 1f, out, outOff + r * outSize());
            scatterTranspose(s, accIn, accInOff + r * inSize());
        }
    }

    /** {@code acc += convᵀ(g)} from the non-zero entries of {@code g} only. */
    private void scatterTranspose(Scratch s, float[] acc, int off) {
        int positions = ho * wo;
        int kz = spec.kernel();
        int st = spec.stride();
        int pad = spec.padding();
        float[] wv = weight.value();
        for (int co = 0; co < spec.channels(); co++) {
            for (int p = 0; p < positions; p++) {
                float v = s.g[co * positions + p];
                if (v == 0f) {
                    continue;
                }
                int ih0 = (p / wo) * st - pad;
                int iw0 = (p % wo) * st - pad;
                int kj0 = Math.max(0, -iw0);
                int kj1 = Math.min(kz, w - iw0);
                for (int ci = 0; ci < cin; ci++) {
                    int wBase = (co * cin + ci) * kz * kz;
                    for (int ki = 0; ki < kz; ki++) {
                        int ih = ih0 + ki;
                        if (ih < 0 || ih >= h) {
                            continue;
                        }
                        int row = off + (ci * h + ih) * w + iw0;
                        int wRow = wBase + ki * kz;
                        for (int kj = kj0; kj < kj1; kj++) {
                            acc[row + kj] += v * wv[wRow + kj];
                        }
                    }
                }
            }
        }
    }

    /**
     * {@link #couple} without the bias for sensitivities (backprop-through-time through this layer), with the
     * max-pool route taken from the lower layer's <em>state</em> {@code route} at that step instead of from the
     * sensitivities: {@code accOut += P_route(conv(in))} and {@code accIn += convᵀ(P_routeᵀ out)}, where
     * {@code in, out} are the δ's of the lower and upper layer. The route is piecewise constant in the state, so
     * it adds no derivative of its own. For average or no pooling the route plays no part and this is
     * {@code couple(..., false)}.
     *
     * @param route the lower layer's state of the step (what {@link #forward} pooled), same layout as {@code in}
     */
    public void coupleRouted(int rows, float[] route, int routeOff, float[] in, int inOff, float[] out, int outOff,
            float[] accOut, int accOutOff, float[] accIn, int accInOff) {
        if (spec.pooling() != Pooling.MAX) {
            couple(rows, in, inOff, out, outOff, accOut, accOutOff, accIn, accInOff, false);
            return;
        }
        Scratch s = scratch.get();
        for (int r = 0; r < rows; r++) {
            convolve(s, route, routeOff + r * inSize());
            argmaxOnly(s);
            convolve(s, in, inOff + r * inSize());
            subtractBias(s);
            int o = accOutOff + r * outSize();
            for (int q = 0; q < spec.channels() * hp * wp; q++) {
                accOut[o + q] += s.z[s.argmax[q]];
            }
            unpool(s, 1f, out, outOff + r * outSize());
            transposeConvolve(s, accIn, accInOff + r * inSize());
        }
    }

    /**
     * {@link #accumulateGradient} without the bias for a top-down sensitivity, with the max-pool route from the
     * lower layer's state {@code route}: {@code gradW += alpha Σ_r P_routeᵀ(out[r])·cols(in[r])ᵀ}, the
     * derivative of {@code ⟨in, convᵀ(P_routeᵀ out)⟩} (backprop-through-time's share of the top-down drive).
     * For average or no pooling this is {@code accumulateGradient(..., false)}.
     *
     * @param route the lower layer's state of the step, same layout as {@code in}
     */
    public void accumulateGradientRouted(int rows, float alpha, float[] route, int routeOff, float[] in, int inOff,
            float[] out, int outOff) {
        if (spec.pooling() != Pooling.MAX) {
            accumulateGradient(rows, alpha, in, inOff, out, outOff, false);
            return;
        }
        Scratch s = scratch.get();
        int positions = ho * wo;
        for (int r = 0; r < rows; r++) {
            convolve(s, route, routeOff + r * inSize());
            argmaxOnly(s);
            convolve(s, in, inOff + r * inSize());
            unpool(s, alpha, out, outOff + r * outSize());
            k.gemmNT(spec.channels(), kk, positions, s.g, 0, positions, s.cols, 0, positions, weight.grad(), 0, kk, true);
        }
    }

    /** Unfolds one input map into {@code cols} and computes {@code z = W·cols + b}. */
    private void convolve(Scratch s, float[] in, int off) {
        int kz = spec.kernel();
        int st = spec.stride();
        int pad = spec.padding();
        int positions = ho * wo;
        float[] cols = s.cols;
        for (int ci = 0; ci < cin; ci++) {
            for (int ki = 0; ki < kz; ki++) {
                for (int kj = 0; kj < kz; kj++) {
                    int row = ((ci * kz + ki) * kz + kj) * positions;
                    for (int oh = 0; oh < ho; oh++) {
                        int ih = oh * st - pad + ki;
                        int base = row + oh * wo;
                        if (ih < 0 || ih >= h) {
                            Arrays.fill(cols, base, base + wo, 0f);
                            continue;
                        }
                        int src = off + (ci * h + ih) * w;
                        if (st == 1) {
                            // contiguous: output columns [lo, hi) read input columns [lo − pad + kj, ...)
                            int lo = Math.max(0, pad - kj);
                            int hi = Math.min(wo, w + pad - kj);
                            Arrays.fill(cols, base, base + lo, 0f);
                            if (hi > lo) {
                                System.arraycopy(in, src + lo - pad + kj, cols, base + lo, hi - lo);
                            }
                            Arrays.fill(cols, base + Math.max(lo, hi), base + wo, 0f);
                            continue;
                        }
                        for (int ow = 0; ow < wo; ow++) {
                            int iw = ow * st - pad + kj;
                            cols[base + ow] = iw >= 0 && iw < w ? in[src + iw] : 0f;
                        }
                    }
                }
            }
        }
        int cout = spec.channels();
        float[] b = bias.value();
        for (int c = 0; c < cout; c++) {
            Arrays.fill(s.z, c * positions, (c + 1) * positions, b[c]);
        }
        k.gemmAB(false, cout, positions, kk, 1f, weight.value(), 0, kk, cols, 0, positions, s.z, 0, positions);
    }

    private void subtractBias(Scratch s) {
        int positions = ho * wo;
        float[] b = bias.value();
        for (int c = 0; c < spec.channels(); c++) {
            for (int p = 0; p < positions; p++) {
                s.z[c * positions + p] -= b[c];
            }
        }
    }

    /** {@code acc += P(z)}, remembering the max-pool argmax. */
    private void pool(Scratch s, float[] acc, int off) {
        int cout = spec.channels();
        int positions = ho * wo;
        float inv = 1f / (pw * pw);
        switch (spec.pooling()) {
            case NONE:
                k.add(cout * positions, acc, off, s.z, 0, acc, off);
                break;
            case AVG:
                for (int c = 0; c < cout; c++) {
                    for (int i = 0; i < hp; i++) {
                        for (int j = 0; j < wp; j++) {
                            acc[off + (c * hp + i) * wp + j] += inv * windowSum(s.z, c * positions + pw * i * wo + pw * j);
                        }
                    }
                }
                break;
            default:
                for (int c = 0; c < cout; c++) {
                    for (int i = 0; i < hp; i++) {
                        for (int j = 0; j < wp; j++) {
                            int best = maxIndex(s.z, c * positions + pw * i * wo + pw * j);
                            s.argmax[(c * hp + i) * wp + j] = best;
                            acc[off + (c * hp + i) * wp + j] += s.z[best];
                        }
                    }
                }
        }
    }

    private void argmaxOnly(Scratch s) {
        int positions = ho * wo;
        for (int c = 0; c < spec.channels(); c++) {
            for (int i = 0; i < hp; i++) {
                for (int j = 0; j < wp; j++) {
                    s.argmax[(c * hp + i) * wp + j] = maxIndex(s.z, c * positions + pw * i * wo + pw * j);
                }
            }
        }
    }

    /** Index of the window's maximum, scanned row by row (the first one wins ties). */
    private int maxIndex(float[] z, int z0) {
        int best = z0;
        for (int a = 0; a < pw; a++) {
            for (int b = 0; b < pw; b++) {
                int q = z0 + a * wo + b;
                if (z[q] > z[best]) {
                    best = q;
                }
            }
        }
        return best;
    }

    /** Sum of the window's values, row by row (for 2×2: ((z00 + z01) + z10) + z11). */
    private float windowSum(float[] z, int z0) {
        float sum = z[z0];
        for (int a = 0; a < pw; a++) {
            for (int b = a == 0 ? 1 : 0; b < pw; b++) {
                sum += z[z0 + a * wo + b];
            }
        }
        return sum;
    }

    /** {@code g = alpha·Pᵀ(out)} over the conv positions. */
    private void unpool(Scratch s, float alpha, float[] out, int off) {
        int cout = spec.channels();
        int positions = ho * wo;
        float inv = 1f / (pw * pw);
        switch (spec.pooling()) {
            case NONE:
                for (int i = 0; i < cout * positions; i++) {
                    s.g[i] = alpha * out[off + i];
                }
                break;
            case AVG:
                Arrays.fill(s.g, 0, cout * positions, 0f);
                for (int c = 0; c < cout; c++) {
                    for (int i = 0; i < hp; i++) {
                        for (int j = 0; j < wp; j++) {
                            float v = inv * alpha * out[off + (c * hp + i) * wp + j];
                            int z0 = c * positions + pw * i * wo + pw * j;
                            for (int a = 0; a < pw; a++) {
                                Arrays.fill(s.g, z0 + a * wo, z0 + a * wo + pw, v);
                            }
                        }
                    }
                }
                break;
            default:
                Arrays.fill(s.g, 0, cout * positions, 0f);
                for (int q = 0; q < cout * hp * wp; q++) {
                    s.g[s.argmax[q]] = alpha * out[off + q];
                }
        }
    }

    /** {@code acc += convᵀ(g)}: columns {@code Wᵀ·g}, folded back onto the input map. */
    private void transposeConvolve(Scratch s, float[] acc, int off) {
        int positions = ho * wo;
        float[] cols = s.cols;
        Arrays.fill(cols, 0, kk * positions, 0f);
        k.gemmAB(true, kk, positions, spec.channels(), 1f, weight.value(), 0, kk, s.g, 0, positions, cols, 0, positions);
        int kz = spec.kernel();
        int st = spec.stride();
        int pad = spec.padding();
        for (int ci = 0; ci < cin; ci++) {
            for (int ki = 0; ki < kz; ki++) {
                for (int kj = 0; kj < kz; kj++) {
                    int row = ((ci * kz + ki) * kz + kj) * positions;
                    for (int oh = 0; oh < ho; oh++) {
                        int ih = oh * st - pad + ki;
                        if (ih < 0 || ih >= h) {
                            continue;
                        }
                        int dst = off + (ci * h + ih) * w;
                        int base = row + oh * wo;
                        if (st == 1) {
                            int lo = Math.max(0, pad - kj);
                            int hi = Math.min(wo, w + pad - kj);
                            if (hi > lo) {
                                int d0 = dst + lo - pad + kj;
                                k.add(hi - lo, acc, d0, cols, base + lo, acc, d0);
                            }
                            continue;
                        }
                        for (int ow = 0; ow < wo; ow++) {
                            int iw = ow * st - pad + kj;
                            if (iw >= 0 && iw < w) {
                                acc[dst + iw] += cols[base + ow];
                            }
                        }
                    }
                }
            }
        }
    }

    @Override
    public long coupleMacsPerRow() {
        return 2L * spec.channels() * kk * ho * wo;
    }

    @Override
    public String toString() {
        return "ConvConnection[" + cin + "×" + h + "×" + w + " → " + spec + " → " + spec.channels() + "×" + hp + "×" + wp + "]";
    }
}
