package org.plasticity.localca.rules;

import java.util.Map;

/**
 * Stores doubles losslessly in the {@code float[]} state maps of {@code Learner.state()} (two
 * floats carry the raw bits of one double), so a resumed run continues bit for bit.
 */
final class StateCodec {

    private StateCodec() {
    }

    static void put(Map<String, float[]> out, String key, double[] values) {
        float[] a = new float[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            long bits = Double.doubleToRawLongBits(values[i]);
            a[2 * i] = Float.intBitsToFloat((int) (bits >>> 32));
            a[2 * i + 1] = Float.intBitsToFloat((int) bits);
        }
        out.put(key, a);
    }

    /** Reads into {@code target}; leaves it unchanged when the key is missing or the size differs. */
    static void get(Map<String, float[]> in, String key, double[] target) {
        float[] a = in.get(key);
        if (a == null || a.length != target.length * 2) {
            return;
        }
        for (int i = 0; i < target.length; i++) {
            long hi = Float.floatToRawIntBits(a[2 * i]);
            long lo = Float.floatToRawIntBits(a[2 * i + 1]) & 0xffffffffL;
            target[i] = Double.longBitsToDouble((hi << 32) | lo);
        }
    }
}
