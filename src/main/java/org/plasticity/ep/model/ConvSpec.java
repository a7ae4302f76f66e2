package org.plasticity.ep.model;

/**
 * One convolutional layer of a convergent network: {@code channels} output maps, a square
 * {@code kernel}, {@code stride}, zero {@code padding}, then {@link Pooling}.
 *
 * @param channels output channels
 * @param kernel kernel size (square)
 * @param stride convolution stride
 * @param padding zero padding on each side
 * @param pooling pooling after the convolution
 */
public record ConvSpec(int channels, int kernel, int stride, int padding, Pooling pooling) {

    /** Validates. */
    public ConvSpec {
        if (channels < 1 || kernel < 1 || stride < 1 || padding < 0) {
            throw new IllegalArgumentException("conv layer needs channels ≥ 1, kernel ≥ 1, stride ≥ 1, padding ≥ 0; got "
                    + channels + ", " + kernel + ", " + stride + ", " + padding);
        }
        if (pooling == null) {
            throw new IllegalArgumentException("pooling must not be null; use Pooling.NONE");
        }
    }

    /** A stride-1 convolution with the given padding, followed by 2×2 max-pooling. */
    public static ConvSpec of(int channels, int kernel, int padding) {
        return new ConvSpec(channels, kernel, 1, padding, Pooling.MAX);
    }

    /** A copy with another pooling. */
    public ConvSpec withPooling(Pooling p) {
        return new ConvSpec(channels, kernel, stride, padding, p);
    }

    /** Spatial size after convolution (before pooling) of an input of size {@code n}. */
    public int convOutSize(int n) {
        return (n + 2 * padding - kernel) / stride + 1;
    }

    @Override
    public String toString() {
        return "conv" + channels + "k" + kernel + (stride == 1 ? "" : "s" + stride) + (padding == 0 ? "" : "p" + padding)
                + pooling.letter();
    }
}
