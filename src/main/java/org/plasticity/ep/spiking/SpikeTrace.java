package org.plasticity.ep.spiking;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.plasticity.data.Batch;
import org.plasticity.display.Displayable;
import org.plasticity.display.Html;
import org.plasticity.ep.model.EnergyModel;

/**
 * A free phase and a nudged phase of a {@link SpikingNetwork}, step by step: the measurements of the paper's
 * analyses (stochastic spiking EP; spec ep-family §3.3), taken on one batch.
 *
 * <ul>
 *   <li>Fig. 3 (membrane stability): the membrane potentials ξ averaged over the batch, per unit and step
 *       ({@link #meanPotentials}), and the step-to-step change {@code mean |ξ_t − ξ_{t−1}|} per step
 *       ({@link #membraneChange}); {@link #fluctuation} is its mean over the last steps of a phase, in units of
 *       the active range 1/κ (our stability measure: the paper shows heat maps only).</li>
 *   <li>Fig. 4 (κ vs firing density): the spikes of a few samples ({@link #raster}) and the fraction of units
 *       that spiked per step ({@link #density}, {@link #firingDensity}).</li>
 *   <li>Figs. 5–6 (N_perclass vs the error signal): the output error signal at the free equilibrium,
 *       {@code e_u = ρ'(ξ*_u) (ρ(ξ*_u) − y_u)} = ∂ℓ/∂ξ_u, summed in magnitude over the output units
 *       ({@link #errorMagnitude}) and its non-zero fraction ({@link #errorNonZeroFraction}); and the share of
 *       output units whose firing probability moves by more than ½ between ξ* and ξ^β (the binary-EP condition
 *       of Laydevant et al. 2021, the paper's eq. 15, on ρ: ξ itself lives in [0, 1/κ]), {@link #flipFraction}.</li>
 * </ul>
 * Spikes come from {@code rng}: the same stream gives the same trace.
 */
public final class SpikeTrace implements Displayable {

    private final int tFree;
    private final int tNudge;
    private final double beta;
    private final int rows;
    private final int[] sizes;
    private final double kappa;
    private final int kept;
    /** [layer][step][unit]: ξ averaged over rows. */
    private final float[][][] meanXi;
    /** [layer][step]: fraction of units (all rows) that spiked. */
    private final double[][] density;
    /** [layer][step]: mean |ξ_t − ξ_{t−1}| (step 0: 0). */
    private final double[][] change;
    /** [layer][kept sample][step][unit]. */
    private final boolean[][][][] raster;
    private final double errorMagnitude;
    private final double errorNonZero;
    private final double flip;

    private SpikeTrace(int tFree, int tNudge, double beta, int rows, int[] sizes, double kappa, int kept, float[][][] meanXi,
            double[][] density, double[][] change, boolean[][][][] raster, double errorMagnitude, double errorNonZero,
            double flip) {
        this.tFree = tFree;
        this.tNudge = tNudge;
        this.beta = beta;
        this.rows = rows;
        this.sizes = sizes;
        this.kappa = kappa;
        this.kept = kept;
        this.meanXi = meanXi;
        this.density = density;
        this.change = change;
        this.raster = raster;
        this.errorMagnitude = errorMagnitude;
        this.errorNonZero = errorNonZero;
        this.flip = flip;
    }

