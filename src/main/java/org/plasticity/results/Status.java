package org.plasticity.results;

import java.util.Locale;

/** Status of a reproduction row, as defined by the results schema. */
public enum Status {
    /** Within the paper's error bar or the tolerance stated in the notebook. */
    REPRODUCED,
    /** Below the paper's figure beyond the tolerance. */
    BELOW,
    /** Above the paper's figure beyond the tolerance. */
    ABOVE,
    /** Different data or setting (said why in the notes); never compared with the paper. */
    STAND_IN,
    /** The data set cannot be obtained on the project's machines. */
    NOT_OBTAINABLE_HERE;

    /**
     * Compares a measured mean with the paper's figure.
     *
     * @param ours our mean
     * @param paper the paper's value
     * @param tolerance absolute tolerance (e.g. the paper's std, or a stated margin)
     * @return reproduced, below or above
     */
    public static Status compare(double ours, double paper, double tolerance) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be ≥ 0, got " + tolerance);
        }
        if (Math.abs(ours - paper) <= tolerance) {
            return REPRODUCED;
        }
        return ours < paper ? BELOW : ABOVE;
    }

    /** The schema's spelling, e.g. {@code not-obtainable-here}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses the schema's spelling. */
    public static Status parse(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
