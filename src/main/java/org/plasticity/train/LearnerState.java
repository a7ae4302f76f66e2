package org.plasticity.train;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Typed, immutable training state besides the parameters: a learner's running statistics or eligibility traces, an
 * optimizer's moments and step count. Each named entry is an array of one {@link Kind} (floats, doubles, ints or
 * longs), so doubles, indices and counters survive a checkpoint exactly, without being packed into float bits.
 *
 * <pre>{@code
 * LearnerState s = LearnerState.builder().put("trace.1", traces).put("idx.1", indices).putLong("t", steps).build();
 * long t = s.longValue("t", 0);
 * }</pre>
 *
 * <p>Getters return copies. Entry order is insertion order (also the checkpoint order).
 */
public final class LearnerState {

    /** The element type of an entry. */
    public enum Kind {
        /** {@code float[]} */
        FLOATS,
        /** {@code double[]} */
        DOUBLES,
        /** {@code int[]} */
        INTS,
        /** {@code long[]} */
        LONGS
    }

    /** No entries. */
    public static final LearnerState EMPTY = new LearnerState(new LinkedHashMap<>(), false);

    private final Map<String, Object> entries;
    private final boolean legacy;

    private LearnerState(Map<String, Object> entries, boolean legacy) {
        this.entries = Collections.unmodifiableMap(entries);
        this.legacy = legacy;
    }

    /** A builder for a new state. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * State read from a version-1 checkpoint, where every entry was a {@code float[]} and doubles, ints and longs
     * were packed into float bits. The typed getters decode that packing ({@link #doubles}: two floats per double,
     * {@link #ints}: one float's bits per int, {@link #longs}: two floats per long), so old checkpoints resume.
     *
     * @param floats the saved arrays by name
     * @return the state
     */
    static LearnerState legacyFloats(Map<String, float[]> floats) {
        Map<String, Object> m = new LinkedHashMap<>();
        floats.forEach((k, v) -> m.put(k, v.clone()));
        return new LearnerState(m, true);
    }

    /** The entry names, in insertion order. */
    public Set<String> names() {
        return entries.keySet();
    }

    /** Whether an entry of that name exists. */
    public boolean has(String name) {
        return entries.containsKey(name);
    }

    /** Whether there are no entries. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The kind of an entry, or null when absent. */
    public Kind kind(String name) {
        Object v = entries.get(name);
        if (v == null) {
            return null;
        }
        return v instanceof float[] ? Kind.FLOATS : v instanceof double[] ? Kind.DOUBLES
                : v instanceof int[] ? Kind.INTS : Kind.LONGS;
    }

    /**
     * A float entry.
     *
     * @param name entry name
     * @return a copy, or null when absent
     * @throws IllegalStateException when the entry has another kind
     */
    public float[] floats(String name) {
        Object v = entries.get(name);
        return v == null ? null : ((float[]) typed(name, v, Kind.FLOATS)).clone();
    }

    /** A double entry (copy; null when absent); see {@link #floats}. */
    public double[] doubles(String name) {
        Object v = entries.get(name);
        if (v == null) {
            return null;
        }
        if (legacy && v instanceof float[] f) {
            double[] out = new double[f.length / 2];
            for (int i = 0; i < out.length; i++) {
                out[i] = Double.longBitsToDouble(join(f[2 * i], f[2 * i + 1]));
            }
            return out;
        }
        return ((double[]) typed(name, v, Kind.DOUBLES)).clone();
    }

    /** An int entry (copy; null when absent); see {@link #floats}. */
    public int[] ints(String name) {
        Object v = entries.get(name);
        if (v == null) {
            return null;
        }
        if (legacy && v instanceof float[] f) {
            int[] out = new int[f.length];
            for (int i = 0; i < f.length; i++) {
                out[i] = Float.floatToRawIntBits(f[i]);
            }
            return out;
        }
        return ((int[]) typed(name, v, Kind.INTS)).clone();
    }