    /**
     * Relaxes {@code batch} from rest: {@code tFree} free steps (the paper's eq. 7), then {@code tNudge} steps
     * nudged with {@code +β} (eq. 8), recording every step.
     *
     * @param net the network (its current parameters)
     * @param batch the samples (the paper averages over 100–128)
     * @param tFree free-phase steps
     * @param tNudge nudged-phase steps
     * @param beta the nudge β (&gt; 0)
     * @param rasterSamples samples whose spikes are kept for rasters (the first ones of the batch)
     * @param rng the stream the spikes are drawn from
     * @return the trace
     */
    public static SpikeTrace record(SpikingNetwork net, Batch batch, int tFree, int tNudge, double beta, int rasterSamples,
            SplittableRandom rng) {
        if (tFree < 1 || tNudge < 0 || !(beta > 0) || rasterSamples < 0) {
            throw new IllegalArgumentException("need T_free ≥ 1, T_nudge ≥ 0, β > 0 and rasterSamples ≥ 0; got " + tFree
                    + ", " + tNudge + ", " + beta + ", " + rasterSamples);
        }
        net.bind(batch);
        SpikeState s = net.newState();
        net.reset(s);
        int rows = s.rows();
        int[] sizes = net.layerSizes();
        int d = sizes.length;
        int steps = tFree + tNudge;
        int kept = Math.min(rasterSamples, rows);
        float[][][] meanXi = new float[d][steps + 1][];
        double[][] density = new double[d][steps + 1];
        double[][] change = new double[d][steps + 1];
        boolean[][][][] raster = new boolean[d][kept][steps + 1][];
        float[][] last = new float[d][];
        for (int l = 0; l < d; l++) {
            last[l] = Arrays.copyOf(s.potentials(l), rows * sizes[l]);
        }
        observe(s, 0, rows, sizes, meanXi, density, change, raster, last);
        SpikeState free = null;
        for (int t = 1; t <= steps; t++) {
            net.relax(s, t <= tFree ? 0 : beta, 1, rng);
            observe(s, t, rows, sizes, meanXi, density, change, raster, last);
            if (t == tFree) {
                free = net.newState();
                net.copy(s, free);
            }
        }
        int out = d - 1;
        int n = sizes[out];
        int per = net.config().perClass();
        float[] xiFree = free.potentials(out);
        float[] pFree = free.rates(out);
        float[] pNudge = s.rates(out);
        int[] labels = batch.labels();
        double magnitude = 0;
        long nonZero = 0;
        long flips = 0;
        for (int r = 0; r < rows; r++) {
            for (int u = 0; u < n; u++) {
                int i = r * n + u;
                float y = u / per == labels[r] ? 1f : 0f;
                double err = net.rhoPrime(xiFree[i]) * (pFree[i] - y);
                magnitude += Math.abs(err);
                nonZero += err != 0 ? 1 : 0;
                flips += Math.abs(pNudge[i] - pFree[i]) > 0.5f ? 1 : 0;
            }
        }
        return new SpikeTrace(tFree, tNudge, beta, rows, sizes, net.config().neuron().kappa(), kept, meanXi, density, change,
                raster, magnitude / rows, (double) nonZero / ((long) rows * n), (double) flips / ((long) rows * n));
    }

    /**
     * As {@link #record(SpikingNetwork, Batch, int, int, double, int, SplittableRandom)} with the evaluation
     * stream ({@link EnergyModel#EVALUATION_SEED}).
     */
    public static SpikeTrace record(SpikingNetwork net, Batch batch, int tFree, int tNudge, double beta, int rasterSamples) {
        return record(net, batch, tFree, tNudge, beta, rasterSamples, new SplittableRandom(EnergyModel.EVALUATION_SEED));
    }

    private static void observe(SpikeState s, int t, int rows, int[] sizes, float[][][] meanXi, double[][] density,
            double[][] change, boolean[][][][] raster, float[][] last) {
        for (int l = 0; l < sizes.length; l++) {
            int n = sizes[l];
            float[] xi = s.potentials(l);
            float[] sp = s.spikes(l);
            float[] m = new float[n];
            double spikes = 0;
            double dx = 0;
            for (int r = 0; r < rows; r++) {
                for (int u = 0; u < n; u++) {
                    int i = r * n + u;
                    m[u] += xi[i] / rows;
                    spikes += sp[i];
                    dx += Math.abs(xi[i] - last[l][i]);
                    last[l][i] = xi[i];
                }
            }
            meanXi[l][t] = m;
            density[l][t] = spikes / ((double) rows * n);
            change[l][t] = dx / ((double) rows * n);
            for (int k = 0; k < raster[l].length; k++) {
                boolean[] b = new boolean[n];
                for (int u = 0; u < n; u++) {
                    b[u] = sp[k * n + u] != 0f;
                }
                raster[l][k][t] = b;
            }
        }
    }

    /** Free-phase steps. */
    public int tFree() {
        return tFree;
    }

    /** Nudged-phase steps. */
    public int tNudge() {
        return tNudge;
    }

    /** Steps recorded after the initial state (T_free + T_nudge). */
    public int steps() {
        return tFree + tNudge;
    }

    /** Samples of the batch. */
    public int rows() {
        return rows;
    }

    /** Dynamical layers (hidden layers, then the output). */
    public int layers() {
        return sizes.length;
    }

