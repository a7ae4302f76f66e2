package org.plasticity.localca.rules;

import org.plasticity.train.LearnerState;

/**
 * Moves the estimators' double-precision running statistics in and out of a typed {@link LearnerState} (as
 * {@link LearnerState.Kind#DOUBLES} entries, exact), so a resumed run continues bit for bit. A checkpoint of the old
 * format (doubles packed into pairs of floats) is decoded by {@link LearnerState#doubles}.
 */
final class StateCodec {

    private StateCodec() {
    }

    static void put(LearnerState.Builder out, String key, double[] values) {
        out.put(key, values);
    }

    /** Reads into {@code target}; leaves it unchanged when the key is missing or the size differs. */
    static void get(LearnerState in, String key, double[] target) {
        double[] a = in.doubles(key);
        if (a == null || a.length != target.length) {
            return;
        }
        System.arraycopy(a, 0, target, 0, target.length);
    }
}
