package org.plasticity.ep.model;

/**
 * One convolutional layer of a convergent network: {@code channels} output maps, a square
 * {@code kernel}, {@code stride}, zero {@code padding}, then {@link Pooling} over non-overlapping
 * {@code poolSize × poolSize} windows (stride = window, floor mode as PyTorch's default: rows and columns
 * left over at the edge are dropped).
 *
 * @param channels output channels
 * @param kernel kernel size (square)
 * @param stride convolution stride
 * @param padding zero padding on each side
 * @param pooling pooling after the convolution
 * @param poolSize pooling window and stride (2 in Laborieux et al. 2021; 3 in the 2C net of stochastic spiking EP);
 *     ignored by {@link Pooling#NONE}
 */
public record ConvSpec(int channels, int kernel, int stride, int padding, Pooling pooling, int poolSize) {

    /** Validates. */
    public ConvSpec {
        if (channels < 1 || kernel < 1 || stride < 1 || padding < 0) {
            throw new IllegalArgumentException("conv layer needs channels ≥ 1, kernel ≥ 1, stride ≥ 1, padding ≥ 0; got "
                    + channels + ", " + kernel + ", " + stride + ", " + padding);
        }
        if (pooling == null) {
            throw new IllegalArgumentException("pooling must not be null; use Pooling.NONE");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("pooling window must be ≥ 1, got " + poolSize);
        }
    }

    /** A layer with the usual 2×2/2 pooling window. */
    public ConvSpec(int channels, int kernel, int stride, int padding, Pooling pooling) {
        this(channels, kernel, stride, padding, pooling, 2);
    }

    /** A stride-1 convolution with the given padding, followed by 2×2 max-pooling. */
    public static ConvSpec of(int channels, int kernel, int padding) {
        return new ConvSpec(channels, kernel, 1, padding, Pooling.MAX);
    }

    /** A copy with another pooling. */
    public ConvSpec withPooling(Pooling p) {
        return new ConvSpec(channels, kernel, stride, padding, p, poolSize);
    }

    /** A copy with another pooling window ({@code n × n}, stride n). */
    public ConvSpec withPoolSize(int n) {
        return new ConvSpec(channels, kernel, stride, padding, pooling, n);
    }

    /** Spatial size after convolution (before pooling) of an input of size {@code n}. */
    public int convOutSize(int n) {
        return (n + 2 * padding - kernel) / stride + 1;
    }

    /** Pooling window actually applied: {@link #poolSize()}, or 1 without pooling. */
    public int window() {
        return pooling == Pooling.NONE ? 1 : poolSize;
    }

    /** Spatial size after pooling of a convolution output of size {@code n}. */
    public int pooledSize(int n) {
        return n / window();
    }

    /** Spatial size after convolution and pooling of an input of size {@code n}. */
    public int outSize(int n) {
        return pooledSize(convOutSize(n));
    }

    @Override
    public String toString() {
        return "conv" + channels + "k" + kernel + (stride == 1 ? "" : "s" + stride) + (padding == 0 ? "" : "p" + padding)
                + pooling.letter() + (pooling == Pooling.NONE || poolSize == 2 ? "" : String.valueOf(poolSize));
    }
}