    /** A long entry (copy; null when absent); see {@link #floats}. */
    public long[] longs(String name) {
        Object v = entries.get(name);
        if (v == null) {
            return null;
        }
        if (legacy && v instanceof float[] f) {
            long[] out = new long[f.length / 2];
            for (int i = 0; i < out.length; i++) {
                out[i] = join(f[2 * i], f[2 * i + 1]);
            }
            return out;
        }
        return ((long[]) typed(name, v, Kind.LONGS)).clone();
    }

    /** A one-element long entry ({@link Builder#putLong}), or {@code fallback} when absent. */
    public long longValue(String name, long fallback) {
        long[] a = longs(name);
        return a == null || a.length == 0 ? fallback : a[0];
    }

    /** A one-element double entry ({@link Builder#putDouble}), or {@code fallback} when absent. */
    public double doubleValue(String name, double fallback) {
        double[] a = doubles(name);
        return a == null || a.length == 0 ? fallback : a[0];
    }

    /** Whether this state came from a version-1 checkpoint (float-packed entries). */
    public boolean isLegacy() {
        return legacy;
    }

    /**
     * The entries whose names start with {@code prefix}, with the prefix removed (to hand a component its part).
     *
     * @param prefix e.g. {@code "rule."}
     * @return the sub-state
     */
    public LearnerState under(String prefix) {
        Map<String, Object> m = new LinkedHashMap<>();
        entries.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                m.put(k.substring(prefix.length()), v);
            }
        });
        return new LearnerState(m, legacy);
    }

    private static long join(float hi, float lo) {
        return ((long) Float.floatToRawIntBits(hi) << 32) | (Float.floatToRawIntBits(lo) & 0xffffffffL);
    }

    private Object typed(String name, Object v, Kind want) {
        Kind have = kind(name);
        if (have != want) {
            throw new IllegalStateException("state entry '" + name + "' holds " + have + ", asked for " + want);
        }
        return v;
    }

    /** Raw entry for serialisation (not copied). */
    Object raw(String name) {
        return entries.get(name);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LearnerState s) || !s.entries.keySet().equals(entries.keySet())) {
            return false;
        }
        for (Map.Entry<String, Object> e : entries.entrySet()) {
            if (!Objects.deepEquals(e.getValue(), s.entries.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (Map.Entry<String, Object> e : entries.entrySet()) {
            h = 31 * h + e.getKey().hashCode() ^ Arrays.deepHashCode(new Object[] {e.getValue()});
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("LearnerState[");
        entries.keySet().forEach(k -> {
            Object v = entries.get(k);
            int len = java.lang.reflect.Array.getLength(v);
            sb.append(sb.length() > 13 ? ", " : "").append(k).append(':').append(kind(k)).append('[').append(len).append(']');
        });
        return sb.append(legacy ? ", legacy v1]" : "]").toString();
    }

    /** Collects entries; every put copies its array. A later put of the same name replaces the earlier one. */
    public static final class Builder {
        private final Map<String, Object> entries = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder add(String name, Object copy) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("state entry name must not be empty");
            }
            entries.put(name, copy);
            return this;
        }

        /** Adds a float array (copied). */
        public Builder put(String name, float[] values) {
            return add(name, values.clone());
        }

        /** Adds a double array (copied). */
        public Builder put(String name, double[] values) {
            return add(name, values.clone());
        }

        /** Adds an int array (copied). */
        public Builder put(String name, int[] values) {
            return add(name, values.clone());
        }

        /** Adds a long array (copied). */
        public Builder put(String name, long[] values) {
            return add(name, values.clone());
        }

        /** Adds one long (a counter). */
        public Builder putLong(String name, long value) {
            return add(name, new long[] {value});
        }

        /** Adds one double. */
        public Builder putDouble(String name, double value) {
            return add(name, new double[] {value});
        }

        /** Adds every entry of {@code other}, each name prefixed with {@code prefix}. */
        public Builder putAll(String prefix, LearnerState other) {
            if (other.legacy) {
                throw new IllegalArgumentException("a legacy (v1) state cannot be merged into a new one");
            }
            other.entries.forEach((k, v) -> add(prefix + k, v));
            return this;
        }

        /** The state. */
        public LearnerState build() {
            return entries.isEmpty() ? EMPTY : new LearnerState(new LinkedHashMap<>(entries), false);
        }
    }
}
