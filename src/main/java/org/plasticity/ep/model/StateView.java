package org.plasticity.ep.model;

/**
 * One named group of a state's variables, e.g. the rates of a layer ({@code s1}), a block of dendritic
 * branches or the spikes of a layer.
 *
 * @param name stable short name, used as the key of traces and GDU series ({@code s1}, {@code s2}, ...)
 * @param size units per sample
 * @param values the live row-major buffer {@code [rows × size]} (only the rows in use are meaningful)
 */
public record StateView(String name, int size, float[] values) {

    /** Validates. */
    public StateView {
        if (name == null || name.isEmpty() || size < 1 || values == null) {
            throw new IllegalArgumentException("a state view needs a name, a size ≥ 1 and a buffer; got " + name + ", " + size);
        }
    }

    /** A copy of the values of the first {@code rows} samples. */
    public float[] copy(int rows) {
        return java.util.Arrays.copyOf(values, rows * size);
    }
}
