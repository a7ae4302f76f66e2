package org.plasticity.ep.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The layers of a convergent network: the input shape, optional convolutional layers, then dense
 * layers whose last size is the number of classes.
 *
 * @param inputShape shape of one input sample: {@code {features}} or {@code {channels, height, width}}
 * @param conv convolutional layers (may be empty)
 * @param dense sizes of the dense layers after the input (or after the last conv layer), last = classes
 */
public record Architecture(int[] inputShape, List<ConvSpec> conv, int[] dense) {

    /** Validates shapes. */
    public Architecture {
        inputShape = inputShape.clone();
        conv = List.copyOf(conv);
        dense = dense.clone();
        if (dense.length < 1) {
            throw new IllegalArgumentException("an EP network needs at least the output layer size, e.g. network(784, 500, 10)");
        }
        for (int d : dense) {
            if (d < 1) {
                throw new IllegalArgumentException("layer sizes must be ≥ 1, got " + Arrays.toString(dense));
            }
        }
        if (!conv.isEmpty() && inputShape.length != 3) {
            throw new IllegalArgumentException("convolutional layers need a {channels, height, width} input shape, got "
                    + Arrays.toString(inputShape));
        }
        if (conv.isEmpty() && inputShape.length < 1) {
            throw new IllegalArgumentException("input shape must not be empty");
        }
        int h = inputShape.length == 3 ? inputShape[1] : 0;
        int w = inputShape.length == 3 ? inputShape[2] : 0;
        for (ConvSpec c : conv) {
            int ch = c.convOutSize(h);
            int cw = c.convOutSize(w);
            if (ch < 1 || cw < 1 || c.pooledSize(ch) < 1 || c.pooledSize(cw) < 1) {
                throw new IllegalArgumentException("layer " + c + " does not fit a " + h + "×" + w + " input map");
            }
            h = c.pooledSize(ch);
            w = c.pooledSize(cw);
        }
    }

    /** Shape of one input sample (a copy). */
    @Override
    public int[] inputShape() {
        return inputShape.clone();
    }

    /** Dense layer sizes after the input or the last conv layer (a copy). */
    @Override
    public int[] dense() {
        return dense.clone();
    }

    /** A fully connected network {@code sizes[0] → sizes[1] → ... → sizes[n−1]}. */
    public static Architecture dense(int... sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("give the input size and at least one layer, e.g. network(784, 500, 10); got "
                    + Arrays.toString(sizes));
        }
        return new Architecture(new int[] {sizes[0]}, List.of(), Arrays.copyOfRange(sizes, 1, sizes.length));
    }

    /** Number of input features. */
    public int inputSize() {
        int n = 1;
        for (int s : inputShape) {
            n *= s;
        }
        return n;
    }

    /** Number of classes (size of the last dense layer). */
    public int classes() {
        return dense[dense.length - 1];
    }

    /** Shapes of all layers after the input: {@code {C, H, W}} for conv layers, {@code {n}} for dense ones. */
    public List<int[]> layerShapes() {
        List<int[]> out = new ArrayList<>();
        int c = inputShape.length == 3 ? inputShape[0] : 0;
        int h = inputShape.length == 3 ? inputShape[1] : 0;
        int w = inputShape.length == 3 ? inputShape[2] : 0;
        for (ConvSpec s : conv) {
            c = s.channels();
            h = s.outSize(h);
            w = s.outSize(w);
            out.add(new int[] {c, h, w});
        }
        for (int d : dense) {
            out.add(new int[] {d});
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(inputShape.length == 1 ? String.valueOf(inputShape[0]) : String.join("x",
                Arrays.stream(inputShape).mapToObj(String::valueOf).toArray(String[]::new)));
        for (ConvSpec c : conv) {
            sb.append('-').append(c);
        }
        for (int d : dense) {
            sb.append('-').append(d);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Architecture a && Arrays.equals(inputShape, a.inputShape) && conv.equals(a.conv)
                && Arrays.equals(dense, a.dense);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(inputShape) + conv.hashCode()) + Arrays.hashCode(dense);
    }
}