    /** Units of layer {@code l} per sample. */
    public int layerSize(int l) {
        return sizes[l];
    }

    /** Fraction of layer {@code l}'s units (all samples) that spiked at step {@code t} (0..steps). */
    public double density(int l, int t) {
        return density[l][t];
    }

    /**
     * The firing density of layer {@code l}: the fraction of (unit, step) pairs with a spike over steps 1..T of
     * the free phase ({@code nudged = false}) or of both phases ({@code true}), all samples.
     */
    public double firingDensity(int l, boolean nudged) {
        int end = nudged ? steps() : tFree;
        double s = 0;
        for (int t = 1; t <= end; t++) {
            s += density[l][t];
        }
        return s / end;
    }

    /** {@code mean |ξ_t − ξ_{t−1}|} of layer {@code l}, per step 0..T (step 0 is 0). */
    public double[] membraneChange(int l) {
        return change[l].clone();
    }

    /**
     * The membrane fluctuation of layer {@code l} at the end of a phase: {@code mean |ξ_t − ξ_{t−1}|} over the last
     * {@code window} steps of the free phase ({@code nudged = false}) or of the nudged phase, divided by the active
     * range 1/κ (0 = at rest; our stability measure for Fig. 3).
     */
    public double fluctuation(int l, boolean nudged, int window) {
        int end = nudged ? steps() : tFree;
        int start = Math.max(nudged ? tFree + 1 : 1, end - window + 1);
        double s = 0;
        for (int t = start; t <= end; t++) {
            s += change[l][t];
        }
        return s / (end - start + 1) * kappa;
    }

    /** Layer {@code l}'s membrane potentials averaged over the samples: rows = the first {@code units} units, columns = steps 0..T. */
    public double[][] meanPotentials(int l, int units) {
        int n = Math.min(units, sizes[l]);
        double[][] m = new double[n][steps() + 1];
        for (int u = 0; u < n; u++) {
            for (int t = 0; t <= steps(); t++) {
                m[u][t] = meanXi[l][t][u];
            }
        }
        return m;
    }

    /** Spikes of sample {@code sample} (one of the kept ones), layer {@code l}: rows = units, columns = steps 0..T (1 = spike). */
    public double[][] raster(int l, int sample, int units) {
        if (sample < 0 || sample >= kept) {
            throw new IllegalArgumentException("sample " + sample + " was not kept (" + kept + " raster samples)");
        }
        int n = Math.min(units, sizes[l]);
        double[][] m = new double[n][steps() + 1];
        for (int u = 0; u < n; u++) {
            for (int t = 0; t <= steps(); t++) {
                m[u][t] = raster[l][sample][t][u] ? 1 : 0;
            }
        }
        return m;
    }

    /** Summed magnitude over the output units of the error signal ∂ℓ/∂ξ at the free equilibrium, averaged over samples. */
    public double errorMagnitude() {
        return errorMagnitude;
    }

    /** Fraction of output units with a non-zero error signal at the free equilibrium. */
    public double errorNonZeroFraction() {
        return errorNonZero;
    }

    /** Fraction of output units whose firing probability changes by more than ½ between ξ* and ξ^β. */
    public double flipFraction() {
        return flip;
    }

    @Override
    public String toText() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "spike trace: T_free %d + T_nudge %d (β %s), %d samples, layers %s, κ %s%n", tFree, tNudge, beta, rows,
                Arrays.toString(sizes), kappa));
        for (int l = 0; l < sizes.length; l++) {
            sb.append(String.format(Locale.ROOT, "  layer %d: firing density %.3f (free) / %.3f (both phases), "
                    + "fluctuation at the free end %.4f, at the nudged end %.4f (× 1/κ)%n", l + 1, firingDensity(l, false),
                    firingDensity(l, true), fluctuation(l, false, 10), fluctuation(l, true, 5)));
        }
        sb.append(String.format(Locale.ROOT, "  output error signal: Σ|∂ℓ/∂ξ| %.3f per sample, %.1f%% non-zero; "
                + "%.2f%% of output units move by > ½", errorMagnitude, 100 * errorNonZero, 100 * flip));
        return sb.toString();
    }

    @Override
    public String toHtml() {
        return "<pre>" + Html.escape(toText()) + "</pre>";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SpikeTrace[%d+%d steps, %d samples, %s]", tFree, tNudge, rows, Arrays.toString(sizes));
    }
}
