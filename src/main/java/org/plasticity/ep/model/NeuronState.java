package org.plasticity.ep.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The neurons of one phase for a batch: per dynamical layer, the firing rates {@code s_l} (what the
 * couplings and the learning rule see) stored row-major {@code [rows × size_l]}, and for energy-based
 * dynamics the internal states {@code u_l} with {@code s_l = ρ(u_l)}. Buffers are sized for a capacity
 * and reused across batches; {@link #rows()} is the batch in use.
 */
public final class NeuronState extends LayeredState {

    private final float[][] rates;
    private final float[][] potentials;
    private final List<StateView> views;

    /**
     * @param sizes units per sample of each dynamical layer
     * @param capacity maximum rows
     * @param withPotentials whether to keep internal states {@code u} (energy-based dynamics)
     */
    public NeuronState(int[] sizes, int capacity, boolean withPotentials) {
        super(sizes);
        this.rates = new float[sizes.length][];
        this.potentials = withPotentials ? new float[sizes.length][] : null;
        for (int l = 0; l < sizes.length; l++) {
            rates[l] = new float[capacity * sizes[l]];
            if (withPotentials) {
                potentials[l] = new float[capacity * sizes[l]];
            }
        }
        List<StateView> vs = new ArrayList<>();
        for (int l = 0; l < sizes.length; l++) {
            vs.add(new StateView("s" + (l + 1), sizes[l], rates[l]));
        }
        this.views = List.copyOf(vs);
    }

    /** The rates of every dynamical layer, named {@code s1, s2, ...} (the potentials are internal). */
    @Override
    public List<StateView> views() {
        return views;
    }

    /** The live rate buffer of layer {@code l} (row-major; only the first {@code rows·size} values are in use). */
    @Override
    public float[] rates(int l) {
        return rates[l];
    }

    /** The live internal-state buffer of layer {@code l} (energy-based dynamics), or null. */
    public float[] potentials(int l) {
        return potentials == null ? null : potentials[l];
    }

    /** A copy of the rates of layer {@code l} for the rows in use. */
    public float[] ratesCopy(int l) {
        return Arrays.copyOf(rates[l], rows() * size(l));
    }

    /** The rate of unit {@code unit} of sample {@code row} in layer {@code l}. */
    public float rate(int l, int row, int unit) {
        return rates[l][row * size(l) + unit];
    }

    /** Sets every rate (and internal state) of the rows in use to zero. */
    public void zero() {
        for (int l = 0; l < layers(); l++) {
            int n = rows() * size(l);
            Arrays.fill(rates[l], 0, n, 0f);
            if (potentials != null) {
                Arrays.fill(potentials[l], 0, n, 0f);
            }
        }
    }

    /** Copies rows and values from another state of the same shape. */
    public void copyFrom(NeuronState o) {
        rows(o.rows());
        for (int l = 0; l < layers(); l++) {
            int n = rows() * size(l);
            System.arraycopy(o.rates[l], 0, rates[l], 0, n);
            if (potentials != null) {
                System.arraycopy(o.potentials[l], 0, potentials[l], 0, n);
            }
        }
    }

    /** Whether this state can hold {@code n} rows. */
    public boolean fits(int n) {
        return layers() == 0 || rates[0].length >= n * size(0);
    }

    @Override
    public String toString() {
        return "NeuronState[" + rows() + " rows × " + shape() + (potentials != null ? ", with u" : "") + "]";
    }
}
