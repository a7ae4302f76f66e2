package org.plasticity.ep.diagnostics;

import java.util.Arrays;
import java.util.Locale;
import org.plasticity.data.Batch;
import org.plasticity.display.Displayable;
import org.plasticity.ep.model.LayeredNetwork;
import org.plasticity.ep.model.NeuronState;

/**
 * The neurons during a free phase from rest, step by step: every layer's rates after each step for a
 * batch, and the relaxation's convergence {@code max_i |s_t − s_{t−1}|}. The raw material of the
 * activation histograms per layer and the state-trajectory heat maps (the dendritic-EP spec asks for
 * the same record, §2.6 item 7).
 */
public final class FreePhaseTrace implements Displayable {

    private final int steps;
    private final int rows;
    private final int[] sizes;
    private final float[][][] rates;
    private final double[] change;

    private FreePhaseTrace(int steps, int rows, int[] sizes, float[][][] rates, double[] change) {
        this.steps = steps;
        this.rows = rows;
        this.sizes = sizes;
        this.rates = rates;
        this.change = change;
    }

    /**
     * Relaxes {@code batch} from rest for {@code steps} free steps and keeps every state.
     *
     * @param net the network (its current parameters)
     * @param batch the samples (a few dozen are enough)
     * @param steps number of steps (e.g. the recipe's T1)
     * @return the trace
     */
    public static FreePhaseTrace record(LayeredNetwork net, Batch batch, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be ≥ 1, got " + steps);
        }
        net.bind(batch);
        NeuronState s = net.state(0);
        net.reset(s);
        int d = net.dynamicLayers();
        int[] sizes = new int[d];
        float[][][] rates = new float[steps + 1][d][];
        double[] change = new double[steps + 1];
        for (int l = 0; l < d; l++) {
            sizes[l] = net.layerSize(l);
            rates[0][l] = s.ratesCopy(l);
        }
        for (int t = 1; t <= steps; t++) {
            net.relax(s, 0, 1);
            double maxChange = 0;
            for (int l = 0; l < d; l++) {
                rates[t][l] = s.ratesCopy(l);
                for (int i = 0; i < rates[t][l].length; i++) {
                    maxChange = Math.max(maxChange, Math.abs(rates[t][l][i] - rates[t - 1][l][i]));
                }
            }
            change[t] = maxChange;
        }
        return new FreePhaseTrace(steps, batch.size(), sizes, rates, change);
    }

    /** Number of steps recorded (states 0..steps). */
    public int steps() {
        return steps;
    }

    /** Number of samples. */
    public int rows() {
        return rows;
    }

    /** Number of dynamical layers. */
    public int layers() {
        return sizes.length;
    }

    /** Units per sample of layer {@code l}. */
    public int layerSize(int l) {
        return sizes[l];
    }

    /** All rates of layer {@code l} at step {@code t} (every sample), as doubles. */
    public double[] rates(int t, int l) {
        float[] r = rates[t][l];
        double[] out = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            out[i] = r[i];
        }
        return out;
    }

    /**
     * The trajectory of the first {@code units} units of layer {@code l} for one sample: rows are units,
     * columns are steps 0..T (the heat-map layout).
     */
    public double[][] trajectory(int l, int sample, int units) {
        int n = Math.min(units, sizes[l]);
        double[][] m = new double[n][steps + 1];
        for (int u = 0; u < n; u++) {
            for (int t = 0; t <= steps; t++) {
                m[u][t] = rates[t][l][sample * sizes[l] + u];
            }
        }
        return m;
    }

    /** {@code max_i |s_t − s_{t−1}|} over all layers and samples, per step (index 0 is 0). */
    public double[] convergence() {
        return change.clone();
    }

    /** Fraction of layer {@code l}'s rates at step {@code t} strictly between {@code lo} and {@code hi}. */
    public double fractionBetween(int t, int l, double lo, double hi) {
        float[] r = rates[t][l];
        long n = 0;
        for (float v : r) {
            if (v > lo && v < hi) {
                n++;
            }
        }
        return (double) n / r.length;
    }

    @Override
    public String toText() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "free phase: %d steps, %d samples, layers %s%n",
                steps, rows, Arrays.toString(sizes)));
        for (int l = 0; l < sizes.length; l++) {
            sb.append(String.format(Locale.ROOT, "  layer %d: mean rate %.3f, %.0f%% of units not saturated at T%n", l + 1,
                    Arrays.stream(rates(steps, l)).average().orElse(Double.NaN), 100 * fractionBetween(steps, l, 1e-3, 1 - 1e-3)));
        }
        sb.append(String.format(Locale.ROOT, "  last step change %.2e", change[steps]));
        return sb.toString();
    }

    @Override
    public String toHtml() {
        return "<pre>" + org.plasticity.display.Html.escape(toText()) + "</pre>";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "FreePhaseTrace[%d steps, %d samples, %s, last change %.2e]", steps, rows,
                Arrays.toString(sizes), change[steps]);
    }
}
