package org.plasticity.ep.spiking.lif;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.plasticity.ep.model.LayeredState;
import org.plasticity.ep.model.StateView;

/**
 * The state of a {@link LifNetwork} for one batch. Per dynamical layer: the membrane the stability study plots
 * (the LIF potential v of EqSpike; the leaky state ξ of the sigma-delta baselines), the rate that enters Φ's
 * couplings and the weight update (EqSpike's low-pass filtered spikes ŝ; σ(ξ) for the sigma-delta baselines),
 * the spikes of the last step (0/1), and the predictive-coding variables of the paper's eq. 17 (the boxed
 * memory: decoder Dec, the previous rate the encoder predicts from, the sigma-delta accumulator V). Plus the
 * time step t since the start of the free phase, which the annealed step sizes read (it runs on through the
 * nudged phases, as in O'Connor et al.'s code). Views, per layer l = 1..L: {@code xi<l>}, {@code spikes<l>},
 * {@code rates<l>}.
 */
public final class LifState extends LayeredState {

    final float[][] xi;
    final float[][] rate;
    final float[][] spike;
    final float[][] dec;
    final float[][] prevRate;
    final float[][] sd;
    int t;
    private final List<StateView> views;

    LifState(int[] sizes, int capacity) {
        super(sizes);
        int d = sizes.length;
        xi = new float[d][];
        rate = new float[d][];
        spike = new float[d][];
        dec = new float[d][];
        prevRate = new float[d][];
        sd = new float[d][];
        List<StateView> vs = new ArrayList<>();
        for (int l = 0; l < d; l++) {
            int n = capacity * sizes[l];
            xi[l] = new float[n];
            rate[l] = new float[n];
            spike[l] = new float[n];
            dec[l] = new float[n];
            prevRate[l] = new float[n];
            sd[l] = new float[n];
            vs.add(new StateView("xi" + (l + 1), sizes[l], xi[l]));
            vs.add(new StateView("spikes" + (l + 1), sizes[l], spike[l]));
            vs.add(new StateView("rates" + (l + 1), sizes[l], rate[l]));
        }
        views = List.copyOf(vs);
    }

    @Override
    public List<StateView> views() {
        return views;
    }

    /** The plotted membrane of layer {@code l} (EqSpike: v; sigma-delta baselines: ξ), row-major, the live buffer. */
    public float[] potentials(int l) {
        return xi[l];
    }

    /** The rates of layer {@code l} that Φ's couplings see (EqSpike: filtered spikes ŝ; else σ(ξ)), the live buffer. */
    @Override
    public float[] rates(int l) {
        return rate[l];
    }

    /** Spikes of layer {@code l} at the last step (0/1), the live buffer. */
    public float[] spikes(int l) {
        return spike[l];
    }

    /** Predictive decoder Dec of layer {@code l} (eq. 17), the live buffer. */
    public float[] decoder(int l) {
        return dec[l];
    }

    /** The sigma-delta accumulator of layer {@code l} (eq. 17's V, held with the offset +½, see {@link LifNetwork}). */
    public float[] accumulator(int l) {
        return sd[l];
    }

    /** Time steps since the start of the free phase. */
    public int step() {
        return t;
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

    void copyFrom(LifState o) {
        rows(o.rows());
        t = o.t;
        for (int l = 0; l < layers(); l++) {
            int n = rows() * size(l);
            System.arraycopy(o.xi[l], 0, xi[l], 0, n);
            System.arraycopy(o.rate[l], 0, rate[l], 0, n);
            System.arraycopy(o.spike[l], 0, spike[l], 0, n);
            System.arraycopy(o.dec[l], 0, dec[l], 0, n);
            System.arraycopy(o.prevRate[l], 0, prevRate[l], 0, n);
            System.arraycopy(o.sd[l], 0, sd[l], 0, n);
        }
    }

    void zero(float accumulatorStart) {
        t = 0;
        for (int l = 0; l < layers(); l++) {
            Arrays.fill(xi[l], 0f);
            Arrays.fill(rate[l], 0f);
            Arrays.fill(spike[l], 0f);
            Arrays.fill(dec[l], 0f);
            Arrays.fill(prevRate[l], 0f);
            Arrays.fill(sd[l], accumulatorStart);
        }
    }

    @Override
    public String toString() {
        return "LifState[" + rows() + " rows, " + shape() + ", t=" + t + "]";
    }
}
