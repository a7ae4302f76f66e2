package org.plasticity.ep.model;

import java.util.ArrayList;
import java.util.List;
import org.plasticity.tensor.FloatKernels;

/** Builds the connections of an {@link Architecture}: conv layers first, then dense layers (the last may be a read-out). */
final class ConnectionFactory {

    private ConnectionFactory() {
    }

    static List<Connection> build(NetworkConfig config, FloatKernels k) {
        Architecture arch = config.architecture();
        List<Connection> out = new ArrayList<>();
        int c = 0;
        int[] shape = arch.inputShape();
        int inSize = arch.inputSize();
        if (!arch.conv().isEmpty()) {
            int ch = shape[0];
            int h = shape[1];
            int w = shape[2];
            for (ConvSpec spec : arch.conv()) {
                ConvConnection conv = new ConvConnection(String.valueOf(c), ch, h, w, spec, config.lrScale(c), k);
                out.add(conv);
                ch = spec.channels();
                h = conv.outHeight();
                w = conv.outWidth();
                inSize = conv.outSize();
                c++;
            }
        }
        for (int d : arch.dense()) {
            out.add(new DenseConnection(String.valueOf(c), inSize, d, config.lrScale(c), k));
            inSize = d;
            c++;
        }
        return out;
    }
}
