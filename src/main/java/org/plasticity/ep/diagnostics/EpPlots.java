package org.plasticity.ep.diagnostics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.plasticity.plot.ChartStyle;
import org.plasticity.plot.Charts;

/**
 * The equilibrium-propagation plots: activation histograms per layer over the free phase, state
 * trajectories as heat maps, relaxation convergence, the GDU check (EP updates against BPTT gradients,
 * step by step, as in the reference code's {@code --todo gducheck}) and the estimator bias against β.
 * Learning curves are {@link Charts#learningCurves}.
 */
public final class EpPlots {

    private EpPlots() {
    }

    /** "layer N" for a layered network's rates {@code sN}, else the state view's own name (e.g. {@code spikes1}). */
    private static String groupLabel(FreePhaseTrace trace, int l) {
        String name = trace.name(l);
        return name.matches("s\\d+") ? "layer " + name.substring(1) : name;
    }

    /**
     * Histograms of every layer's rates at one step of a free phase, on one common binning (fraction of
     * the layer's units per bin).
     *
     * @param trace the free phase
     * @param step the step (0..T)
     * @param bins number of bins
     */
    public static XYChart activationHistograms(FreePhaseTrace trace, int step, int bins) {
        if (step < 0 || step > trace.steps() || bins < 1) {
            throw new IllegalArgumentException("step must be in [0, " + trace.steps() + "] and bins ≥ 1, got " + step + ", " + bins);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int l = 0; l < trace.layers(); l++) {
            for (double v : trace.rates(step, l)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (hi <= lo) {
            hi = lo + 1;
        }
        XYChart chart = Charts.line("Neuron rates at free-phase step " + step, "rate s", "fraction of units");
        chart.getStyler().setXAxisDecimalPattern(ChartStyle.decimalPattern(hi - lo));
        double[] x = new double[bins + 2];
        for (int i = 0; i <= bins; i++) {
            x[i] = lo + (hi - lo) * i / bins;
        }
        x[bins + 1] = hi;
        for (int l = 0; l < trace.layers(); l++) {
            double[] v = trace.rates(step, l);
            double[] y = new double[bins + 2];
            for (double r : v) {
                int b = (int) ((r - lo) / (hi - lo) * bins);
                y[Math.min(bins - 1, Math.max(0, b))] += 1.0 / v.length;
            }
            y[bins] = y[bins - 1];
            y[bins + 1] = 0;
            chart.addSeries(groupLabel(trace, l) + " (" + trace.layerSize(l) + " units)", x, y)
                    .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /**
     * Heat map of the first {@code units} units of layer {@code layer} of one sample over the free phase
     * (rows: units, columns: steps).
     */
    public static HeatMapChart trajectory(FreePhaseTrace trace, int layer, int sample, int units) {
        return Charts.heatmap("Layer " + (layer + 1) + " states over the free phase (sample " + sample + ")", "step",
                "unit", trace.trajectory(layer, sample, units));
    }

    /**
     * Relaxation convergence {@code max |s_t − s_{t−1}|} per step, log scale, one curve per trace.
     *
     * @param names one legend name per trace
     * @param traces the free phases
     */
    public static XYChart convergence(List<String> names, List<FreePhaseTrace> traces) {
        if (names.size() != traces.size() || traces.isEmpty()) {
            throw new IllegalArgumentException("give one name per trace and at least one trace");
        }
        XYChart chart = Charts.line("Free-phase convergence", "step t", "max |s_t − s_{t−1}|");
        chart.getStyler().setYAxisLogarithmic(true);
        for (int i = 0; i < traces.size(); i++) {
            double[] c = traces.get(i).convergence();
            double[] x = IntStream.range(1, c.length).asDoubleStream().toArray();
            double[] y = Arrays.stream(c, 1, c.length).map(v -> Math.max(v, 1e-12)).toArray();
            chart.addSeries(names.get(i), x, y).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /**
     * The GDU check for one parameter or neuron layer: for the {@code curves} elements with the largest
     * BPTT gradients, EP's update (dashed) and BPTT's gradient (solid) at every compared step.
     *
     * @param r the check
     * @param key a parameter ({@code W1}) or layer ({@code s1}) name
     * @param curves number of elements to draw
     */
    public static XYChart gdu(GduResult r, String key, int curves) {
        int n = r.elements(key);
        List<Integer> idx = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        idx.sort(Comparator.comparingDouble((Integer i) -> -energy(r, key, i)));
        XYChart chart = Charts.line(String.format("GDU: %s (RMSE %.3f, sign err %.3f)", key, r.rmse(key), r.signError(key)),
                "step t of the nudged phase", "update");
        double[] t = IntStream.range(0, r.steps()).asDoubleStream().toArray();
        for (int c = 0; c < Math.min(curves, n); c++) {
            int i = idx.get(c);
            double[] ep = new double[r.steps()];
            double[] bp = new double[r.steps()];
            for (int s = 0; s < r.steps(); s++) {
                ep[s] = r.ep(key, s, i);
                bp[s] = r.bptt(key, s, i);
            }
            XYSeries b = chart.addSeries(key + "[" + i + "] BPTT", t, bp);
            b.setMarker(SeriesMarkers.NONE);
            XYSeries e = chart.addSeries(key + "[" + i + "] EP", t, ep);
            e.setMarker(SeriesMarkers.NONE).setLineStyle(SeriesLines.DASH_DASH).setLineColor(b.getLineColor());
        }
        return chart;
    }

    private static double energy(GduResult r, String key, int i) {
        double e = 0;
        for (int s = 0; s < r.steps(); s++) {
            e += Math.abs(r.bptt(key, s, i));
        }
        return e;
    }

    /** Normalised RMSE between EP and BPTT per parameter and neuron layer (the GDU summary). */
    public static CategoryChart gduSummary(GduResult r) {
        List<String> keys = r.keys();
        double[] v = keys.stream().mapToDouble(r::rmse).toArray();
        return Charts.bar(String.format("GDU agreement (K=%d, β=%s%s)", r.steps(), r.beta(), r.symmetric() ? ", symmetric" : ""),
                "parameter / layer", "normalised RMSE", keys, v);
    }

    /**
     * Test error per epoch, averaged over seeds, one curve per experiment (log scale).
     *
     * @param histories experiment name to the per-seed histories
     */
    public static XYChart testErrorCurves(java.util.Map<String, List<List<org.plasticity.train.EpochMetrics>>> histories) {
        XYChart chart = Charts.line("Test error per epoch (mean over seeds)", "epoch", "test error (%)");
        chart.getStyler().setYAxisLogarithmic(true);
        for (var e : histories.entrySet()) {
            List<List<org.plasticity.train.EpochMetrics>> runs = e.getValue();
            int epochs = runs.stream().mapToInt(List::size).min().orElse(0);
            if (epochs == 0) {
                continue;
            }
            double[] x = new double[epochs];
            double[] y = new double[epochs];
            for (int t = 0; t < epochs; t++) {
                x[t] = t + 1;
                for (var h : runs) {
                    y[t] += 100 * (1 - h.get(t).testAccuracy()) / runs.size();
                }
            }
            chart.addSeries(e.getKey() + " (" + runs.size() + " seeds)", x, y).setMarker(SeriesMarkers.NONE);
        }
        if (chart.getSeriesMap().isEmpty()) {
            throw new IllegalArgumentException("no history with at least one epoch");
        }
        return chart;
    }

    /** Relative error of the one-sided and symmetric estimates against the fixed-point gradient, log–log in β. */
    public static XYChart estimatorBias(EstimatorBias b) {
        XYChart chart = Charts.line("EP estimator bias (Laborieux et al. 2021)", "β", "‖ĝ − ∇L‖ / ‖∇L‖");
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        chart.addSeries("one-sided", b.betas(), b.oneSided());
        chart.addSeries("symmetric", b.betas(), b.symmetric());
        // β values where a nudged phase left the linear-response regime (the β / β² laws do not apply there)
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < b.betas().length; i++) {
            if (!b.linearResponse(i)) {
                x.add(b.betas()[i]);
                y.add(b.symmetric()[i]);
            }
        }
        if (!x.isEmpty()) {
            XYSeries s = chart.addSeries("outside linear response", x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }
}
