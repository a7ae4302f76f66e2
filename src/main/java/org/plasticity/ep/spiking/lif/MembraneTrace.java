package org.plasticity.ep.spiking.lif;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.plasticity.data.Batch;
import org.plasticity.ep.model.EnergyModel;
import org.plasticity.ep.model.EpState;
import org.plasticity.ep.spiking.SpikeState;
import org.plasticity.ep.spiking.SpikingNetwork;

/**
 * The first hidden layer's membranes of one model through a free phase and a +β nudged phase on one batch, and
 * the stability measures of the paper's Fig. 3 (which shows heat maps only; <b>the measures are our
 * definitions</b>). All membrane values are divided by the model's membrane range (1/κ for the stochastic and
 * sigma-delta neurons, the threshold θ for EqSpike), so the measures compare across models.
 *
 * <ul>
 *   <li>{@link #lateStd}: per sample and unit, the standard deviation over time of the membrane in the last
 *       {@code window} steps of a phase; averaged over samples and units. 0 = every membrane at rest.</li>
 *   <li>{@link #oscillatingFraction}: the share of (sample, unit) pairs whose late standard deviation exceeds
 *       {@link #OSCILLATING} of the range: membranes that keep moving.</li>
 *   <li>{@link #meanMapStd}: the same standard deviation on the membranes averaged over the samples (what the
 *       paper's heat map shows; averaging hides fluctuations that are out of phase between samples).</li>
 * </ul>
 *
 * @param model the model's name
 * @param tFree free-phase steps
 * @param tNudge nudged-phase steps
 * @param beta the nudge β
 * @param rows samples
 * @param window steps of the late windows (the nudged window is at most T_nudge)
 * @param range the membrane range the values are divided by
 * @param meanMap the membranes averaged over the samples, {@code [unit][step 0..T]}, in units of the range
 * @param meanChange {@code mean |ξ_t − ξ_{t−1}|} over samples and units per step 0..T, in units of the range
 * @param density the fraction of units (all samples) that spiked, per step 0..T
 * @param lateStdFree {@link #lateStd} at the free end
 * @param lateStdNudged {@link #lateStd} at the nudged end
 * @param oscillatingFree {@link #oscillatingFraction} at the free end
 * @param oscillatingNudged {@link #oscillatingFraction} at the nudged end
 * @param meanMapStdFree {@link #meanMapStd} at the free end
 * @param meanMapStdNudged {@link #meanMapStd} at the nudged end
 * @param accuracy the fraction of samples classified right at the end of the free phase
 */
