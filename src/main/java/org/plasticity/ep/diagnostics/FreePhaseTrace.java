package org.plasticity.ep.diagnostics;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.plasticity.data.Batch;
import org.plasticity.display.Displayable;
import org.plasticity.ep.model.EnergyModel;
import org.plasticity.ep.model.EpState;
import org.plasticity.ep.model.StateView;

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
    private final String[] names;
    private final float[][][] rates;
    private final double[] change;

    private FreePhaseTrace(int steps, int rows, int[] sizes, String[] names, float[][][] rates, double[] change) {
        this.steps = steps;
        this.rows = rows;
        this.sizes = sizes;
        this.names = names;
        this.rates = rates;
        this.change = change;
    }

    /**
     * Relaxes {@code batch} from rest for {@code steps} free steps and keeps every state's
     * {@link EpState#views() views} (the rates of each layer for a layered network).
     *
     * @param model the network (its current parameters)
     * @param batch the samples (a few dozen are enough)
     * @param steps number of steps (e.g. the recipe's T1)
     * @return the trace
     */
    public static FreePhaseTrace record(EnergyModel<?> model, Batch batch, int steps) {
        return record(model, batch, steps, new SplittableRandom(EnergyModel.EVALUATION_SEED));
    }

    /**
     * As {@link #record(EnergyModel, Batch, int)} with the phase's random stream given (stochastic models).
     *
     * @param model the network
     * @param batch the samples
     * @param steps number of steps
     * @param rng the random stream of the relaxation
     * @return the trace
     */
    public static FreePhaseTrace record(EnergyModel<?> model, Batch batch, int steps, SplittableRandom rng) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be ≥ 1, got " + steps);
        }
        return trace(model, batch, steps, rng);
    }

    private static <S extends EpState> FreePhaseTrace trace(EnergyModel<S> model, Batch batch, int steps,
            SplittableRandom rng) {
        model.bind(batch);
        S s = model.state(0);
        model.reset(s);
        List<StateView> views = s.views();
        int d = views.size();
        int rows = s.rows();
        int[] sizes = new int[d];
        String[] names = new String[d];
        float[][][] rates = new float[steps + 1][d][];
        double[] change = new double[steps + 1];
        for (int l = 0; l < d; l++) {
            sizes[l] = views.get(l).size();
            names[l] = views.get(l).name();
            rates[0][l] = views.get(l).copy(rows);
        }
        for (int t = 1; t <= steps; t++) {
            model.relax(s, 0, 1, rng);
            double maxChange = 0;
            for (int l = 0; l < d; l++) {
                rates[t][l] = views.get(l).copy(rows);
                for (int i = 0; i < rates[t][l].length; i++) {
                    maxChange = Math.max(maxChange, Math.abs(rates[t][l][i] - rates[t - 1][l][i]));
                }
            }
            change[t] = maxChange;
        }
        return new FreePhaseTrace(steps, batch.size(), sizes, names, rates, change);
    }

    /** Number of steps recorded (states 0..steps). */
    public int steps() {
        return steps;
    }

    /** Number of samples. */
    public int rows() {
        return rows;
    }

    /** Number of traced groups of units (the state's views: the dynamical layers of a layered network). */
    public int layers() {
        return sizes.length;
    }

    /** Name of traced group {@code l} (the state view's name, e.g. {@code s1}). */
    public String name(int l) {
        return names[l];
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
            sb.append(String.format(Locale.ROOT, "  %s: mean %.3f, %.0f%% of units not saturated at T%n", names[l],
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
