package org.plasticity.ep.spiking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.plasticity.ep.model.LayeredState;
import org.plasticity.ep.model.StateView;

/**
 * The state of a {@link SpikingNetwork} for one batch: per dynamical layer the membrane potentials ξ, the
 * firing probabilities ρ(ξ) and the spikes s of the last step (0/1; the probabilities themselves in the
 * mean-field network). Views, per layer l = 1..L: {@code xi<l>}, {@code spikes<l>}.
 */
public final class SpikeState extends LayeredState {

    final float[][] xi;
    final float[][] rate;
    final float[][] spike;
    private final List<StateView> views;

    SpikeState(int[] sizes, int capacity) {
        super(sizes);
        xi = new float[sizes.length][];
        rate = new float[sizes.length][];
        spike = new float[sizes.length][];
        List<StateView> vs = new ArrayList<>();
        for (int l = 0; l < sizes.length; l++) {
            xi[l] = new float[capacity * sizes[l]];
            rate[l] = new float[capacity * sizes[l]];
            spike[l] = new float[capacity * sizes[l]];
            vs.add(new StateView("xi" + (l + 1), sizes[l], xi[l]));
            vs.add(new StateView("spikes" + (l + 1), sizes[l], spike[l]));
        }
        views = List.copyOf(vs);
    }

    @Override
    public List<StateView> views() {
        return views;
    }

    /** Membrane potentials of layer {@code l}, row-major (the live buffer). */
    public float[] potentials(int l) {
        return xi[l];
    }

    /** Firing probabilities ρ(ξ) of layer {@code l} (the live buffer; what Φ's couplings see). */
    @Override
    public float[] rates(int l) {
        return rate[l];
    }

    /** Spikes of layer {@code l} at the last step (the live buffer). */
    public float[] spikes(int l) {
        return spike[l];
    }

    /** Fraction of units of layer {@code l} that spiked at the last step, over the rows in use. */
    public double firingDensity(int l) {
        double s = 0;
        int n = rows() * size(l);
        for (int i = 0; i < n; i++) {
            s += spike[l][i];
        }
        return n == 0 ? 0 : s / n;
    }

    void copyFrom(SpikeState o) {
        rows(o.rows());
        for (int l = 0; l < layers(); l++) {
            int n = rows() * size(l);
            System.arraycopy(o.xi[l], 0, xi[l], 0, n);
            System.arraycopy(o.rate[l], 0, rate[l], 0, n);
            System.arraycopy(o.spike[l], 0, spike[l], 0, n);
        }
    }

    void zero() {
        for (int l = 0; l < layers(); l++) {
            Arrays.fill(xi[l], 0f);
            Arrays.fill(rate[l], 0f);
            Arrays.fill(spike[l], 0f);
        }
    }
}