public record MembraneTrace(String model, int tFree, int tNudge, double beta, int rows, int window, double range,
        double[][] meanMap, double[] meanChange, double[] density, double lateStdFree, double lateStdNudged,
        double oscillatingFree, double oscillatingNudged, double meanMapStdFree, double meanMapStdNudged, double accuracy) {

    /** Late standard deviation, in units of the range, above which a membrane counts as still moving (our choice: 1 %). */
    public static final double OSCILLATING = 0.01;

    /** Default late window (steps). */
    public static final int WINDOW = 20;

    /**
     * Records a model from rest: {@code tFree} free steps, then {@code tNudge} steps nudged with {@code +β}, one step
     * at a time.
     *
     * @param model name
     * @param net the model (its current parameters)
     * @param potentials the first hidden layer's membranes of a state (live buffer, row-major)
     * @param spikes the first hidden layer's spikes of a state (0/1), or null when the model has none
     * @param range the membrane range
     * @param batch the samples
     * @param tFree free-phase steps (≥ window)
     * @param tNudge nudged-phase steps (≥ 1)
     * @param beta nudge (&gt; 0)
     * @param window late-window steps (≥ 2)
     * @param rng the random stream of a stochastic model (deterministic models ignore it)
     * @param <S> the model's state type
     * @return the trace
     */
    public static <S extends EpState> MembraneTrace record(String model, EnergyModel<S> net, Function<S, float[]> potentials,
            Function<S, float[]> spikes, double range, Batch batch, int tFree, int tNudge, double beta, int window,
            SplittableRandom rng) {
        if (tFree < window || window < 2 || tNudge < 1 || !(beta > 0) || !(range > 0)) {
            throw new IllegalArgumentException("need T_free ≥ window ≥ 2, T_nudge ≥ 1, β > 0 and a positive range; got T_free="
                    + tFree + ", window=" + window + ", T_nudge=" + tNudge + ", β=" + beta + ", range=" + range);
        }
        net.bind(batch);
        S s = net.newState();
        net.reset(s);
        int rows = s.rows();
        int units = layerUnits(s, potentials);
        int steps = tFree + tNudge;
        int nudgeWindow = Math.min(window, tNudge);
        double inv = 1.0 / range;
        double[][] meanMap = new double[units][steps + 1];
        double[] meanChange = new double[steps + 1];
        double[] density = new double[steps + 1];
        float[] last = new float[rows * units];
        double[] sumF = new double[rows * units];
        double[] sqF = new double[rows * units];
        double[] sumN = new double[rows * units];
        double[] sqN = new double[rows * units];
        double accuracy = Double.NaN;
        for (int t = 0; t <= steps; t++) {
            if (t > 0) {
                net.relax(s, t <= tFree ? 0 : beta, 1, rng);
            }
            float[] xi = potentials.apply(s);
            float[] sp = spikes == null ? null : spikes.apply(s);
            boolean inFree = t > tFree - window && t <= tFree;
            boolean inNudge = t > steps - nudgeWindow;
            double change = 0;
            double fired = 0;
            for (int r = 0; r < rows; r++) {
                for (int u = 0; u < units; u++) {
                    int i = r * units + u;
                    double v = xi[i] * inv;
                    meanMap[u][t] += v / rows;
                    change += Math.abs(v - last[i] * inv);
                    last[i] = xi[i];
                    if (sp != null) {
                        fired += sp[i];
                    }
                    if (inFree) {
                        sumF[i] += v;
                        sqF[i] += v * v;
                    }
                    if (inNudge) {
                        sumN[i] += v;
                        sqN[i] += v * v;
                    }
                }
            }
            meanChange[t] = t == 0 ? 0 : change / ((double) rows * units);
            density[t] = sp == null ? Double.NaN : fired / ((double) rows * units);
            if (t == tFree) {
                accuracy = net.lossAndCorrect(s, null)[1] / rows;
            }
        }
        double[] free = stats(sumF, sqF, window);
        double[] nudged = stats(sumN, sqN, nudgeWindow);
        return new MembraneTrace(model, tFree, tNudge, beta, rows, window, range, meanMap, meanChange, density, free[0],
                nudged[0], free[1], nudged[1], mapStd(meanMap, tFree - window + 1, tFree), mapStd(meanMap,
                        steps - nudgeWindow + 1, steps), accuracy);
    }

    /** Units per sample of the first hidden layer, read off the state's view of the same buffer. */
    private static <S extends EpState> int layerUnits(S s, Function<S, float[]> potentials) {
        float[] buf = potentials.apply(s);
        for (var v : s.views()) {
            if (v.values() == buf) {
                return v.size();
            }
        }
        throw new IllegalArgumentException("the potentials are not one of the state's views");
    }

    /** {mean over cells of the std over n steps, share of cells above {@link #OSCILLATING}}. */
    private static double[] stats(double[] sum, double[] sq, int n) {
        double total = 0;
        long moving = 0;
        for (int i = 0; i < sum.length; i++) {
            double m = sum[i] / n;
            double var = Math.max(0, sq[i] / n - m * m);
            double sd = Math.sqrt(var);
            total += sd;
            moving += sd > OSCILLATING ? 1 : 0;
        }
        return new double[] {total / sum.length, (double) moving / sum.length};
    }

    private static double mapStd(double[][] map, int from, int to) {
        double total = 0;
        int n = to - from + 1;
        for (double[] unit : map) {
            double s = 0;
            double q = 0;
            for (int t = from; t <= to; t++) {
                s += unit[t];
                q += unit[t] * unit[t];
            }
            double m = s / n;
            total += Math.sqrt(Math.max(0, q / n - m * m));
        }
        return total / map.length;
    }

    /**
     * A stochastic spiking network's trace (spikes from {@code rng}; membranes ξ in units of 1/κ).
     *
     * @param model name
     * @param net the network
     * @param batch the samples
     * @param tFree free steps
     * @param tNudge nudged steps
     * @param beta nudge
     * @param window late window
     * @param rng the spikes' stream
     * @return the trace
     */
    public static MembraneTrace of(String model, SpikingNetwork net, Batch batch, int tFree, int tNudge, double beta,
            int window, SplittableRandom rng) {
        return record(model, net, (SpikeState s) -> s.potentials(0), s -> s.spikes(0), 1.0 / net.config().neuron().kappa(),
                batch, tFree, tNudge, beta, window, rng);
    }

    /**
     * A LIF baseline's trace (membranes v or ξ in units of {@link LifConfig#membraneRange()}).
     *
     * @param model name
     * @param net the network
     * @param batch the samples
     * @param tFree free steps
     * @param tNudge nudged steps
     * @param beta nudge
     * @param window late window
     * @return the trace
     */
    public static MembraneTrace of(String model, LifNetwork net, Batch batch, int tFree, int tNudge, double beta, int window) {
        return record(model, net, (LifState s) -> s.potentials(0), s -> s.spikes(0), net.config().membraneRange(), batch,
                tFree, tNudge, beta, window, new SplittableRandom(0));
    }

    /** Units of the recorded layer. */
    public int units() {
        return meanMap.length;
    }

    /** The mean-over-samples membranes of the first {@code n} units, {@code [unit][step 0..T]} (a heat map's values). */
    public double[][] meanMap(int n) {
        int m = Math.min(n, meanMap.length);
        double[][] out = new double[m][];
        for (int u = 0; u < m; u++) {
            out[u] = meanMap[u].clone();
        }
        return out;
    }

    /** The late standard deviation at the end of the free phase ({@code nudged = false}) or the nudged phase. */
    public double lateStd(boolean nudged) {
        return nudged ? lateStdNudged : lateStdFree;
    }

    /** The share of membranes still moving at the end of a phase. */
    public double oscillatingFraction(boolean nudged) {
        return nudged ? oscillatingNudged : oscillatingFree;
    }

    /** The late standard deviation of the sample-averaged membranes at the end of a phase. */
    public double meanMapStd(boolean nudged) {
        return nudged ? meanMapStdNudged : meanMapStdFree;
    }

    /** The firing density over the free and nudged steps (NaN without spikes). */
    public double firingDensity() {
        double s = 0;
        for (int t = 1; t < density.length; t++) {
            s += density[t];
        }
        return s / (density.length - 1);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "MembraneTrace[%s: %d+%d steps, %d samples, late std %.4f / %.4f, moving %.3f / %.3f, "
                + "mean-map std %.4f / %.4f, accuracy %.3f]", model, tFree, tNudge, rows, lateStdFree, lateStdNudged,
                oscillatingFree, oscillatingNudged, meanMapStdFree, meanMapStdNudged, accuracy);
    }
}
